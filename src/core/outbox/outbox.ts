/**
 * The outbox: offline-safe delivery of help requests (HTTP contract: docs/help-request-api.md).
 *
 * - submitHelpRequest() saves the entry in IndexedDB (`fukushi-outbox`) under payload.id
 *   BEFORE any network attempt, then POSTs it with `Idempotency-Key: <id>` (timeout 15 s).
 * - The same id again never makes a second entry. Queued or rejected entries take the new payload
 *   (a rejected request was never stored by the receiver, so the corrected one may be sent under
 *   the same key); sending, delivered, failed and cancelled entries keep theirs. With the same
 *   content their state is returned; with other content (told by a fingerprint kept after the
 *   payload is deleted) the id belongs to another request and submitHelpRequest() rejects with an
 *   Error named RequestIdInUseError. A cancelled id stays cancelled: a new request needs a new id.
 * - Temporary failures (network, timeout, 408, 429, 5xx, other unexpected statuses) stay
 *   `queued` and are retried with exponential backoff and full jitter (2 s base, 5 min cap,
 *   never sooner than 1 s), never before a Retry-After (429/503). Also retried at once on
 *   `online`, on the page becoming visible, and on the next page load of any page with a widget.
 * - One delivery of an entry at a time across tabs (Web Locks, else a 20 s lease in the entry);
 *   tabs see each other's changes (BroadcastChannel `fukushi-outbox`).
 * - Delivered and cancelled entries keep only id, mode, receipt, the fingerprint and timestamps;
 *   every entry that is not waiting to be sent is deleted 30 days after its last change.
 * - Without IndexedDB the entry lives in memory only, marked `unsaved`, and is still delivered.
 * - localStorage `fukushi-outbox` holds the time (ms) at which a page load must open the
 *   database (0: something waits to be sent); without it, page loads never open IndexedDB.
 */
import {all, remove, update} from './idb.js';
import {retryAfter, retryDelay} from './backoff.js';
import type {FieldError, OutboxEntry, SubmitResult} from './types.js';
import {OUTBOX_FLAG} from './flag.js';

export type {FieldError, OutboxEntry, OutboxState, SubmitResult} from './types.js';

type Payload = OutboxEntry['payload'];
type Listener = (entry: OutboxEntry) => void;

/** The BroadcastChannel that carries entry changes to the page's other tabs. */
const CHANNEL = 'fukushi-outbox';
/** Web Lock names: one lock per entry, `fukushi-outbox:<id>`. */
const LOCK_PREFIX = 'fukushi-outbox:';
const KEEP = 30 * 864e5;
const TIMEOUT = 15e3;
const LEASE = 20e3;

const listeners = new Set<Listener>();
/** Entries that could not be saved (no IndexedDB). */
const memory = new Map<string, OutboxEntry>();
let channel: BroadcastChannel | undefined;
let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;
let chain: Promise<unknown> = Promise.resolve();
let pending: boolean | undefined;
/** Per-entry queues in this tab, where there are no Web Locks. */
const queues = new Map<string, Promise<unknown>>();

const waiting = (e: OutboxEntry) => e.state === 'queued' || e.state === 'sending';

/** A fingerprint of a payload's JSON (FNV-1a, 32 bits): enough to tell two requests under one id apart on this device. */
function fingerprint(json: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const locks = () => globalThis.navigator?.locks as LockManager | undefined;

/** Saved entries and unsaved (in-memory) ones; an unsaved one stands in for a saved one with its id. */
async function read(): Promise<OutboxEntry[]> {
  let saved: OutboxEntry[] = [];
  try {
    saved = await all();
  } catch {
    // No IndexedDB: memory only.
  }
  return [...saved.filter((e) => !memory.has(e.id)), ...memory.values()];
}

async function change(id: string, fn: (current?: OutboxEntry) => OutboxEntry | undefined) {
  const m = memory.get(id);
  if (!m) return update(id, fn);
  const next = fn(m);
  if (next) memory.set(id, next);
  return next;
}

function emit(entry: OutboxEntry, local?: boolean) {
  for (const l of listeners) {
    try {
      l(entry);
    } catch (error) {
      console.error(error);
    }
  }
  if (!local) listen()?.postMessage(entry);
}

/** The BroadcastChannel to other tabs, opened only when this page sends or listens (not on every page). */
function listen(): BroadcastChannel | undefined {
  try {
    channel ??= Object.assign(new BroadcastChannel(CHANNEL), {
      onmessage: ({data}: MessageEvent<OutboxEntry>) => {
        emit(data, true);
        if (data.state === 'queued') wake(data.nextAttemptAt ?? 0);
      },
    });
  } catch {
    // No BroadcastChannel: other tabs' changes show on the next listOutbox().
  }
  return channel;
}

/** Whether anything may wait to be sent (the page-load flag, or unsaved entries in memory). */
function due(): boolean {
  let flag: string | null = '0';
  try {
    flag = localStorage.getItem(OUTBOX_FLAG);
  } catch {
    // Blocked storage: look in IndexedDB.
  }
  return (flag !== null && +flag <= Date.now()) || [...memory.values()].some(waiting);
}

function setFlag(at: number) {
  try {
    if (isFinite(at)) localStorage.setItem(OUTBOX_FLAG, String(at));
    else localStorage.removeItem(OUTBOX_FLAG);
  } catch {
    // Storage blocked: every page load will look.
  }
}

/** Runs a delivery pass at `at`, but not sooner than 1 s from now: an entry still due after a pass could not be sent. */
function wake(at: number) {
  at = Math.max(at, Date.now() + 1000);
  if (at >= timerAt) return;
  clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(
    () => {
      timerAt = Infinity;
      void deliverWaiting();
    },
    Math.min(Math.max(at - Date.now(), 0), 864e5),
  );
}

/** Sets the page-load flag and the retry timer from the full list. */
function refresh(list: OutboxEntry[]) {
  setFlag(Math.min(...list.filter((e) => !e.unsaved).map((e) => (waiting(e) ? 0 : e.updatedAt + KEEP))));
  // A `sending` entry belongs to an attempt in another tab, or to a page that closed mid-attempt
  // (its lock is released a moment later): look again in 2 s, not only when its lease ends.
  for (const e of list) if (waiting(e)) wake(Math.min(e.nextAttemptAt ?? 0, e.state === 'sending' ? Date.now() + 2000 : Infinity));
}

/** Runs one delivery pass over every waiting entry, after any pass in progress; passes asked for meanwhile are merged. */
function deliverWaiting(force = false): Promise<unknown> {
  if (pending === undefined) {
    chain = chain
      .then(async () => {
        const f = pending;
        pending = undefined;
        const now = Date.now();
        const list = await read();
        const old = list.filter((e) => !waiting(e) && e.updatedAt + KEEP < now).map((e) => e.id);
        if (old.length) {
          old.forEach((id) => memory.delete(id));
          await remove(old).catch(() => {});
        }
        for (const e of list) if (waiting(e)) await deliver(e.id, f);
        refresh(await read());
      })
      .catch(console.error);
  }
  pending ||= force;
  return chain;
}

function fieldErrors(value: unknown, status: number): FieldError[] {
  const list = (Array.isArray(value) ? value : [])
    .filter((e) => typeof e?.field === 'string' && typeof e.message === 'string')
    .map(({field, message}) => ({field, message}));
  return list.length ? list : [{field: '', message: `HTTP ${status}`}];
}

/** One POST of `e`; resolves to the entry as it should be stored afterwards. */
async function attempt(e: OutboxEntry): Promise<OutboxEntry> {
  const abort = new AbortController();
  const t = setTimeout(() => abort.abort(), TIMEOUT);
  let status = 0;
  let wait: number | undefined;
  let body: {receipt?: unknown; errors?: unknown} = {};
  let lastError: string | undefined;
  try {
    if (!e.endpoint) throw new Error('no endpoint');
    const response = await fetch(e.endpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Idempotency-Key': e.id},
      body: JSON.stringify(e.payload),
      signal: abort.signal,
    });
    status = response.status;
    if (status === 429 || status === 503) wait = retryAfter(response.headers.get('Retry-After'));
    body = (await response.json().catch(() => null)) ?? {};
  } catch (error) {
    lastError = abort.signal.aborted ? 'timeout' : String(error);
  }
  clearTimeout(t);
  const now = Date.now();
  const receipt = typeof body.receipt === 'string' ? body.receipt : undefined;
  lastError = (e.unsaved ? 'not saved on this device; ' : '') + (lastError ?? `HTTP ${status}`);
  const base = {...e, updatedAt: now, errors: undefined, lastError, notBefore: undefined, nextAttemptAt: undefined};
  if (status >= 200 && status < 300) {
    const {id, endpoint, createdAt, attempts, unsaved, digest} = e;
    return {id, endpoint, payload: {id, mode: e.payload.mode}, digest, state: 'delivered', createdAt, updatedAt: now, attempts, receipt, unsaved};
  }
  if (status === 400 || status === 422) return {...base, state: 'rejected', errors: fieldErrors(body.errors, status)};
  if (!e.endpoint || status === 409 || status === 413 || status === 415) {
    return {...base, state: 'failed', receipt, errors: status === 409 ? fieldErrors(body.errors, status) : undefined};
  }
  return {
    ...base,
    state: 'queued',
    nextAttemptAt: now + Math.max(retryDelay(e.attempts), wait ?? 0),
    notBefore: wait && now + wait,
  };
}

/** Runs `fn` holding entry `id`'s lock (Web Locks across tabs; else a queue in this tab). `wait`: else skip if held. */
function locked<T>(id: string, wait: boolean, fn: () => Promise<T>): Promise<T | undefined> {
  const lockManager = locks();
  if (lockManager) {
    return lockManager.request(LOCK_PREFIX + id, {ifAvailable: !wait}, (lock) => (lock ? fn() : undefined)) as Promise<T | undefined>;
  }
  const busy = queues.get(id);
  if (busy && !wait) return Promise.resolve(undefined);
  const run: Promise<T> = (busy ?? Promise.resolve()).then(fn, fn).finally(() => queues.get(id) === run && queues.delete(id));
  queues.set(id, run);
  return run;
}

/**
 * Delivers entry `id` if it is due (`force`: even before its backoff time, never before
 * Retry-After). `wait`: wait for another attempt in flight to end instead of leaving it to it.
 */
const deliver = (id: string, force?: boolean, wait = false) =>
  locked(id, wait, async () => {
    const now = Date.now();
    const claimed = await change(id, (c) =>
      c &&
      (c.state === 'queued'
        ? ((force ? c.notBefore : c.nextAttemptAt) ?? 0) <= now
        : // With Web Locks, a `sending` entry found while holding the lock was left by a page
          // that closed mid-attempt; without, another tab's lease must have run out.
          c.state === 'sending' && (!!locks() || (c.nextAttemptAt ?? 0) <= now))
        ? {...c, state: 'sending', attempts: c.attempts + 1, updatedAt: now, nextAttemptAt: now + LEASE}
        : undefined,
    ).catch(() => undefined);
    if (!claimed) return;
    emit(claimed);
    const next = await attempt(claimed);
    // Without Web Locks another tab may have cancelled meanwhile: that stands unless the request got through.
    const written = await change(id, (c) => (c && (c.state !== 'cancelled' || next.state === 'delivered') ? next : undefined)).catch(
      () => undefined,
    );
    if (written) emit(written);
  });

const result = ({id, state, receipt, errors, lastError, unsaved}: OutboxEntry): SubmitResult => ({
  id,
  state,
  receipt,
  errors,
  lastError,
  unsaved,
});

/**
 * Saves a help request on this device, then tries to deliver it to `endpoint`.
 * Resolves after the first attempt (at most 15 s) with the entry's state: `delivered` with a
 * receipt, `queued` (will be retried), `rejected` with field errors, or `failed`. Rejects with an
 * Error named RequestIdInUseError when `payload.id` belongs to another request (top of this file).
 */
export async function submitHelpRequest(endpoint: string, payload: Payload): Promise<SubmitResult> {
  startOutbox();
  const {id} = payload;
  if (!id) throw new TypeError('payload.id is required');
  const now = Date.now();
  let url = '';
  try {
    url = endpoint && new URL(endpoint, location.href).href;
  } catch {
    // Not a URL: saved, then failed (no endpoint) instead of lost.
  }
  const json = JSON.stringify(payload);
  const digest = fingerprint(json);
  let before: OutboxEntry | undefined;
  const make = (c?: OutboxEntry): OutboxEntry | undefined => {
    before = c;
    if (c && !(c.state === 'queued' || c.state === 'rejected')) return undefined;
    if (c && c.endpoint === url && c.digest === digest) return undefined;
    return {
      ...c,
      id,
      endpoint: url,
      payload,
      digest,
      state: 'queued',
      createdAt: c?.createdAt ?? now,
      updatedAt: now,
      attempts: c?.attempts ?? 0,
      nextAttemptAt: now,
      errors: undefined,
    };
  };
  let saved: OutboxEntry | undefined;
  const save = async () => {
    try {
      saved = await change(id, make);
      if (saved) setFlag(0);
    } catch {
      saved = make();
      if (saved) memory.set(id, (saved = {...saved, unsaved: true, lastError: 'not saved on this device'}));
    }
  };
  // Entries saved before fingerprints were kept have none: their state is returned, as before.
  const other = () => !saved && (before?.digest ?? digest) !== digest;
  await save();
  // Other content while this id is being sent (another tab): if that attempt leaves it queued, this takes its place.
  if (other() && before!.state === 'sending') await locked(id, true, save);
  if (other()) {
    const message = `fukushi-widgets: ${id} is the id of another request (${before!.state}); a new request needs a new id`;
    throw Object.assign(new Error(message), {name: 'RequestIdInUseError'});
  }
  const entry = saved ?? before!;
  if (saved) emit(saved);
  // A second submit while an attempt is in flight waits for it; otherwise try now.
  if (waiting(entry)) await deliver(id, entry.state === 'queued', true);
  const list = await read();
  refresh(list);
  return result(list.find((e) => e.id === id) ?? entry);
}

/** Calls `listener` with every change of any entry, in this tab or another; returns an unsubscribe function. */
export function onOutboxChange(listener: Listener): () => void {
  startOutbox();
  listen();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every entry on this device (and unsaved ones in this page), oldest first. */
export async function listOutbox(): Promise<OutboxEntry[]> {
  return (await read()).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Cancels an entry that is not delivered yet; its payload is deleted. Waits for an attempt in
 * flight to end. Rejects if the entry was delivered (it cannot be cancelled: call the desk).
 * Cancelling is local: if an earlier attempt's answer was lost, the receiver may hold the request.
 */
export async function cancelOutboxEntry(id: string): Promise<void> {
  let delivered = false;
  const go = () =>
    change(id, (c) => {
      delivered = c?.state === 'delivered';
      return c && !delivered && c.state !== 'cancelled'
        ? {...c, state: 'cancelled', payload: {id, mode: c.payload.mode}, updatedAt: Date.now(), nextAttemptAt: undefined, notBefore: undefined, errors: undefined}
        : undefined;
    });
  const entry = await locked(id, true, go);
  if (delivered) throw new Error(`${id} was delivered already`);
  if (entry) emit(entry);
  refresh(await read());
}

/**
 * Starts the outbox in this page (idempotent): delivers whatever is queued, now and whenever the
 * browser comes online or the page becomes visible. Opens IndexedDB only when the localStorage flag
 * says something is due, so a page with nothing queued costs one localStorage read. Called by
 * every widget's base module.
 */
export function startOutbox(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  const retry = () => due() && deliverWaiting(true);
  addEventListener('online', retry);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && retry());
  retry();
}
