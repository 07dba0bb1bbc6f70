/**
 * A tiny promise wrapper around the outbox's one IndexedDB object store (no library).
 * Database `fukushi-outbox`, version 1, store `entries` keyed by `id`.
 */
import type {OutboxEntry} from './types.js';

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((ok, fail) => {
    // Throws (ReferenceError) where there is no IndexedDB; rejects in blocked private modes.
    const request = indexedDB.open('fukushi-outbox', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('entries', {keyPath: 'id'});
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opened = undefined;
      };
      ok(db);
    };
    request.onerror = () => fail(request.error);
    // Some browsers never answer open() in some private modes: give up after 5 s.
    // A failure is kept: this page then works without saving (see outbox.ts).
    setTimeout(() => fail(new Error('IndexedDB did not open')), 5000);
  });
  return opened;
}

/** Runs `fn` in one transaction on the store; resolves when the transaction has committed. */
export async function tx(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => void): Promise<void> {
  const db = await open();
  return new Promise((ok, fail) => {
    const t = db.transaction('entries', mode);
    fn(t.objectStore('entries'));
    t.oncomplete = () => ok();
    t.onerror = t.onabort = () => fail(t.error);
  });
}

/** Every saved entry. */
export async function all(): Promise<OutboxEntry[]> {
  let request!: IDBRequest<OutboxEntry[]>;
  await tx('readonly', (s) => (request = s.getAll()));
  return request.result;
}

/**
 * Reads entry `id` and writes `fn(entry)` in the same readwrite transaction, so that the
 * read-modify-write is atomic across tabs. `fn` returns undefined to write nothing.
 * Resolves to what was written.
 */
export async function update(
  id: string,
  fn: (current?: OutboxEntry) => OutboxEntry | undefined,
): Promise<OutboxEntry | undefined> {
  let next: OutboxEntry | undefined;
  await tx('readwrite', (s) => {
    const get = s.get(id);
    get.onsuccess = () => {
      next = fn(get.result);
      if (next) s.put(next);
    };
  });
  return next;
}

export const remove = (ids: string[]) => tx('readwrite', (s) => ids.forEach((id) => s.delete(id)));
