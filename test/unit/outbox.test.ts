// The outbox in real Chromium: real IndexedDB, Web Locks and BroadcastChannel; fetch stubbed
// per test. Each test imports a fresh copy of the module (as a reload or another tab would
// have), and time is faked where backoff matters.
import {expect} from '@open-wc/testing';
import {BASE_DELAY, MIN_DELAY, retryAfter, retryDelay} from '../../src/core/outbox/backoff.js';
import type {OutboxEntry} from '../../src/core/outbox/types.js';

type Outbox = typeof import('../../src/core/outbox/outbox.js');

const ENDPOINT = 'https://receiver.example/api/help-requests';
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realNow = Date.now;
const realFetch = globalThis.fetch;
const sleep = (ms: number) => new Promise((ok) => realSetTimeout(ok, ms));

let copies = 0;
/** A fresh module instance: its own listeners, timers and memory, like a reloaded page or another tab. */
async function load(): Promise<Outbox> {
  return (await import(/* @vite-ignore */ new URL(`../../src/core/outbox/outbox.ts?copy=${++copies}`, import.meta.url).href)) as Outbox;
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 5000) {
  const end = realNow() + timeout;
  while (!(await check())) {
    if (realNow() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const payload = (extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  mode: 'register',
  person: {name: '西東 花子', phone: '042-000-0000'},
  ...extra,
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json', ...headers}});

interface Call {
  url: string;
  key: string | null;
  type: string | null;
  body: Record<string, unknown>;
  /** What the outbox had saved when the request went out. */
  saved?: OutboxEntry[];
}
type Reply = Response | Error | ((signal: AbortSignal) => Promise<Response>);

/** Replaces fetch: each call takes the next reply (the last one repeats) and is recorded. */
function stubFetch(outbox: Outbox | undefined, ...replies: Reply[]): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    const call: Call = {url, key: headers.get('Idempotency-Key'), type: headers.get('Content-Type'), body: JSON.parse(String(init.body))};
    calls.push(call);
    if (outbox) call.saved = await outbox.listOutbox();
    const reply = replies.length > 1 ? replies.shift()! : replies[0];
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(init.signal!);
    return reply.clone();
  }) as typeof fetch;
  return calls;
}

/** A small fake clock for setTimeout and Date.now (mocha keeps its own timer references). */
function fakeClock() {
  let now = realNow();
  let seq = 0;
  const timers = new Map<number, {at: number; fn: () => void}>();
  globalThis.setTimeout = ((fn: () => void, ms = 0) => {
    timers.set(++seq, {at: now + ms, fn});
    return seq;
  }) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((id: number) => timers.delete(id)) as typeof clearTimeout;
  Date.now = () => now;
  return {
    get now() {
      return now;
    },
    /** Advances time by `ms`, firing due timers in order and letting real async work (IndexedDB) run. */
    async tick(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await sleep(20);
      }
      now = end;
      await sleep(20);
    },
    restore() {
      globalThis.setTimeout = realSetTimeout;
      globalThis.clearTimeout = realClearTimeout;
      Date.now = realNow;
    },
  };
}

function deleteDatabase() {
  return new Promise<void>((ok, fail) => {
    const request = indexedDB.deleteDatabase('fukushi-outbox');
    request.onsuccess = () => ok();
    request.onerror = () => fail(request.error);
  });
}

const entry = async (outbox: Outbox, id: string) => (await outbox.listOutbox()).find((e) => e.id === id);

describe('outbox', () => {
  let clock: ReturnType<typeof fakeClock> | undefined;

  beforeEach(async () => {
    await deleteDatabase();
    localStorage.removeItem('fukushi-outbox');
  });
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    globalThis.fetch = realFetch;
    await sleep(30);
  });

  // First, while no other copy of the module is running in this page.
  it('does not open IndexedDB on a page load when nothing is queued', async () => {
    const open = indexedDB.open;
    let opens = 0;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opens++;
      return open.apply(this, args);
    };
    try {
      const outbox = await load();
      outbox.startOutbox();
      dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      await sleep(200);
      expect(opens).to.equal(0);
    } finally {
      indexedDB.open = open;
    }
  });

  it('saves the request in IndexedDB before any network attempt', async () => {
    const outbox = await load();
    const calls = stubFetch(outbox, json(201, {receipt: 'NT-20261127-0001'}));
    const p = payload();
    await outbox.submitHelpRequest(ENDPOINT, p);
    expect(calls).to.have.length(1);
    const seen = calls[0].saved!.find((e) => e.id === p.id)!;
    expect(seen.state).to.equal('sending');
    expect(seen.payload).to.deep.equal(p);
    expect(seen.unsaved).to.equal(undefined);
  });

  it('posts JSON with the Idempotency-Key; 201 gives delivered with the receipt, keeping no personal data', async () => {
    const outbox = await load();
    const calls = stubFetch(outbox, json(201, {receipt: 'NT-20261127-0001'}));
    const p = payload();
    const result = await outbox.submitHelpRequest(ENDPOINT, p);
    expect(result).to.include({id: p.id, state: 'delivered', receipt: 'NT-20261127-0001'});
    expect(calls[0]).to.include({url: ENDPOINT, key: p.id, type: 'application/json'});
    expect(calls[0].body).to.deep.equal(p);
    const stored = (await entry(outbox, p.id))!;
    expect(stored.payload).to.deep.equal({id: p.id, mode: 'register'});
    expect(stored).to.include({state: 'delivered', receipt: 'NT-20261127-0001', attempts: 1});
    // Nothing left to send: the page-load flag says when to prune (30 days later), not "now".
    expect(Number(localStorage.getItem('fukushi-outbox'))).to.be.greaterThan(Date.now() + 29 * 864e5);
  });

  it('takes 200 (a replay of a stored key) as delivered too', async () => {
    const outbox = await load();
    stubFetch(outbox, json(200, {receipt: 'NT-20261127-0042'}));
    const result = await outbox.submitHelpRequest(ENDPOINT, payload());
    expect(result).to.include({state: 'delivered', receipt: 'NT-20261127-0042'});
  });

  it('stays queued on 503 and retries after a backoff with jitter, then delivers', async () => {
    const outbox = await load();
    await outbox.listOutbox(); // open the database before time is faked
    clock = fakeClock();
    const calls = stubFetch(outbox, json(503, {}), json(201, {receipt: 'NT-20261127-0002'}));
    const p = payload();
    const first = await outbox.submitHelpRequest(ENDPOINT, p);
    expect(first).to.include({state: 'queued', lastError: 'HTTP 503'});
    const queued = (await entry(outbox, p.id))!;
    const wait = queued.nextAttemptAt! - clock.now;
    expect(wait).to.be.within(MIN_DELAY, BASE_DELAY);
    await clock.tick(wait - 10);
    expect(calls).to.have.length(1);
    await clock.tick(20);
    await until(async () => (await entry(outbox, p.id))?.state === 'delivered', 'the retry');
    expect(calls).to.have.length(2);
    expect(calls[1].key).to.equal(p.id);
    expect((await entry(outbox, p.id))!).to.include({receipt: 'NT-20261127-0002', attempts: 2});
  });

  it('honours Retry-After on 429, even when the browser comes back online', async () => {
    const outbox = await load();
    await outbox.listOutbox();
    clock = fakeClock();
    const calls = stubFetch(outbox, json(429, {}, {'Retry-After': '120'}), json(201, {receipt: 'NT-20261127-0003'}));
    const p = payload();
    expect((await outbox.submitHelpRequest(ENDPOINT, p)).state).to.equal('queued');
    const queued = (await entry(outbox, p.id))!;
    expect(queued.notBefore).to.equal(clock.now + 120_000);
    expect(queued.nextAttemptAt).to.be.at.least(clock.now + 120_000);
    dispatchEvent(new Event('online'));
    await clock.tick(119_000);
    expect(calls).to.have.length(1);
    await clock.tick(queued.nextAttemptAt! - clock.now);
    await until(async () => (await entry(outbox, p.id))?.state === 'delivered', 'the retry after Retry-After');
    expect(calls).to.have.length(2);
  });

  it('reads Retry-After as seconds or as an HTTP date, and keeps backoff within its bounds', () => {
    const now = Date.UTC(2026, 10, 27, 0, 0, 0);
    expect(retryAfter('30', now)).to.equal(30_000);
    expect(retryAfter('Fri, 27 Nov 2026 00:01:00 GMT', now)).to.equal(60_000);
    expect(retryAfter('Thu, 26 Nov 2026 00:00:00 GMT', now)).to.equal(undefined);
    expect(retryAfter(null, now)).to.equal(undefined);
    expect(retryAfter('soon', now)).to.equal(undefined);
    expect(retryDelay(1, 0)).to.equal(MIN_DELAY);
    expect(retryDelay(1, 0.999)).to.be.below(2000);
    expect(retryDelay(3, 0.5)).to.equal(4000);
    expect(retryDelay(30, 0.999)).to.be.below(5 * 60_000);
  });

  it('turns 400/422 field errors into rejected, keeps the payload, and sends the corrected one under the same id', async () => {
    const outbox = await load();
    const errors = [{field: 'person.phone', message: '電話番号の形が正しくありません'}];
    const calls = stubFetch(outbox, json(422, {errors}), json(201, {receipt: 'NT-20261127-0004'}));
    const p = payload();
    const result = await outbox.submitHelpRequest(ENDPOINT, p);
    expect(result).to.include({state: 'rejected'});
    expect(result.errors).to.deep.equal(errors);
    expect((await entry(outbox, p.id))!.payload).to.deep.equal(p);
    // The same payload again is not re-sent: the receiver would refuse it again.
    expect((await outbox.submitHelpRequest(ENDPOINT, p)).state).to.equal('rejected');
    expect(calls).to.have.length(1);
    const fixed = {...p, person: {name: '西東 花子', phone: '042-464-1311'}};
    expect(await outbox.submitHelpRequest(ENDPOINT, fixed)).to.include({state: 'delivered', receipt: 'NT-20261127-0004'});
    expect(calls[1].body).to.deep.equal(fixed);
    expect((await outbox.listOutbox()).filter((e) => e.id === p.id)).to.have.length(1);
  });

  it('answers 400 without an errors list with one general error', async () => {
    const outbox = await load();
    stubFetch(outbox, json(400, {message: 'bad'}));
    const result = await outbox.submitHelpRequest(ENDPOINT, payload());
    expect(result.errors).to.deep.equal([{field: '', message: 'HTTP 400'}]);
  });

  it('marks 413 and 415 as failed, keeps the entry and never retries it', async () => {
    const outbox = await load();
    await outbox.listOutbox();
    clock = fakeClock();
    const calls = stubFetch(outbox, json(413, {}), json(415, {}));
    const a = payload();
    const b = payload();
    expect(await outbox.submitHelpRequest(ENDPOINT, a)).to.include({state: 'failed', lastError: 'HTTP 413'});
    expect(await outbox.submitHelpRequest(ENDPOINT, b)).to.include({state: 'failed', lastError: 'HTTP 415'});
    dispatchEvent(new Event('online'));
    await clock.tick(10 * 60_000);
    expect(calls).to.have.length(2);
    expect((await entry(outbox, a.id))!.payload).to.deep.equal(a);
    // Submitting a failed entry again returns its state; it does not post blindly.
    expect((await outbox.submitHelpRequest(ENDPOINT, a)).state).to.equal('failed');
    expect(calls).to.have.length(2);
  });

  it('fails at once without an endpoint or with one that is not a URL, keeping the entry', async () => {
    const outbox = await load();
    const calls = stubFetch(outbox, json(201, {receipt: 'x'}));
    const p = payload();
    expect(await outbox.submitHelpRequest('', p)).to.include({state: 'failed'});
    const q = payload();
    expect(await outbox.submitHelpRequest('http://', q)).to.include({state: 'failed'});
    expect(calls).to.have.length(0);
    expect((await entry(outbox, p.id))!.payload).to.deep.equal(p);
    expect((await entry(outbox, q.id))!.payload).to.deep.equal(q);
  });

  it('treats 409 (the key was stored with another body) as failed, with the receiver’s receipt', async () => {
    const outbox = await load();
    stubFetch(outbox, json(409, {receipt: 'NT-20261127-0009', errors: [{field: 'id', message: 'already received with different content'}]}));
    const result = await outbox.submitHelpRequest(ENDPOINT, payload());
    expect(result).to.include({state: 'failed', receipt: 'NT-20261127-0009'});
    expect(result.errors![0].field).to.equal('id');
  });

  it('aborts an attempt after 15 s and keeps the request queued', async () => {
    const outbox = await load();
    await outbox.listOutbox();
    clock = fakeClock();
    const hang = (signal: AbortSignal) =>
      new Promise<Response>((_ok, fail) => signal.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))));
    const calls = stubFetch(outbox, hang);
    const p = payload();
    const pending = outbox.submitHelpRequest(ENDPOINT, p);
    await until(() => calls.length === 1, 'the first attempt');
    await sleep(20);
    await clock.tick(14_900);
    expect((await entry(outbox, p.id))!.state).to.equal('sending');
    await clock.tick(200);
    expect(await pending).to.include({state: 'queued', lastError: 'timeout'});
  });

  it('keeps a network error queued and retries on the online event', async () => {
    const outbox = await load();
    const calls = stubFetch(outbox, new TypeError('Failed to fetch'), json(201, {receipt: 'NT-20261127-0005'}));
    const p = payload();
    const first = await outbox.submitHelpRequest(ENDPOINT, p);
    expect(first.state).to.equal('queued');
    expect(first.lastError).to.contain('Failed to fetch');
    expect((await entry(outbox, p.id))!.nextAttemptAt).to.be.above(Date.now() + 500);
    dispatchEvent(new Event('online'));
    await until(async () => (await entry(outbox, p.id))?.state === 'delivered', 'delivery after online');
    expect(calls).to.have.length(2);
  });

  it('makes one entry and one request for the same id submitted twice at once', async () => {
    const outbox = await load();
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const calls = stubFetch(outbox, async () => {
      await gate;
      return json(201, {receipt: 'NT-20261127-0006'});
    });
    const p = payload();
    const first = outbox.submitHelpRequest(ENDPOINT, p);
    const second = outbox.submitHelpRequest(ENDPOINT, p);
    await until(() => calls.length === 1, 'the first attempt');
    await sleep(50);
    release();
    const results = await Promise.all([first, second]);
    expect(results.map((r) => r.receipt)).to.deep.equal(['NT-20261127-0006', 'NT-20261127-0006']);
    expect(calls).to.have.length(1);
    expect((await outbox.listOutbox()).filter((e) => e.id === p.id)).to.have.length(1);
    // After delivery, submitting again only answers with the receipt.
    expect(await outbox.submitHelpRequest(ENDPOINT, p)).to.include({state: 'delivered', receipt: 'NT-20261127-0006'});
    expect(calls).to.have.length(1);
  });

  it('updates the payload of a queued entry submitted again with changes', async () => {
    const outbox = await load();
    const calls = stubFetch(outbox, new TypeError('offline'), json(201, {receipt: 'NT-20261127-0007'}));
    const p = payload();
    expect((await outbox.submitHelpRequest(ENDPOINT, p)).state).to.equal('queued');
    const changed = {...p, note: '追記'};
    expect((await outbox.submitHelpRequest(ENDPOINT, changed)).state).to.equal('delivered');
    expect(calls[1].body).to.deep.equal(changed);
  });

  it('tells another request under a used id by a fingerprint: after delivery, failure or cancelling, other content is refused (RequestIdInUseError) and the same gets the state', async () => {
    const outbox = await load();
    const refused = async (p: ReturnType<typeof payload>) => {
      let error: unknown;
      await outbox.submitHelpRequest(ENDPOINT, p).catch((e: unknown) => (error = e));
      expect((error as Error | undefined)?.name, `${p.id} refused`).to.equal('RequestIdInUseError');
      return (error as Error).message;
    };
    const other = (p: ReturnType<typeof payload>) => ({...p, person: {name: '別の 人', phone: '042-000-0001'}});
    const calls = stubFetch(outbox, json(201, {receipt: 'NT-20261127-0011'}));
    const delivered = payload();
    await outbox.submitHelpRequest(ENDPOINT, delivered);
    const kept = (await entry(outbox, delivered.id))!;
    expect(kept.payload).to.deep.equal({id: delivered.id, mode: 'register'}, 'still no personal data kept');
    expect(kept.digest).to.be.a('number');
    expect(await outbox.submitHelpRequest(ENDPOINT, delivered)).to.include({state: 'delivered', receipt: 'NT-20261127-0011'});
    const message = await refused(other(delivered));
    expect(message).to.contain(delivered.id).and.contain('delivered').and.contain('new id');
    expect(calls).to.have.length(1);

    stubFetch(outbox, json(415, {}));
    const failed = payload();
    expect((await outbox.submitHelpRequest(ENDPOINT, failed)).state).to.equal('failed');
    expect(await refused(other(failed))).to.contain('failed');

    stubFetch(outbox, new TypeError('offline'));
    const cancelled = payload();
    await outbox.submitHelpRequest(ENDPOINT, cancelled);
    await outbox.cancelOutboxEntry(cancelled.id);
    expect((await outbox.submitHelpRequest(ENDPOINT, cancelled)).state).to.equal('cancelled');
    expect(await refused(other(cancelled))).to.contain('cancelled');
    const ids: string[] = [delivered.id, failed.id, cancelled.id];
    expect((await outbox.listOutbox()).filter((e) => ids.includes(e.id)).map((e) => e.state)).to.deep.equal(['delivered', 'failed', 'cancelled']);
  });

  it('other content while another tab sends the id waits for that attempt, then takes the queued entry\'s place', async () => {
    const tab1 = await load();
    const tab2 = await load();
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const calls = stubFetch(
      undefined,
      async () => {
        await gate;
        throw new TypeError('offline');
      },
      json(201, {receipt: 'NT-20261127-0012'}),
    );
    const p = payload();
    const first = tab1.submitHelpRequest(ENDPOINT, p);
    await until(() => calls.length === 1, 'the first attempt');
    const changed = {...p, note: '追記'};
    const second = tab2.submitHelpRequest(ENDPOINT, changed);
    await sleep(100);
    expect(calls, 'nothing sent while the first attempt runs').to.have.length(1);
    release();
    expect((await first).state).to.equal('queued');
    expect(await second).to.include({state: 'delivered', receipt: 'NT-20261127-0012'});
    expect(calls).to.have.length(2);
    expect(calls[1]!.body).to.deep.equal(changed);
  });

  it('lets the resident cancel a queued entry (payload deleted, never sent) but not a delivered one', async () => {
    const outbox = await load();
    const calls = stubFetch(outbox, new TypeError('offline'));
    const p = payload();
    await outbox.submitHelpRequest(ENDPOINT, p);
    const changes: string[] = [];
    outbox.onOutboxChange((e) => e.id === p.id && changes.push(e.state));
    await outbox.cancelOutboxEntry(p.id);
    const cancelled = (await entry(outbox, p.id))!;
    expect(cancelled.state).to.equal('cancelled');
    expect(cancelled.payload).to.deep.equal({id: p.id, mode: 'register'});
    expect(changes).to.deep.equal(['cancelled']);
    dispatchEvent(new Event('online'));
    await sleep(100);
    expect(calls).to.have.length(1);
    expect((await outbox.submitHelpRequest(ENDPOINT, p)).state).to.equal('cancelled');
    expect(localStorage.getItem('fukushi-outbox')).to.not.equal('0');

    stubFetch(outbox, json(201, {receipt: 'NT-20261127-0008'}));
    const q = payload();
    await outbox.submitHelpRequest(ENDPOINT, q);
    let error: unknown;
    await outbox.cancelOutboxEntry(q.id).catch((e) => (error = e));
    expect(String(error)).to.contain('delivered');
    expect((await entry(outbox, q.id))!.state).to.equal('delivered');
  });

  it('reports every state change, also to another tab', async () => {
    const tab1 = await load();
    const tab2 = await load();
    const here: string[] = [];
    const there: string[] = [];
    const p = payload();
    tab1.onOutboxChange((e) => e.id === p.id && here.push(e.state));
    tab2.onOutboxChange((e) => e.id === p.id && there.push(e.state));
    stubFetch(undefined, json(201, {receipt: 'NT-20261127-0010'}));
    await tab1.submitHelpRequest(ENDPOINT, p);
    expect(here).to.deep.equal(['queued', 'sending', 'delivered']);
    await until(() => there.length === 3, 'the other tab');
    expect(there).to.deep.equal(['queued', 'sending', 'delivered']);
  });

  it('never runs two deliveries of one entry at once across tabs (Web Locks)', async () => {
    const tab1 = await load();
    const tab2 = await load();
    const calls = stubFetch(undefined, async () => {
      await sleep(100);
      return json(201, {receipt: 'NT-20261127-0011'});
    });
    const p = payload();
    const results = await Promise.all([tab1.submitHelpRequest(ENDPOINT, p), tab2.submitHelpRequest(ENDPOINT, p)]);
    expect(calls).to.have.length(1);
    expect(results.map((r) => r.state)).to.deep.equal(['delivered', 'delivered']);
  });

  it('without Web Locks, still sends once: a queue in the tab and a lease in the entry across tabs', async () => {
    Object.defineProperty(navigator, 'locks', {value: undefined, configurable: true});
    try {
      const tab1 = await load();
      const tab2 = await load();
      const calls = stubFetch(undefined, async () => {
        await sleep(100);
        return json(201, {receipt: 'NT-20261127-0014'});
      });
      const p = payload();
      const [a, b] = await Promise.all([tab1.submitHelpRequest(ENDPOINT, p), tab1.submitHelpRequest(ENDPOINT, p)]);
      expect([a.state, b.state]).to.deep.equal(['delivered', 'delivered']);
      const q = payload();
      const both = await Promise.all([tab1.submitHelpRequest(ENDPOINT, q), tab2.submitHelpRequest(ENDPOINT, q)]);
      // The tab that lost the race sees `sending` (the other tab holds the lease) and later `delivered`.
      expect(both.map((r) => r.state).sort()).to.deep.equal(['delivered', 'sending']);
      expect(calls).to.have.length(2);
      expect((await entry(tab2, q.id))!.state).to.equal('delivered');
    } finally {
      delete (navigator as {locks?: unknown}).locks;
    }
    expect(typeof navigator.locks).to.equal('object'); // (chai's .an() on a LockManager crashes Chromium)
  });

  it('resumes a queued request after a reload (a fresh copy of the module)', async () => {
    const before = await load();
    stubFetch(before, new TypeError('offline'));
    const p = payload();
    expect((await before.submitHelpRequest(ENDPOINT, p)).state).to.equal('queued');
    expect(localStorage.getItem('fukushi-outbox')).to.equal('0');

    const calls = stubFetch(undefined, json(201, {receipt: 'NT-20261127-0012'}));
    const after = await load();
    after.startOutbox();
    await until(async () => (await entry(after, p.id))?.state === 'delivered', 'delivery after the reload');
    expect(calls).to.have.length(1);
    expect(calls[0].body).to.deep.equal(p);
  });

  it('deletes delivered entries 30 days later, on start', async () => {
    const outbox = await load();
    stubFetch(outbox, json(201, {receipt: 'NT-20261027-0001'}));
    const p = payload();
    Date.now = () => realNow() - 31 * 864e5;
    try {
      await outbox.submitHelpRequest(ENDPOINT, p);
    } finally {
      Date.now = realNow;
    }
    expect(Number(localStorage.getItem('fukushi-outbox'))).to.be.below(Date.now());
    const later = await load();
    later.startOutbox();
    await until(async () => !(await entry(later, p.id)), 'the pruning');
    expect(localStorage.getItem('fukushi-outbox')).to.equal(null);
  });

  it('without IndexedDB, still delivers from memory and says that nothing was saved', async () => {
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = () => {
      throw new DOMException('blocked', 'InvalidStateError');
    };
    try {
      const outbox = await load();
      stubFetch(undefined, new TypeError('offline'), json(201, {receipt: 'NT-20261127-0013'}));
      const p = payload();
      const first = await outbox.submitHelpRequest(ENDPOINT, p);
      expect(first).to.include({state: 'queued', unsaved: true});
      expect(first.lastError).to.match(/^not saved on this device/);
      expect((await outbox.listOutbox()).map((e) => e.id)).to.include(p.id);
      dispatchEvent(new Event('online'));
      await until(async () => (await entry(outbox, p.id))?.state === 'delivered', 'delivery from memory');
      expect((await entry(outbox, p.id))!).to.include({receipt: 'NT-20261127-0013', unsaved: true});
      expect(localStorage.getItem('fukushi-outbox')).to.equal(null);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
  });
});
