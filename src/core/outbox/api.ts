/**
 * The outbox's public API for page scripts (`import {submitHelpRequest} from 'fukushi-widgets'`).
 * Its code is not part of a page's start-up script: it loads on the first call, and a help form
 * on the page has it loaded as the form connects, so that it is ready offline.
 */
import type {OutboxEntry, SubmitResult} from './types.js';

const outbox = () => import('./outbox.js');

/** Saves a help request on this device and delivers it (see outbox.ts). */
export const submitHelpRequest = (endpoint: string, payload: OutboxEntry['payload']): Promise<SubmitResult> =>
  outbox().then((code) => code.submitHelpRequest(endpoint, payload));

/** Every request on this device (and unsaved ones in this page), oldest first. */
export const listOutbox = (): Promise<OutboxEntry[]> => outbox().then((code) => code.listOutbox());

/** Cancels a request that is not delivered yet; rejects if it was delivered (see outbox.ts). */
export const cancelOutboxEntry = (id: string): Promise<void> => outbox().then((code) => code.cancelOutboxEntry(id));

/** Calls `listener` with every change of any request, in this tab or another; returns an unsubscribe function. */
export function onOutboxChange(listener: (entry: OutboxEntry) => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void outbox().then((code) => {
    if (!stopped) stop = code.onOutboxChange(listener);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
