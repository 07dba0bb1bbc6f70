// The outbox in real Chromium (the built bundle) against the real receiver (server/receiver.mjs,
// SQLite), with faults injected in front of the receiver: offline, receiver down, 503s and dropped
// connections, a reload mid-delivery, two tabs, refused content, oversized and malformed bodies.
// The receiver runs on another port than the page: a cross-origin embed, CORS included.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launch} from './lib/browser.mjs';
import {serveBuilt} from './lib/pages.mjs';
import {createReceiver, DEFAULT_SCHEMA} from '../../server/receiver.mjs';

const schemaFile = process.env.FUKUSHI_SCHEMA ?? DEFAULT_SCHEMA;
const skip = existsSync(schemaFile) && existsSync('dist/fukushi-widgets.js')
  ? false
  : `SKIPPED: run "npm run build" first (needs dist/fukushi-widgets.js and ${schemaFile}; the receiver never validates with a weaker schema).`;
if (skip) console.warn(`\n⚠ ${skip}\n`);
const example = skip ? {} : JSON.parse(readFileSync(schemaFile, 'utf8')).examples.find((e) => e.mode === 'register');

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
/** A seeded random generator (mulberry32): the same faults on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir;
let browser;
let pages; // the static server: built bundle + test pages
let receiver;
let api; // the receiver's own server, with the faults in front
let apiPort;
let endpoint;
/** What reached the receiver's port. */
const seen = {posts: 0, byKey: new Map(), inflight: new Map(), overlaps: 0, statuses: new Map(), faults: new Map()};
/** fault(key, attempt) → 'ok' | '503' | '503-retry-after' | 'drop-before' | 'drop-after' | {delay: ms} */
let fault = () => 'ok';

function countFault(name) {
  seen.faults.set(name, (seen.faults.get(name) ?? 0) + 1);
}

async function onRequest(req, res) {
  if (req.method !== 'POST') {
    if (!(await receiver.handle(req, res))) res.writeHead(404).end();
    return;
  }
  const key = String(req.headers['idempotency-key'] ?? '');
  const n = (seen.byKey.get(key) ?? 0) + 1;
  seen.byKey.set(key, n);
  seen.posts++;
  if (seen.inflight.get(key)) seen.overlaps++;
  seen.inflight.set(key, (seen.inflight.get(key) ?? 0) + 1);
  const done = () => seen.inflight.set(key, seen.inflight.get(key) - 1);
  res.on('close', done);
  res.on('finish', () => seen.statuses.set(res.statusCode, (seen.statuses.get(res.statusCode) ?? 0) + 1));
  const f = fault(key, n);
  if (f === 'drop-before') {
    countFault(f);
    req.socket.destroy();
    return;
  }
  if (f === '503' || f === '503-retry-after') {
    countFault(f);
    req.resume();
    await new Promise((ok) => req.on('end', ok));
    res.writeHead(503, {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Expose-Headers': 'Retry-After',
      ...(f === '503-retry-after' ? {'Retry-After': '1'} : {}),
    });
    res.end('{}');
    return;
  }
  if (f === 'drop-after') {
    // The receiver stores the request, then the answer is lost on the way back.
    countFault(f);
    res.writeHead = () => res;
    res.end = () => {
      req.socket.destroy();
      return res;
    };
  }
  if (f?.delay) await sleep(f.delay);
  await receiver.handle(req, res);
}

const listen = () => new Promise((ok) => api.listen(apiPort ?? 0, '127.0.0.1', ok));
async function receiverDown() {
  await new Promise((ok) => {
    api.close(ok);
    api.closeAllConnections();
  });
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'outbox-faults-'));
  ({server: pages} = await serveBuilt());
  const pageOrigin = `http://127.0.0.1:${pages.address().port}`;
  // The rate limit is tested in test/node; here one IP sends hundreds of requests in seconds.
  receiver = createReceiver({dbFile: join(dir, 'help-requests.sqlite'), schema: schemaFile, allowedOrigins: pageOrigin, ratePerMinute: 0, log: () => {}});
  api = createServer((req, res) => void onRequest(req, res));
  await listen();
  apiPort = api.address().port;
  endpoint = `http://127.0.0.1:${apiPort}/api/help-requests`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  pages?.close();
  api?.closeAllConnections();
  api?.close();
  receiver?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

const pageUrl = () => `http://127.0.0.1:${pages.address().port}/pages/outbox.html`;
async function openPage(context) {
  const page = await context.newPage();
  await page.goto(pageUrl());
  await page.waitForFunction(() => window.outboxReady === true);
  return page;
}
const payload = (id, change = () => {}) => {
  const p = {...structuredClone(example), id};
  change(p);
  return p;
};
const submit = (page, body) => page.evaluate(([url, p]) => window.widgets.submitHelpRequest(url, p), [endpoint, body]);
const list = (page) => page.evaluate(() => window.widgets.listOutbox());
const entryOf = async (page, id) => (await list(page)).find((e) => e.id === id);
/** Polls `fn(arg)` in the page until it is true (waitForFunction does not await an async predicate). */
async function until(page, fn, arg, timeout = 10_000, what = 'the page') {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}
async function waitForState(page, id, state, timeout = 10_000) {
  await until(
    page,
    async ([id, state]) => (await window.widgets.listOutbox()).find((e) => e.id === id)?.state === state,
    [id, state],
    timeout,
    `${id} to be ${state}`,
  );
  return entryOf(page, id);
}
const rowsFor = (key) => receiver.db.prepare('SELECT COUNT(*) AS n FROM help_requests WHERE idempotency_key = ?').get(key).n;
const receiptFor = (key) => receiver.db.prepare('SELECT receipt FROM help_requests WHERE idempotency_key = ?').get(key)?.receipt;
const totalRows = () => receiver.db.prepare('SELECT COUNT(*) AS n FROM help_requests').get().n;
const uuid = () => crypto.randomUUID();

describe('outbox against the real receiver, with faults', {skip}, () => {
  test('offline at submit: saved and queued; delivered when the browser is online again', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const id = uuid();
    await context.setOffline(true);
    const result = await submit(page, payload(id));
    assert.equal(result.state, 'queued');
    assert.ok(result.lastError, 'the reason is kept');
    assert.equal(result.unsaved, undefined);
    const queued = await entryOf(page, id);
    assert.equal(queued.payload.id, id);
    assert.equal(rowsFor(id), 0);
    assert.equal(seen.byKey.get(id), undefined, 'nothing reached the receiver');
    await context.setOffline(false);
    const delivered = await waitForState(page, id, 'delivered');
    // The `online` event did it, before the backoff timer would have.
    assert.ok(delivered.updatedAt < queued.nextAttemptAt, 'delivered on the online event');
    assert.equal(delivered.receipt, receiptFor(id));
    assert.deepEqual(Object.keys(delivered.payload).sort(), ['id', 'mode'], 'no personal data kept after delivery');
    assert.equal(rowsFor(id), 1);
    const changes = await page.evaluate((id) => window.changes.filter((c) => c.id === id).map((c) => c.state), id);
    assert.deepEqual(changes, ['queued', 'sending', 'queued', 'sending', 'delivered']);
    await context.close();
  });

  test('receiver down: queued; delivered by the backoff timer once it is up again', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const id = uuid();
    await receiverDown();
    const result = await submit(page, payload(id));
    assert.equal(result.state, 'queued');
    const queued = await entryOf(page, id);
    // The page's clock, not Node's: the page runs at the pinned instant.
    assert.ok(queued.nextAttemptAt - (await page.evaluate(() => Date.now())) <= 2000);
    await listen();
    const delivered = await waitForState(page, id, 'delivered', 8000);
    assert.equal(delivered.attempts, 2);
    assert.equal(delivered.receipt, receiptFor(id));
    assert.equal(rowsFor(id), 1);
    await context.close();
  });

  test('50 submissions through random 503s and dropped connections: each stored exactly once', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const ids = Array.from({length: 50}, () => uuid());
    const mine = new Set(ids);
    const rand = random(20261127);
    const before = {posts: seen.posts, faults: new Map(seen.faults), ok200: seen.statuses.get(200) ?? 0};
    fault = (key, n) => {
      if (!mine.has(key) || n > 2) return 'ok';
      const r = rand();
      if (r < 0.2) return '503';
      if (r < 0.25) return '503-retry-after';
      if (r < 0.35) return 'drop-before';
      if (r < 0.45) return 'drop-after';
      return 'ok';
    };
    const started = Date.now();
    try {
      const first = await page.evaluate(
        ([url, list]) => Promise.all(list.map((p) => window.widgets.submitHelpRequest(url, p))),
        [endpoint, ids.map((id) => payload(id))],
      );
      const firstRound = Date.now() - started;
      await until(
        page,
        async (ids) => {
          const all = await window.widgets.listOutbox();
          return ids.every((id) => all.find((e) => e.id === id)?.state === 'delivered');
        },
        ids,
        30_000,
        'all 50 to be delivered',
      );
      const allDone = Date.now() - started;
      const entries = (await list(page)).filter((e) => mine.has(e.id));
      const stored = ids.filter((id) => rowsFor(id) === 1).length;
      const duplicates = ids.filter((id) => rowsFor(id) > 1).length;
      const attempts = ids.reduce((sum, id) => sum + seen.byKey.get(id), 0);
      const faults = Object.fromEntries([...seen.faults].map(([k, v]) => [k, v - (before.faults.get(k) ?? 0)]));
      const figures = {
        submissions: ids.length,
        attempts,
        faults,
        replays200: (seen.statuses.get(200) ?? 0) - before.ok200,
        stored,
        duplicates,
        overlappingPostsOfOneKey: seen.overlaps,
        firstAnswerMs: firstRound,
        allDeliveredMs: allDone,
        firstRoundStates: Object.fromEntries(
          ['delivered', 'queued', 'rejected', 'failed'].map((s) => [s, first.filter((r) => r.state === s).length]),
        ),
      };
      console.log(`outbox 50-submission run: ${JSON.stringify(figures)}`);
      assert.equal(stored, 50);
      assert.equal(duplicates, 0);
      assert.equal(seen.overlaps, 0, 'never two requests of one entry at once');
      assert.ok(attempts > 50, 'faults were injected');
      assert.ok(Object.values(faults).reduce((a, b) => a + b, 0) > 10, JSON.stringify(faults));
      for (const e of entries) assert.equal(e.receipt, receiptFor(e.id), `receipt of ${e.id}`);
      assert.equal(new Set(entries.map((e) => e.receipt)).size, 50);
    } finally {
      fault = () => 'ok';
      await context.close();
    }
  });

  test('a reload during delivery: the next page load delivers it, stored once', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const id = uuid();
    fault = (key, n) => (key === id && n === 1 ? {delay: 1500} : 'ok');
    try {
      void submit(page, payload(id)).catch(() => {});
      const deadline = Date.now() + 5000;
      while (!seen.byKey.get(id) && Date.now() < deadline) await sleep(20);
      assert.equal(seen.byKey.get(id), 1, 'the first attempt reached the receiver');
      await page.reload();
      await page.waitForFunction(() => window.outboxReady === true);
      const delivered = await waitForState(page, id, 'delivered', 10_000);
      await sleep(1600); // let the first, delayed request finish too
      assert.equal(rowsFor(id), 1);
      assert.equal(delivered.receipt, receiptFor(id));
      assert.equal(seen.byKey.get(id), 2);
    } finally {
      fault = () => 'ok';
      await context.close();
    }
  });

  test('two tabs submitting the same entry: one request, one row, the same receipt in both', async () => {
    const context = await browser.newContext();
    const [tab1, tab2] = await Promise.all([openPage(context), openPage(context)]);
    const id = uuid();
    fault = (key) => (key === id ? {delay: 400} : 'ok');
    try {
      const body = payload(id);
      const [a, b] = await Promise.all([submit(tab1, body), submit(tab2, body)]);
      assert.equal(a.state, 'delivered');
      assert.equal(b.state, 'delivered');
      assert.equal(a.receipt, b.receipt);
      assert.equal(seen.byKey.get(id), 1, 'one POST');
      assert.equal(rowsFor(id), 1);
      // Each tab heard of the delivery (its own or the other's, by BroadcastChannel).
      for (const tab of [tab1, tab2]) {
        await tab.waitForFunction((id) => window.changes.some((c) => c.id === id && c.state === 'delivered'), id);
      }
    } finally {
      fault = () => 'ok';
      await context.close();
    }
  });

  test('refused content: 422 and 400 field errors make the entry rejected; the corrected one is delivered', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const id = uuid();
    const bad = payload(id, (p) => (p.contact.phone = 'abc'));
    const rejected = await submit(page, bad);
    assert.equal(rejected.state, 'rejected');
    assert.deepEqual(rejected.errors, [{field: 'contact.phone', message: 'does not have the expected form'}]);
    assert.equal((await entryOf(page, id)).payload.contact.phone, 'abc', 'nothing deleted');
    assert.equal(rowsFor(id), 0);
    const fixed = await submit(page, payload(id));
    assert.equal(fixed.state, 'delivered');
    assert.equal(rowsFor(id), 1);
    assert.equal((await list(page)).filter((e) => e.id === id).length, 1);

    const notUuid = await submit(page, payload('not-a-uuid'));
    assert.equal(notUuid.state, 'rejected');
    assert.equal(notUuid.errors[0].field, 'Idempotency-Key');
    assert.equal(rowsFor('not-a-uuid'), 0);
    await context.close();
  });

  test('oversized and malformed bodies: 413, 400 and 415, nothing stored; an oversized entry is kept as failed', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    const rows = totalRows();
    const statuses = await page.evaluate(async (url) => {
      const id = crypto.randomUUID();
      const post = (body, type = 'application/json') =>
        fetch(url, {method: 'POST', headers: {'Content-Type': type, 'Idempotency-Key': id}, body}).then((r) => r.status);
      return {
        oversized: await post(JSON.stringify({id, mode: 'register', pad: 'x'.repeat(100 * 1024)})),
        malformed: await post(`{"id": "${id}", "mode": `),
        notJson: await post(`id=${id}`, 'text/plain'),
      };
    }, endpoint);
    assert.deepEqual(statuses, {oversized: 413, malformed: 400, notJson: 415});
    const id = uuid();
    const huge = await submit(page, payload(id, (p) => (p.needs.notes = 'あ'.repeat(40_000))));
    assert.equal(huge.state, 'failed');
    assert.equal(huge.lastError, 'HTTP 413');
    assert.equal((await entryOf(page, id)).payload.needs.notes.length, 40_000, 'kept on the device');
    assert.equal(totalRows(), rows);
    await context.close();
  });
});
