/**
 * The contract between the disaster-help form, the offline outbox and any receiver.
 * HTTP protocol (docs/help-request-api.md):
 *   POST <endpoint>  Content-Type: application/json  Idempotency-Key: <uuid v4 = payload.id>
 *   201 {receipt}                       stored (new)
 *   200 {receipt}                       the same key was stored before: the same receipt
 *   400 / 422 {errors: [{field, message}]}  rejected; `field` is a dotted path into the payload
 *   408, 429 (Retry-After), 5xx, network error, timeout (15 s)   retried with backoff
 *   413 too large, 415 wrong content type: a client bug; kept, shown as failed, never retried blindly
 *   409 {receipt?, errors}              this key was stored before with a different body: failed (kept),
 *                                       with the receipt of what the receiver holds
 *   any other status                    treated as temporary (retried), with the status in lastError
 */

/** What the resident sees about one submission. */
export type OutboxState =
  | 'queued' // saved on this device, not yet delivered (offline, receiver down, waiting to retry)
  | 'sending' // a delivery attempt is in flight
  | 'delivered' // the receiver stored it and gave a receipt
  | 'rejected' // the receiver refused the content (400/422): back to the form with its errors
  | 'failed' // a problem retrying cannot fix (413/415, or no endpoint): shown with the phone numbers
  | 'cancelled'; // the resident cancelled it before delivery

export interface FieldError {
  /** Dotted path into the payload, e.g. "contact.phone". */
  field: string;
  message: string;
}

export interface OutboxEntry {
  /** Client-generated UUID v4; also the Idempotency-Key and payload.id. */
  id: string;
  endpoint: string;
  /** The JSON payload exactly as it will be posted. */
  payload: {id: string; mode: string} & Record<string, unknown>;
  state: OutboxState;
  createdAt: number;
  updatedAt: number;
  attempts: number;
  /** Earliest time of the next attempt (ms since epoch), for queued entries. */
  nextAttemptAt?: number;
  receipt?: string;
  errors?: FieldError[];
  /** Last failure, for editors (never shown as the only information to residents). */
  lastError?: string;
  /** The receiver asked (Retry-After on 429/503) not to be called before this time (ms since epoch). */
  notBefore?: number;
  /**
   * A fingerprint of the payload as first saved or last changed, kept when the payload is deleted
   * (delivered, cancelled): the same id with other content is another request.
   */
  digest?: number;
  /**
   * True when the entry could not be saved on this device (no IndexedDB: private mode, blocked
   * storage). It lives only in this page's memory: it is lost if the page is closed before delivery.
   */
  unsaved?: boolean;
}

export interface SubmitResult {
  id: string;
  state: OutboxState;
  receipt?: string;
  errors?: FieldError[];
  /** Why the last attempt did not deliver (e.g. "HTTP 503", "timeout"), or that nothing could be saved. */
  lastError?: string;
  /** Nothing was saved on this device (see OutboxEntry.unsaved): say so, never "saved". */
  unsaved?: boolean;
}
