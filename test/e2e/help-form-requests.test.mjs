// A help request's id belongs to one request (issue #14, part 2). A resident's earlier request,
// queued offline and delivered on a later page load, never stands in for a new one; forms on one
// page each own their request. Real Chromium (the built bundle) and the real receiver
// (server/receiver.mjs, SQLite) on another port, as a cross-origin embed. In every case each
// request is stored exactly once, with its own content.
// Run after `npm run build`: node --test test/e2e/help-form-requests.test.mjs
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launch, waitForWidgets} from './lib/browser.mjs';
import {serveBuilt, watchConsole} from './lib/pages.mjs';
import {createReceiver, DEFAULT_SCHEMA} from '../../server/receiver.mjs';

const schemaFile = process.env.FUKUSHI_SCHEMA ?? DEFAULT_SCHEMA;
const skip = existsSync(schemaFile) && existsSync('dist/fukushi-widgets.js')
  ? false
  : `SKIPPED: run "npm run build" first (needs dist/fukushi-widgets.js and ${schemaFile}).`;
if (skip) console.warn(`\n⚠ ${skip}\n`);
/** The schema's urgent example: a request a page's script may set through `data`. */
const example = skip ? {} : JSON.parse(readFileSync(schemaFile, 'utf8')).examples.find((e) => e.mode === 'urgent');

let dir;
let browser;
let pages;
let receiver;
let api;
let endpoint;
/** What reached the receiver: POSTs per Idempotency-Key. */
const attemptsByKey = new Map();

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'help-form-requests-'));
  ({server: pages} = await serveBuilt());
  const pageOrigin = `http://127.0.0.1:${pages.address().port}`;
  receiver = createReceiver({dbFile: join(dir, 'help-requests.sqlite'), schema: schemaFile, allowedOrigins: pageOrigin, ratePerMinute: 0, log: () => {}});
  api = createServer((req, res) => {
    if (req.method === 'POST') {
      const key = String(req.headers['idempotency-key'] ?? '');
      attemptsByKey.set(key, (attemptsByKey.get(key) ?? 0) + 1);
    }
    void receiver.handle(req, res).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise((ok) => api.listen(0, '127.0.0.1', ok));
  endpoint = `http://127.0.0.1:${api.address().port}/api/help-requests`;
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

const lastRow = () => receiver.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM help_requests').get().n;
const rowsAfter = (mark) =>
  receiver.db
    .prepare('SELECT idempotency_key AS key, receipt, body FROM help_requests WHERE rowid > ? ORDER BY rowid')
    .all(mark)
    .map((row) => ({...row, body: JSON.parse(row.body)}));

/** A page with `count` urgent help forms without ids, every widget rendered with its draft and queue. */
async function openForms(context, count) {
  const page = await context.newPage();
  const log = watchConsole(page);
  await page.goto(`http://127.0.0.1:${pages.address().port}/pages/help-forms.html?forms=${count}&endpoint=${encodeURIComponent(endpoint)}`);
  await page.waitForFunction(() => window.formsReady === true);
  await waitForWidgets(page);
  return {page, log};
}

const form = (page, index) => page.locator('fukushi-disaster-help-form').nth(index);
const formText = (page, index) =>
  form(page, index).evaluate((el) => {
    const box = document.createElement('div');
    el.shadowRoot.childNodes.forEach((n) => box.append(n.cloneNode(true)));
    box.querySelectorAll('rt, rp, .visually-hidden, style').forEach((n) => n.remove());
    return box.textContent.replace(/\s+/g, ' ').trim();
  });
const waitForText = (page, index, pattern, timeout = 20_000) =>
  page.waitForFunction(
    ({index, source}) => {
      const el = document.querySelectorAll('fukushi-disaster-help-form')[index];
      return new RegExp(source).test(el.shadowRoot.querySelector('.status')?.textContent ?? '');
    },
    {index, source: pattern.source},
    {timeout},
  );
const receiptOf = (page, index) => form(page, index).locator('.status .receipt').textContent();

/**
 * Fills in the urgent form as a resident does (the fields of test/e2e/disaster-help-form.test.mjs)
 * and presses 送信する. Returns the content the receiver should store.
 */
async function sendByHand(page, index, landmark) {
  const el = form(page, index);
  await el.locator('[name="situation"][value="supplies"]').check();
  await el.locator('[name="urgency"][value="today"]').check();
  await el.locator('[name="location.town_id"]').selectOption('town-yagisawa');
  await el.locator('[name="location.landmark"]').fill(landmark);
  await el.locator('[name="people.who"][value="self"]').check();
  await el.locator('[name="people.count"]').fill('1');
  await el.locator('[name="contact.method"][value="phone"]').check();
  await el.locator('[name="contact.phone"]').fill('090-0000-0000');
  await el.getByRole('button', {name: '送信する'}).click();
  return {
    schema_version: '1.0',
    mode: 'urgent',
    situation: ['supplies'],
    urgency: 'today',
    location: {town_id: 'town-yagisawa', landmark},
    people: {who: 'self', count: 1},
    contact: {method: 'phone', phone: '090-0000-0000'},
  };
}

/** The schema's urgent example with `landmark`, without an id or date: a new request from a page's script. */
function scripted(landmark) {
  const {id: _id, created_at: _createdAt, ...rest} = structuredClone(example);
  rest.location.landmark = landmark;
  return rest;
}

/** Sets `data` on form `index` and awaits submit(); returns the result and the id before and after. */
const sendByScript = (page, index, payload) =>
  form(page, index).evaluate(async (el, payload) => {
    el.data = payload;
    return el.submit();
  }, payload);

/** What the resident asked: everything but the id, the time of the first attempt and the reading mode. */
const content = ({id: _id, created_at: _createdAt, locale: _locale, ...rest}) => rest;

/**
 * Every request intended since `mark` is stored exactly once, with its own content, and nothing
 * else is stored. Logs requests sent (distinct keys, attempts) against requests stored.
 */
function assertStoredOnce(name, mark, intended) {
  const rows = rowsAfter(mark);
  for (const want of intended) {
    const matching = rows.filter((row) => row.body.location?.landmark === want.location.landmark);
    assert.equal(matching.length, 1, `「${want.location.landmark}」 is stored exactly once`);
    assert.deepEqual(content(matching[0].body), want, `「${want.location.landmark}」 is stored with its own content`);
    assert.equal(matching[0].body.id, matching[0].key, 'the body id is the Idempotency-Key');
  }
  assert.equal(rows.length, intended.length, 'nothing else is stored');
  assert.equal(new Set(rows.map((row) => row.key)).size, rows.length, 'one key per request');
  assert.equal(new Set(rows.map((row) => row.receipt)).size, rows.length, 'one receipt per request');
  const keys = rows.map((row) => row.key);
  const figures = {
    requests: intended.length,
    sent: keys.filter((key) => attemptsByKey.has(key)).length,
    posts: keys.reduce((sum, key) => sum + (attemptsByKey.get(key) ?? 0), 0),
    stored: rows.length,
  };
  console.log(`${name}: ${JSON.stringify(figures)}`);
  return figures;
}

/** The first request: sent by hand while offline, saved on the device, and the page closed. */
async function queueOffline(context, count, landmark) {
  const {page} = await openForms(context, count);
  await context.setOffline(true);
  const want = await sendByHand(page, 0, landmark);
  await waitForText(page, 0, /送信待ち/);
  const id = await form(page, 0).evaluate((el) => el.data.id);
  await page.close();
  await context.setOffline(false);
  return {want, id};
}

const pageErrors = (log) => log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

describe('a request id belongs to one request', {skip}, () => {
  test('offline submit, close, reopen: the earlier receipt, then a new request through the UI', async () => {
    const mark = lastRow();
    const context = await browser.newContext();
    try {
      const first = await queueOffline(context, 1, 'UI 一回目');
      const {page, log} = await openForms(context, 1);
      // The earlier request is delivered as the page loads, and the form shows its receipt.
      await waitForText(page, 0, /受け付けました/);
      const earlier = await receiptOf(page, 0);
      // 新しい依頼を入力する: an empty form for a request of its own.
      await form(page, 0).getByRole('button', {name: '新しい依頼を入力する'}).click();
      await page.waitForFunction(() => document.querySelector('fukushi-disaster-help-form').shadowRoot.activeElement?.classList.contains('step-h'));
      assert.equal(await form(page, 0).locator('[name="location.landmark"]').inputValue(), '', 'the new request starts empty');
      const newId = await form(page, 0).evaluate((el) => el.data.id);
      assert.notEqual(newId, first.id, 'a new request gets a new id');
      const second = await sendByHand(page, 0, 'UI 二回目');
      await waitForText(page, 0, /受け付けました/);
      const receipt = await receiptOf(page, 0);
      assert.notEqual(receipt, earlier, 'the new request has a receipt of its own');
      assert.match(await formText(page, 0), new RegExp(receipt));
      assertStoredOnce('UI: requests sent vs stored', mark, [first.want, second]);
      assert.deepEqual(pageErrors(log), []);
    } finally {
      await context.close();
    }
  });

  test('offline submit, close, reopen: new requests through data and submit(), while the earlier one waits and after its receipt', async () => {
    const mark = lastRow();
    const context = await browser.newContext();
    try {
      const first = await queueOffline(context, 1, 'data 一回目');
      // The receiver cannot be reached when the page opens again: the earlier request still waits.
      await context.route(endpoint, (route) => route.abort('internetdisconnected'));
      const {page, log} = await openForms(context, 1);
      await waitForText(page, 0, /送信待ち/);
      const waiting = scripted('data 二回目');
      const queued = await sendByScript(page, 0, waiting);
      assert.equal(queued.state, 'queued');
      assert.notEqual(queued.id, first.id, 'data set while a request waits starts a new request');
      await page.waitForFunction(() => document.querySelector('fukushi-disaster-help-form').shadowRoot.querySelectorAll('.queue li').length === 2);
      // The network is back: each request is delivered on its own, and the form shows the receipt of its current one.
      await context.unroute(endpoint);
      await context.setOffline(true);
      await context.setOffline(false);
      await waitForText(page, 0, /受け付けました/);
      const rows = () => rowsAfter(mark).length;
      for (let i = 0; i < 100 && rows() < 2; i++) await page.waitForTimeout(100);
      const shown = await receiptOf(page, 0);
      assert.equal(shown, rowsAfter(mark).find((row) => row.key === queued.id).receipt, 'the receipt of the request it sent');
      // After the receipt: a script that edits the form's data (which still carries the sent id) makes a new request.
      const edited = await form(page, 0).evaluate(async (el) => {
        el.data = {...el.data, location: {...el.data.location, landmark: 'data 三回目'}};
        return el.submit();
      });
      assert.equal(edited.state, 'delivered');
      assert.notEqual(edited.id, queued.id);
      assert.notEqual(edited.receipt, shown, 'never the receipt of another request');
      assertStoredOnce('data + submit(): requests sent vs stored', mark, [first.want, content(waiting), content({...waiting, location: {...waiting.location, landmark: 'data 三回目'}})]);
      assert.deepEqual(pageErrors(log), []);
    } finally {
      await context.close();
    }
  });

  test('six forms without ids on one page: each owns its request', async () => {
    const mark = lastRow();
    const context = await browser.newContext();
    try {
      const first = await queueOffline(context, 6, '六つ 一回目');
      const {page, log} = await openForms(context, 6);
      await waitForText(page, 0, /受け付けました/);
      const ids = await page.evaluate(() => [...document.querySelectorAll('fukushi-disaster-help-form')].map((el) => el.data.id));
      assert.equal(ids[0], first.id, 'the first form restored its own request');
      assert.equal(new Set(ids).size, 6, 'no other form took its id');
      for (let index = 1; index < 6; index++) {
        assert.equal(await form(page, index).locator('.status').count(), 0, `form ${index + 1} shows its own empty form`);
      }
      const payloads = [1, 2, 3, 4, 5].map((n) => scripted(`六つ フォーム${n + 1}`));
      const results = await Promise.all(payloads.map((payload, i) => sendByScript(page, i + 1, payload)));
      assert.deepEqual(results.map((r) => r.state), Array(5).fill('delivered'));
      assert.equal(new Set([first.id, ...results.map((r) => r.id)]).size, 6);
      await form(page, 0).getByRole('button', {name: '新しい依頼を入力する'}).click();
      const last = await sendByHand(page, 0, '六つ 二回目');
      await waitForText(page, 0, /受け付けました/);
      assertStoredOnce('six forms: requests sent vs stored', mark, [first.want, ...payloads.map((p) => content(p)), last]);
      assert.deepEqual(pageErrors(log), []);
    } finally {
      await context.close();
    }
  });
});
