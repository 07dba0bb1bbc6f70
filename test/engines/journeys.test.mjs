// The residents' core journeys in Chromium, Firefox and WebKit (Safari's engine): the demo page,
// built bundle, real receiver. One browser session per engine, at an iPhone's 375 px, with the
// browser in America/Los_Angeles so that Tokyo time is computed, never assumed, and the page's
// clock pinned to an instant in Tokyo (test/e2e/pages/pinned-clock.js).
//
//   node test/engines/journeys.test.mjs [chromium] [firefox] [webkit]     (default: all three)
//   npm run test:engines -- firefox
//
// Needs `npm run build` first, and the engines: Debian's chromium, firefox-esr, webkit2gtk-driver
// and xvfb (`npm test` installs them as root).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {AXE_SOURCE, AXE_TAGS} from '../e2e/lib/browser.mjs';
import {openBrowser} from './browsers.mjs';
import {pageHelpers} from './in-page.mjs';
import {ENGINE_NAMES, missingPackages} from './programs.mjs';
import {startSite} from './site.mjs';
import {BROWSER_TIME_ZONE} from '../lib/pinned-time.mjs';

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !ENGINE_NAMES.includes(name));
if (unknown.length) {
  console.error(`✖ Unknown engine ${unknown.map((u) => `"${u}"`).join(', ')}: choose from ${ENGINE_NAMES.join(', ')}.`);
  process.exit(2);
}
const engines = asked.length ? ENGINE_NAMES.filter((name) => asked.includes(name)) : ENGINE_NAMES;
const missing = missingPackages(engines);
if (missing.length) {
  console.error(
    `✖ The engine journeys need Debian packages that are not installed: ${missing.join(' ')}.\n` +
      `  As root: apt-get install -y ${missing.join(' ')}   (npm test installs them when run as root)\n` +
      '  Other builds: set CHROME_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER or WEBKIT_MINIBROWSER.\n' +
      '  Or run fewer engines: node test/engines/journeys.test.mjs chromium',
  );
  process.exit(1);
}

const BROWSER_TZ = BROWSER_TIME_ZONE;
const WIDTH = 375;
/** A Monday, 15:00 in Tokyo (still Sunday evening in the browser's zone). */
const MONDAY_AFTERNOON = '2026-12-07T15:00:00+09:00';
/** Labour Thanksgiving Day (勤労感謝の日), a Monday and a public holiday, 15:00 in Tokyo. */
const HOLIDAY_AFTERNOON = '2026-11-23T15:00:00+09:00';
const PREFS_KEY = 'fukushi-widgets:reading-prefs';
const EASY = {locale: 'ja-x-easy', furigana: true};
/** Every driver call has its own limit; this one catches a journey that loops. */
const LIMIT = {timeout: 120_000};

let site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

/** Runs `fn(helpers, ...args)` in the page (see in-page.mjs). */
const inPage = (browser, fn, ...args) => browser.evaluate(`(...args) => (${fn})((${pageHelpers})(), ...args)`, ...args);

/** Polls `fn` in the page until it returns something truthy, and returns that. */
async function waitFor(browser, what, fn, args = [], timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await inPage(browser, fn, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${browser.engine}: ${what} did not happen within ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Opens the demo with nothing stored from earlier journeys (reading choices, drafts, outbox), the
 * clock at `now`, and optionally reading preferences as a resident's earlier choice.
 */
async function openDemo(browser, {now = MONDAY_AFTERNOON, prefs} = {}) {
  await browser.goto(`${site.url}/blank.html`);
  await browser.evaluate(
    async (key, prefs) => {
      localStorage.clear();
      sessionStorage.clear();
      for (const {name} of (await indexedDB.databases?.()) ?? []) {
        await new Promise((ok, fail) => Object.assign(indexedDB.deleteDatabase(name), {onsuccess: ok, onerror: fail, onblocked: fail}));
      }
      if (prefs) localStorage.setItem(key, JSON.stringify(prefs));
    },
    PREFS_KEY,
    prefs ?? null,
  );
  await browser.goto(`${site.url}/index.html?now=${encodeURIComponent(now)}`);
  await waitFor(browser, 'every widget rendering', (h) => h.widgetsSettled(), [], 30_000);
}

const pageErrors = (browser) => browser.evaluate(() => window.__pageErrors);

/** Clicks the middle of the element at `path` (see find() in in-page.mjs) with the pointer. */
async function click(browser, ...path) {
  const {x, y} = await inPage(browser, (h, path) => h.centre(h.find(...path)), path);
  await browser.click(x, y);
}

/** Types into the field at `path` after clicking it, as a resident would. */
async function typeInto(browser, text, ...path) {
  await click(browser, ...path);
  await browser.type(text);
}

async function search(browser, words) {
  await typeInto(browser, words, 'fukushi-service-finder', 'input[type=search]');
  await browser.press('Enter');
  return waitFor(browser, `results for ${words}`, (h) => {
    return h.find('fukushi-service-finder').shadowRoot.querySelectorAll('.results > .result').length;
  });
}

/** What sticks out of the viewport sideways: the page's own scroll width, then each element. */
function overflow(h) {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px > ${width} px`);
  for (const el of h.all()) {
    if (el.closest('[popover]:not(:popover-open), .visually-hidden, template') || el.localName === 'style') continue;
    const r = el.getBoundingClientRect();
    // Wholly off to the left is how skip links hide until focused: not reachable, not cut.
    if (!r.width || r.right <= 0 || (r.right <= width + 0.5 && r.left >= -0.5)) continue;
    const host = el.getRootNode().host?.localName ?? 'document';
    out.push(`${host} ${el.localName}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${h.seen(el).slice(0, 30)}": ${r.left.toFixed(0)}–${r.right.toFixed(0)} px`);
  }
  return out.slice(0, 10);
}

/**
 * Readings against their words in the easy summary: each above its own word, none reaching into
 * the line above, not selectable; and the underline of the first glossary word.
 */
function rubyLayout(h) {
  const root = h.find('fukushi-easy-summary').shadowRoot.querySelector('.root');
  const rubies = [...root.querySelectorAll('ruby')].filter((r) => !r.closest('[popover]'));
  // Glyphs fill the em box; a text box adds the font's leading around it, differently per engine.
  const em = (rect, el) => {
    const size = parseFloat(getComputedStyle(el).fontSize);
    const top = rect.top + (rect.height - size) / 2;
    return {top, bottom: top + size};
  };
  const notAbove = [];
  for (const ruby of rubies) {
    const rt = ruby.querySelector('rt');
    const base = document.createRange();
    base.setStartBefore(ruby.firstChild);
    base.setEndBefore(rt);
    const b = base.getBoundingClientRect();
    const r = rt.getBoundingClientRect();
    const centred = Math.abs(r.left + r.width / 2 - (b.left + b.width / 2)) <= 1;
    if (!(em(r, rt).bottom <= em(b, ruby).top + 1 && centred)) {
      notAbove.push(`${h.seen(ruby)}《${rt.textContent}》 word ${b.left.toFixed(1)},${b.top.toFixed(1)} ${b.width.toFixed(1)}×${b.height.toFixed(1)}; reading ${r.left.toFixed(1)},${r.top.toFixed(1)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
  }
  // Text boxes of the lines, without readings; a reading must not reach into the box of a line above it.
  const lines = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('rt, rp, .visually-hidden, [popover], style')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    lines.push(...[...range.getClientRects()].filter((r) => r.width > 0));
  }
  const overlaps = [];
  for (const rt of root.querySelectorAll('rt')) {
    const r = rt.getBoundingClientRect();
    for (const b of lines) {
      const above = b.top < r.top - 1;
      const sideBySide = b.left < r.right - 0.5 && b.right > r.left + 0.5;
      if (above && sideBySide && b.bottom > r.top + 0.5) overlaps.push(`${rt.textContent}: ${b.bottom.toFixed(1)} > ${r.top.toFixed(1)}`);
    }
  }
  // The underline is drawn on the word inside the button (an inline-block, which decorations do not reach).
  const word = root.querySelector('button.term .w') ?? root.querySelector('button.term');
  const style = getComputedStyle(word);
  const reading = getComputedStyle(root.querySelector('rt'));
  return {
    rubies: rubies.length,
    notAbove: notAbove.slice(0, 10),
    overlaps: overlaps.slice(0, 10),
    underline: {line: style.textDecorationLine, style: style.textDecorationStyle},
    copiedReadings: (reading.userSelect ?? reading.webkitUserSelect) !== 'none',
  };
}

async function axe(browser) {
  const loaded = await browser.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    await browser.evaluate((source) => {
      const script = document.createElement('script');
      script.textContent = source;
      document.head.append(script);
    }, AXE_SOURCE);
  }
  return browser.evaluate(async (tags) => {
    const result = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, AXE_TAGS);
}

for (const engine of engines) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await openBrowser(engine, {env: {...process.env, TZ: BROWSER_TZ}});
      await browser.setViewport(WIDTH, 800);
      console.info(`# ${engine} ${browser.version}`);
    }, LIMIT);
    after(() => browser?.close(), LIMIT);

    test('every widget renders, with no errors in the console', LIMIT, async () => {
      await openDemo(browser);
      const zone = await browser.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      assert.equal(zone, BROWSER_TZ, 'the browser runs outside Tokyo, so that the widgets must convert');
      assert.equal(await browser.evaluate(() => innerWidth), WIDTH);
      const shown = await inPage(browser, (h) => ({
        controls: [...h.find('header fukushi-reading-controls').shadowRoot.querySelectorAll('button')].map(h.seen),
        finder: h.seen(h.find('fukushi-service-finder', 'input[type=search]').labels[0]),
        cards: [...document.querySelectorAll('fukushi-contact-card')].map((c) => h.seen(c.shadowRoot.querySelector('[role=heading]'))),
        forms: [...document.querySelectorAll('fukushi-disaster-help-form')].map((f) => h.seen(f.shadowRoot.querySelector('.step-h'))),
        summaryHeadings: h.find('fukushi-easy-summary').shadowRoot.querySelectorAll('h3').length,
      }));
      assert.deepEqual(shown, {
        controls: ['日本語', 'やさしい にほんご', 'English', 'ふりがな'],
        finder: '困っていることや、知りたいことを入力してください',
        cards: ['健康福祉部 地域共生課', '子ども相談室 ほっとルーム'],
        forms: ['登録する方について', 'いま助けが必要なとき'],
        summaryHeadings: 8,
      });
      assert.deepEqual(await pageErrors(browser), []);
    });

    test('the finder finds お金がない: desks with their tel: links', LIMIT, async () => {
      await openDemo(browser);
      await search(browser, 'お金がない');
      const found = await inPage(browser, (h) => {
        const finder = h.find('fukushi-service-finder').shadowRoot;
        const titles = [...finder.querySelectorAll('.result .result-toggle')].map(h.seen);
        const tel = h.all(finder).filter((a) => a.localName === 'a' && a.getAttribute('href')?.startsWith('tel:')).map((a) => a.getAttribute('href'));
        return {query: finder.querySelector('input[type=search]').value, titles: titles.slice(0, 2), tel: [...new Set(tel)].slice(0, 2)};
      });
      assert.deepEqual(found, {
        query: 'お金がない',
        titles: ['福祉丸ごと相談窓口', '生活困窮者の自立相談支援'],
        tel: ['tel:0424641311', 'tel:0424384023'],
      });
      assert.deepEqual(await pageErrors(browser), []);
    });

    test('the contact card shows whether the desk is open, in Tokyo time', LIMIT, async () => {
      const status = () => inPage(browser, (h) => h.seen(h.find('fukushi-contact-card[desk="desk-hotroom"]', '.status')));
      await openDemo(browser, {now: MONDAY_AFTERNOON});
      assert.equal(await status(), '受付中（20:00まで）');
      await openDemo(browser, {now: HOLIDAY_AFTERNOON});
      assert.equal(await status(), '受付時間外（明日 14:00から） 本日は祝日のため休みです。');
      assert.equal(await inPage(browser, (h) => h.find('fukushi-contact-card[desk="desk-hotroom"]', 'a[href^="tel:"]').getAttribute('href')), 'tel:0120910977');
      assert.deepEqual(await pageErrors(browser), []);
    });

    test('the easy summary: furigana above each word, clear of the line above, left out of copies; glossary words underlined', LIMIT, async () => {
      await openDemo(browser);
      // As a resident would: the page's own reading controls.
      await click(browser, 'header fukushi-reading-controls', '.group button:nth-of-type(2)'); // やさしい にほんご
      const furigana = ['header fukushi-reading-controls', 'button[part="furigana-button"]'];
      if ((await inPage(browser, (h, path) => h.find(...path).getAttribute('aria-pressed'), furigana)) !== 'true') await click(browser, ...furigana);
      await waitFor(browser, 'the summary in easy Japanese with furigana', async (h) => {
        const summary = h.find('fukushi-easy-summary');
        if (!summary.shadowRoot.querySelector('.root.easy.furigana-on')) return false;
        await summary.ready;
        return true;
      });
      const layout = await inPage(browser, rubyLayout);
      assert.ok(layout.rubies > 1000, `the whole summary has furigana (${layout.rubies} readings)`);
      assert.deepEqual(layout.notAbove, [], 'each reading sits above its word');
      assert.deepEqual(layout.overlaps, [], 'no reading overlaps the line above');
      assert.deepEqual(layout.underline, {line: 'underline', style: 'dotted'}, 'glossary words are underlined, not marked by colour alone (WCAG 1.4.1)');
      assert.equal(layout.copiedReadings, false, 'copied text leaves out the readings');
      assert.deepEqual(await pageErrors(browser), []);
    });

    test('a glossary word opens its explanation beside the word, not over it', LIMIT, async () => {
      await openDemo(browser, {prefs: EASY});
      await click(browser, 'fukushi-easy-summary', 'button.term');
      const placed = await waitFor(browser, 'the explanation opening', (h) => {
        const root = h.find('fukushi-easy-summary').shadowRoot;
        const tip = root.querySelector('.tip:popover-open');
        if (!tip?.textContent.trim()) return null;
        const word = root.querySelector('button.term').getBoundingClientRect();
        const box = tip.getBoundingClientRect();
        const covers = box.left < word.right && box.right > word.left && box.top < word.bottom && box.bottom > word.top;
        return {covers, inside: box.left >= 0 && box.right <= document.documentElement.clientWidth, text: h.seen(tip).length > 10};
      });
      assert.deepEqual(placed, {covers: false, inside: true, text: true});
      await browser.press('Escape');
      await waitFor(browser, 'the explanation closing', (h) => !h.find('fukushi-easy-summary').shadowRoot.querySelector('.tip:popover-open'));
      assert.deepEqual(await pageErrors(browser), []);
    });

    test('an urgent request goes through the form to the receiver: a receipt, stored once', LIMIT, async () => {
      await openDemo(browser);
      const form = 'fukushi-disaster-help-form[mode="urgent"]';
      const landmark = `${engine} テスト 3階`;
      await click(browser, form, 'label[for="f-situation-2"]'); // 動けない
      await click(browser, form, 'label[for="f-urgency-1"]'); // 今日中に助けがほしい
      // The label focuses the town list without opening it; the arrow key picks the first town.
      await click(browser, form, 'label[for="f-location-town_id"]');
      await browser.press('ArrowDown');
      const town = await inPage(browser, (h, form) => h.find(form, 'select[name="location.town_id"]').value, form);
      assert.match(town, /^town-/);
      await typeInto(browser, landmark, form, 'input[name="location.landmark"]');
      await click(browser, form, 'label[for="f-people-who-0"]'); // 自分
      await typeInto(browser, '1', form, 'input[name="people.count"]');
      await click(browser, form, 'label[for="f-contact-method-2"]'); // 連絡できない
      await click(browser, form, 'button[type="submit"]');
      const receipt = await waitFor(browser, 'the receipt', (h, form) => {
        const status = h.find(form).shadowRoot.querySelector('.status .receipt');
        return status && h.seen(status);
      }, [form]);
      assert.match(receipt, /^NT-\d{8}-\d{4}$/);
      const mine = site.requests().filter((r) => r.body.location?.landmark === landmark);
      assert.deepEqual(
        mine.map((r) => ({receipt: r.receipt, mode: r.mode, situation: r.body.situation, urgency: r.body.urgency, town: r.body.location.town_id, people: r.body.people})),
        [{receipt, mode: 'urgent', situation: ['cannot_move'], urgency: 'today', town, people: {who: 'self', count: 1}}],
      );
      assert.deepEqual(await pageErrors(browser), []);
    });

    test('axe finds no violations, in Japanese and in easy Japanese with furigana', LIMIT, async () => {
      await openDemo(browser);
      assert.deepEqual(await axe(browser), [], 'ja');
      await openDemo(browser, {prefs: EASY});
      assert.deepEqual(await axe(browser), [], 'ja-x-easy with furigana');
    });

    test('at 375 px nothing sticks out sideways, with search results, in Japanese and easy Japanese', LIMIT, async () => {
      await openDemo(browser);
      await search(browser, 'お金がない');
      assert.deepEqual(await inPage(browser, overflow), [], 'ja');
      await openDemo(browser, {prefs: EASY});
      await search(browser, '家賃');
      assert.deepEqual(await inPage(browser, overflow), [], 'ja-x-easy with furigana');
    });
  });
}
