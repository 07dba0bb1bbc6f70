// A partner's own data, everywhere (issue 15): every widget pointed at the fictional town of
// test/fixtures/kamome (かもめ市), built with the CLI as the guide says, in ja, ja-x-easy with
// furigana and en, in the states a resident reaches: finder results opened (the cards inside),
// the card, the help form's town select, errors and receipt (the real receiver), the notices when
// sending fails, the easy summary, and data that fails (404, truncated JSON, schema errors with and
// without a sound fallback number, a missing form definition) or lacks a part (no form definition
// named, no plan). Once more with the page-level
// <meta name="fukushi-widgets:src"> and form-src instead of attributes.
// In every state: no text, link or attribute from the built-in dataset anywhere in the widgets
// (shadow roots included: its city name, numbers, towns and postal codes), no request for the
// built-in files, and every tel: link is the town's own (or 119 / 110).
// Run after `npm run build`: node --test test/e2e/partner-data.test.mjs
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launch, waitForWidgets} from './lib/browser.mjs';
import {buildTown} from './lib/partner-town.mjs';
import {serveStatic} from '../../scripts/lib/static-server.mjs';
import {createReceiver, DEFAULT_SCHEMA} from '../../server/receiver.mjs';

const skip = existsSync('dist/fukushi-widgets.js') && existsSync('dist/cli.js') && existsSync(DEFAULT_SCHEMA)
  ? false
  : 'SKIPPED: run "npm run build" first (needs dist/fukushi-widgets.js, dist/cli.js and the help-request schema).';
if (skip) console.warn(`\n⚠ ${skip}\n`);

const LOCALES = ['ja', 'ja-x-easy', 'en'];
/**
 * The page's own content inside each widget: what residents see when the town's data fails. (Inside
 * the easy summary, light DOM is the editor's own summary text, shown instead of the dataset's.)
 */
const OWN = '<p class="own">かもめ市役所（代表） <a href="tel:0120000000">0120-000-000</a></p>';

// ---- what belongs to the built-in dataset, and what to the town -------------------------------

const strip = (notation) => notation.replace(/｜?([^｜《》]+)《[^》]*》/g, '$1');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything of the built-in dataset a page must never show: [what, pattern]. */
function builtinFacts() {
  const data = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8'));
  const facts = [
    ['the city name', /西東京|にしとうきょう|nishi-?tokyo/i],
    ['the city hall number', /042-?464-?1311/],
  ];
  const phones = new Set([data.fallback_contact.phone, ...data.locations.flatMap((l) => l.phones.map((p) => p.number))]);
  for (const number of phones) {
    // 119 and 110 are every town's emergency numbers; the urgent form shows them.
    if (['119', '110'].includes(number)) continue;
    const digits = number.replace(/\D/g, '');
    facts.push([`the desk number ${number}`, new RegExp(`(?<![0-9])(?:${escape(number)}|${digits})(?![0-9])`)]);
  }
  for (const town of data.towns) {
    facts.push([`the town ${town.name.en}`, new RegExp(`${escape(strip(town.name.ja))}|\\b${escape(town.name.en)}\\b`)]);
    facts.push([`the postal code of ${town.name.en}`, new RegExp(`(?<![0-9])${escape(town.postal_code)}(?![0-9])`)]);
  }
  return facts;
}

/** The tel: links the town may show: its desks, its fallback number, 119 and 110. */
function townPhones(built) {
  const numbers = [built.fallback_contact.phone, ...built.locations.flatMap((l) => l.phones.map((p) => p.number)), '119', '110'];
  return new Set(numbers.map((n) => `tel:${n.replace(/\D/g, '')}`));
}

// ---- the site: the built bundle, the town's files, a page per case, the real receiver -------

let dir;
let browser;
let server;
let base;
let receiver;
let built;
let facts;
let allowedTels;

/** A page with every widget, the town's dataset named by attributes or (meta) by the page. */
function pageHtml({src = '/town/kamome.json', formSrc = '/town/help-form.json', meta = false, locale = 'ja'}) {
  const data = meta ? '' : ` src="${src}"`;
  const form = meta || !formSrc ? '' : ` form-src="${formSrc}"`;
  const settings = meta ? `<meta name="fukushi-widgets:src" content="${src}" /><meta name="fukushi-widgets:form-src" content="${formSrc}" />` : '';
  return `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <title>かもめ市（架空の市）</title>
    <link rel="icon" href="data:," />
    ${settings}
    <script type="module" src="/fukushi-widgets.js"></script>
  </head>
  <body>
    <main>
      <fukushi-reading-controls locale="${locale}" furigana="${locale === 'ja-x-easy' ? 'on' : 'off'}"></fukushi-reading-controls>
      <fukushi-service-finder${data}>${OWN}</fukushi-service-finder>
      <fukushi-contact-card desk="desk-svc-kamome-soudan"${data}>${OWN}</fukushi-contact-card>
      <fukushi-disaster-help-form id="register" endpoint="/api/help-requests"${data}${form}>${OWN}</fukushi-disaster-help-form>
      <fukushi-disaster-help-form id="urgent" mode="urgent" endpoint="/api/help-requests"${data}${form}>${OWN}</fukushi-disaster-help-form>
      <fukushi-easy-summary${data}></fukushi-easy-summary>
    </main>
  </body>
</html>`;
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'fukushi-partner-data-'));
  // The town, built as the guide says, with the CLI of the build.
  buildTown(['node', join(process.cwd(), 'dist/cli.js')], dir);
  const text = readFileSync(join(dir, 'public', 'kamome.json'), 'utf8');
  built = JSON.parse(text);
  // The town's data, failing in the ways a partner's file can.
  writeFileSync(join(dir, 'public', 'truncated.json'), text.slice(0, Math.floor(text.length / 2)));
  writeFileSync(join(dir, 'public', 'schema-errors.json'), JSON.stringify({...built, services: 'not a list', towns: [{id: 3}]}));
  writeFileSync(join(dir, 'public', 'no-plan.json'), JSON.stringify({...built, plan: undefined}));
  writeFileSync(join(dir, 'public', 'schema-errors-no-number.json'), JSON.stringify({...built, services: 'not a list', fallback_contact: {...built.fallback_contact, phone: 'call us'}}));
  facts = builtinFacts();
  allowedTels = townPhones(built);
  receiver = createReceiver({dbFile: ':memory:', schema: DEFAULT_SCHEMA, ratePerMinute: 0, receiptPrefix: 'KM', log: () => {}});
  // dist/ holds the built-in data next to the script, as on any CDN: a widget that fell back to
  // it would load it, and be caught.
  ({server, url: base} = await serveStatic({
    routes: [
      ['/town/', join(dir, 'public')],
      ['/', 'dist'],
    ],
    handle: async (req, res) => {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname.startsWith('/api/')) return receiver.handle(req, res);
      if (url.pathname !== '/page') return false;
      const options = Object.fromEntries(url.searchParams);
      res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
      res.end(pageHtml({...options, meta: options.meta === '1'}));
      return true;
    },
  }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  receiver?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

// ---- looking at a page ------------------------------------------------------------------------

/** Opens a case; collects every request and console message. */
async function open(query) {
  const page = await browser.newPage({viewport: {width: 1000, height: 900}});
  const requests = [];
  const messages = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => messages.push(m.text()));
  page.on('pageerror', (e) => messages.push(String(e)));
  await page.goto(`${base}/page?${new URLSearchParams(query)}`);
  await waitForWidgets(page);
  return {page, requests, messages};
}

/**
 * What the page holds, shadow roots included: the printed text (readings left out, so that a
 * name split by ruby reads whole), the text with readings, every attribute, the values of form
 * controls, and the tel: links (all, and those inside the widgets' shadow roots).
 */
function collect(page) {
  return page.evaluate(() => {
    const out = {printed: [], withReadings: [], attributes: [], values: [], tels: [], shadowTels: [], title: document.title};
    const visit = (root, shadow) => {
      let printed = '';
      let withReadings = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent?.closest('style, script')) continue;
        withReadings += node.data;
        if (!parent?.closest('rt, rp')) printed += node.data;
      }
      out.printed.push(printed);
      out.withReadings.push(withReadings);
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.attributes) out.attributes.push(`<${el.localName} ${a.name}="${a.value}">`);
        if ('value' in el && typeof el.value === 'string') out.values.push(el.value);
        if (el.localName === 'option') out.values.push(el.label);
        const href = el.localName === 'a' ? el.getAttribute('href') ?? '' : '';
        if (href.startsWith('tel:')) (shadow ? out.shadowTels : out.tels).push(href);
        if (el.shadowRoot) visit(el.shadowRoot, true);
      }
    };
    visit(document, false);
    out.tels.push(...out.shadowTels);
    return out;
  });
}

/** Fails if anything of the built-in dataset is on the page, or a tel: link is not the town's. */
async function assertTownOnly(view, state) {
  const {page, requests, messages} = view;
  const seen = await collect(page);
  const haystacks = {text: seen.printed.join('\n'), readings: seen.withReadings.join('\n'), attributes: seen.attributes.join('\n'), values: seen.values.join('\n'), title: seen.title};
  for (const [what, pattern] of facts) {
    for (const [where, haystack] of Object.entries(haystacks)) {
      const hit = pattern.exec(haystack);
      assert.equal(hit, null, `${state}: ${what} in the page's ${where}: …${hit && haystack.slice(Math.max(0, hit.index - 60), hit.index + 60)}…`);
    }
  }
  const foreign = seen.tels.filter((t) => !allowedTels.has(t));
  assert.deepEqual(foreign, [], `${state}: tel: links that are not the town's`);
  const builtinFiles = requests.filter((u) => /\/data\/(nishitokyo|help-form)\.json/.test(u));
  assert.deepEqual(builtinFiles, [], `${state}: requests for the built-in data`);
  const told = messages.filter((m) => /built-in|nishitokyo/i.test(m));
  assert.deepEqual(told, [], `${state}: console messages about the built-in data`);
  return seen;
}

/** Runs `fn(el, arg)` in the page on the element `selector` names, then waits for every widget to render. */
async function on(page, selector, fn, arg) {
  const result = await page.locator(selector).evaluate(fn, arg);
  await waitForWidgets(page);
  return result;
}

const shadowHas = (page, selector, inner) => page.evaluate(({selector, inner}) => Boolean(document.querySelector(selector)?.shadowRoot?.querySelector(inner)), {selector, inner});
const shadowTels = (page, selector) =>
  page.evaluate((selector) => [...document.querySelector(selector).shadowRoot.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href')), selector);

// ---- the answers a resident gives --------------------------------------------------------------

const REGISTER = {
  mode: 'register',
  eligibility: {criteria: ['elderly_household']},
  filled_by: 'self',
  person: {name: 'かもめ 花子', name_kana: 'カモメ　ハナコ', birth_date: '1950-05-05'},
  address: {town_id: 'town-shiomidai', chome: 2, banchi: '3-4'},
  contact: {phone: '090-0000-0000'},
  household: {type: 'alone'},
  needs: {reasons: ['walking']},
  emergency_contacts: [{name: 'かもめ 一郎', relationship: '長男', phone: '090-0000-0001'}],
  consent: {city_departments: true, police: false, fire: true, minsei_iin: true, bousai_soshiki: false, shakyo: false, houkatsu: false},
};
const URGENT = {
  mode: 'urgent',
  situation: ['supplies'],
  urgency: 'life_threatening',
  location: {town_id: 'town-matsunami', chome: 1},
  people: {who: 'self', count: 1},
  contact: {method: 'phone', phone: '090-0000-0002'},
};
const QUERY = {ja: 'お金がない', 'ja-x-easy': 'お金がない', en: 'no money'};
const FALLBACK = 'tel:0120000000';

// ---- the cases ------------------------------------------------------------------------------------

describe('every widget on the town\'s own data', {skip}, () => {
  for (const locale of LOCALES) {
    test(`${locale}: the widgets, finder results opened, the card, the help forms' towns, errors and receipts`, async () => {
      const view = await open({locale});
      const {page} = view;
      try {
        const loaded = await assertTownOnly(view, `${locale} loaded`);
        assert.ok(loaded.shadowTels.includes('tel:0000000001'), 'the card shows the town\'s desk');
        if (locale === 'ja-x-easy') assert.ok(loaded.withReadings.join('').length > loaded.printed.join('').length, 'furigana on');

        // The finder: a query, every result opened; the cards inside are the town's desks.
        const results = await on(page, 'fukushi-service-finder', async (el, query) => {
          el.query = query;
          await el.updateComplete;
          const toggles = [...el.shadowRoot.querySelectorAll('.result-toggle')];
          for (const t of toggles) t.click();
          return toggles.length;
        }, QUERY[locale]);
        assert.ok(results >= 2, `${results} results`);
        const finderTels = await page.evaluate(() =>
          [...document.querySelector('fukushi-service-finder').shadowRoot.querySelectorAll('fukushi-contact-card')].flatMap((c) => [...c.shadowRoot.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'))),
        );
        assert.ok(finderTels.includes('tel:0000000003') && finderTels.includes('tel:0000000001'), `cards in the results: ${finderTels}`);
        assert.ok(!(await shadowHas(page, 'fukushi-service-finder', 'fukushi-contact-card .city-contact')), 'no card falls back to a city number');
        await assertTownOnly(view, `${locale} finder results`);

        // The register form: its town select lists the town's towns.
        const towns = await on(page, '#register', async (el) => {
          await el.ready;
          el.step = 'address';
          await el.updateComplete;
          return [...el.shadowRoot.querySelectorAll('select[name="address.town_id"] option')].map((o) => o.value).filter(Boolean);
        });
        assert.deepEqual(towns, built.towns.map((t) => t.id));
        await assertTownOnly(view, `${locale} register: towns`);

        // Errors: sent empty, the error summary.
        const invalid = await on(page, '#register', (el) => el.submit().then((r) => r.state));
        assert.equal(invalid, 'invalid');
        assert.ok(await shadowHas(page, '#register', '.error-summary'));
        await assertTownOnly(view, `${locale} register: error summary`);
        const urgentInvalid = await on(page, '#urgent', (el) => el.submit().then((r) => r.state));
        assert.equal(urgentInvalid, 'invalid');
        assert.ok(await shadowHas(page, '#urgent', '.error-summary'));
        await assertTownOnly(view, `${locale} urgent: error summary`);

        // Receipts from the real receiver, with the town's number under them.
        for (const [selector, payload] of [['#register', REGISTER], ['#urgent', URGENT]]) {
          const result = await on(page, selector, (el, payload) => {
            el.data = payload;
            return el.submit();
          }, payload);
          assert.equal(result.state, 'delivered', JSON.stringify(result));
          assert.match(result.receipt, /^KM-\d{8}-\d{4}$/);
          assert.ok((await shadowTels(page, selector)).includes(FALLBACK), `${selector}: the town's number with the receipt`);
          await assertTownOnly(view, `${locale} ${selector}: receipt`);
        }
        assert.ok((await shadowTels(page, '#urgent')).includes('tel:119'), 'a life at risk: 119 first');
      } finally {
        await page.close();
      }
    });
  }

  test('ja: a request that cannot be sent now, or at all: the notices give the town\'s number', async () => {
    const view = await open({locale: 'ja'});
    const {page} = view;
    try {
      for (const [selector, payload, status, state] of [['#urgent', {...URGENT, urgency: 'today'}, 503, 'queued'], ['#register', REGISTER, 413, 'failed']]) {
        await page.route('**/api/help-requests', (route) => route.fulfill({status, contentType: 'application/json', body: '{}'}));
        const result = await on(page, selector, (el, payload) => {
          el.data = payload;
          return el.submit();
        }, payload);
        assert.equal(result.state, state);
        assert.ok(await shadowHas(page, selector, '.status'));
        assert.ok((await shadowTels(page, selector)).includes(FALLBACK), `${state}: the town's number`);
        await assertTownOnly(view, `${selector}: ${state}`);
        await page.unroute('**/api/help-requests');
      }
    } finally {
      await page.close();
    }
  });

  test('ja: named once by the page (<meta name="fukushi-widgets:src"> and form-src)', async () => {
    const view = await open({locale: 'ja', meta: '1'});
    const {page} = view;
    try {
      const loaded = await assertTownOnly(view, 'meta: loaded');
      assert.ok(loaded.shadowTels.includes('tel:0000000001'), 'the card shows the town\'s desk');
      await on(page, 'fukushi-service-finder', async (el) => {
        el.query = 'お金がない';
        await el.updateComplete;
        for (const t of el.shadowRoot.querySelectorAll('.result-toggle')) t.click();
      });
      await assertTownOnly(view, 'meta: finder results');
      const result = await on(page, '#register', (el, payload) => {
        el.data = payload;
        return el.submit();
      }, REGISTER);
      assert.equal(result.state, 'delivered');
      await assertTownOnly(view, 'meta: register receipt');
    } finally {
      await page.close();
    }
  });
});

describe('the town\'s data fails', {skip}, () => {
  const WIDGETS = ['fukushi-service-finder', 'fukushi-contact-card', '#register', '#urgent', 'fukushi-easy-summary'];
  const CASES = [
    {name: 'a missing file (404)', query: {src: '/town/missing.json'}, number: false},
    {name: 'truncated JSON', query: {src: '/town/truncated.json'}, number: false},
    {name: 'schema errors, with a sound fallback number', query: {src: '/town/schema-errors.json'}, number: true},
    {name: 'schema errors in the fallback number too', query: {src: '/town/schema-errors-no-number.json'}, number: false},
  ];
  for (const locale of LOCALES) {
    for (const {name, query, number} of CASES) {
      test(`${locale}: ${name}`, async () => {
        const view = await open({...query, locale});
        const {page} = view;
        try {
          await assertTownOnly(view, `${locale} ${name}`);
          for (const widget of WIDGETS) {
            assert.ok(await shadowHas(page, widget, '.notice.error'), `${widget}: the load error`);
            const tels = (await shadowTels(page, widget)).filter((t) => !['tel:119', 'tel:110'].includes(t));
            if (number) assert.deepEqual(tels, [FALLBACK], `${widget}: the town's own number`);
            else {
              assert.deepEqual(tels, [], `${widget}: no number the town did not give`);
              // The page's own content instead (the summary has none), and a way to try again.
              assert.ok(await shadowHas(page, widget, '.notice.error button'), `${widget}: try again`);
              if (widget === 'fukushi-easy-summary') continue;
              const own = await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.notice.error slot')?.assignedElements().map((e) => e.className), widget);
              assert.deepEqual(own, ['own'], `${widget}: the page's own content`);
            }
          }
        } finally {
          await page.close();
        }
      });
    }
  }

  test('ja: no form definition named, no plan in the data: the forms and the summary say so, with the town\'s number', async () => {
    const view = await open({locale: 'ja', src: '/town/no-plan.json', formSrc: ''});
    const {page} = view;
    try {
      await assertTownOnly(view, 'no form-src, no plan');
      for (const widget of ['#register', '#urgent', 'fukushi-easy-summary']) {
        assert.ok(await shadowHas(page, widget, '.notice.warning'), `${widget}: the notice`);
        assert.ok((await shadowTels(page, widget)).includes(FALLBACK), `${widget}: the town's number`);
      }
      assert.ok(!(await shadowHas(page, '#register', 'form')), 'no form of another town');
      assert.ok(view.messages.some((m) => /form-src/.test(m)), 'the console tells the editor to set form-src');
    } finally {
      await page.close();
    }
  });

  test('ja: the town\'s form definition is missing: the forms say so, with the town\'s number', async () => {
    const view = await open({locale: 'ja', formSrc: '/town/no-such-form.json'});
    const {page} = view;
    try {
      await assertTownOnly(view, 'no form definition');
      for (const form of ['#register', '#urgent']) {
        assert.ok(await shadowHas(page, form, '.notice.error'), `${form}: the load error`);
        assert.ok((await shadowTels(page, form)).includes(FALLBACK), `${form}: the town's number`);
      }
    } finally {
      await page.close();
    }
  });
});
