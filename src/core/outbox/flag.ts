/** The localStorage key the outbox sets while a request waits to be sent. */
export const OUTBOX_FLAG = 'fukushi-outbox';
