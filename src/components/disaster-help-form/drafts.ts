/**
 * Drafts of the help form, kept on this device in IndexedDB so that a reload, a closed tab or
 * the browser's Back button never loses an answer. A draft older than 7 days is deleted when
 * read. Without IndexedDB (some private modes) drafts live in memory and `persistent` is false.
 */
import type {Answers} from '../../core/help-request/engine.js';

export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Draft {
  /** The submission id (UUID v4), kept so that a retried submit reuses it. */
  id: string;
  step: string;
  answers: Answers;
  /** When the answers changed, ms since epoch. */
  savedAt: number;
  /** Set when the first submit was attempted (payload.created_at). */
  createdAt?: string;
}

export interface DraftStore {
  readonly persistent: boolean;
  get(key: string): Promise<Draft | undefined>;
  put(key: string, draft: Draft): Promise<void>;
  delete(key: string): Promise<void>;
}

const DB = 'fukushi-help-form';
const STORE = 'drafts';

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

function memoryStore(): DraftStore {
  const map = new Map<string, Draft>();
  return {
    persistent: false,
    get: async (key) => map.get(key),
    put: async (key, draft) => void map.set(key, structuredClone(draft)),
    delete: async (key) => void map.delete(key),
  };
}

async function idbStore(): Promise<DraftStore> {
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  const run = <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) =>
    request(f(db.transaction(STORE, mode).objectStore(STORE)));
  return {
    persistent: true,
    get: (key) => run('readonly', (s) => s.get(key) as IDBRequest<Draft | undefined>),
    put: async (key, draft) => void (await run('readwrite', (s) => s.put(draft, key))),
    delete: async (key) => void (await run('readwrite', (s) => s.delete(key))),
  };
}

let shared: Promise<DraftStore> | undefined;

/** The page's draft store (opened once). */
export function draftStore(): Promise<DraftStore> {
  return (shared ??= idbStore().catch(() => memoryStore()));
}

/** For tests: forget the opened store (the next call opens it again). */
export const resetDraftStore = (store?: DraftStore) => void (shared = store && Promise.resolve(store));

/** The draft under `key`, unless it has expired (then it is deleted). */
export async function loadDraft(store: DraftStore, key: string, now = Date.now()): Promise<Draft | undefined> {
  const draft = await store.get(key).catch(() => undefined);
  if (draft && now - draft.savedAt > DRAFT_TTL_MS) {
    await store.delete(key).catch(() => undefined);
    return undefined;
  }
  return draft;
}
