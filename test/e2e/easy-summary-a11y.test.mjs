// <fukushi-easy-summary> in the built bundle, checked on Chromium's accessibility tree and layout:
// - with furigana on, each sentence's accessible text equals its printed text: no reading is
//   heard twice; names that speech engines misread give assistive tech their reading instead;
// - glossary buttons expose the popover invoker's expanded state;
// - at 320 px, readings never overlap the line above and 成年後見 never splits across lines.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {waitForWidgets} from './lib/browser.mjs';
import {useBuiltSite, watchConsole} from './lib/pages.mjs';

const PREFS_KEY = 'fukushi-widgets:reading-prefs';
const dataset = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8'));

/** Printed text of ruby notation as assistive tech should get it (《=…》 names: the reading). */
const heard = (notation) =>
  notation
    .replace(/｜([^｜《》\n]+)《=([^》]+)》/g, (_, _base, reading) => reading.replaceAll('|', ''))
    .replace(/｜([^｜《》\n]+)《[^》]+》/g, '$1')
    .replace(/《[^》]*》/g, '');
const readings = (notation) => [...notation.matchAll(/《(?!=)([^》]+)》/g)].map((m) => m[1].replaceAll('|', ''));
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const count = (text, part) => text.split(part).length - 1;

/** The paragraphs and list items of the summary, in document order, as the dataset has them. */
function expectedTexts(sections, locale) {
  const out = [];
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.type === 'paragraph') out.push(b.text[locale] ?? b.text.ja);
      if (b.type === 'list') out.push(...b.items.map((i) => i[locale] ?? i.ja));
      if (b.type === 'levels') for (const l of b.levels) out.push(l.name[locale], ...l.roles.map((r) => r[locale]));
    }
    out.push(...expectedTexts(s.sections ?? [], locale));
  }
  return out;
}

const site = useBuiltSite();

/** A page with only the summary (so other widgets cannot disturb the measurements), as the bundle embeds it. */
async function open({locale = 'ja-x-easy', furigana = true, width = 800, html = '<fukushi-easy-summary></fukushi-easy-summary>'} = {}) {
  const context = await site.browser.newContext({viewport: {width, height: 900}});
  await context.addInitScript(([key, prefs]) => localStorage.setItem(key, prefs), [PREFS_KEY, JSON.stringify({locale, furigana})]);
  const page = await context.newPage();
  const log = watchConsole(page);
  await page.goto(`${site.base}/index.html`, {waitUntil: 'domcontentloaded'});
  await page.setContent(
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<script type="module" src="/fukushi-widgets.js"></script></head><body><main><h1>地域福祉計画</h1>${html}</main></body></html>`,
  );
  await waitForWidgets(page);
  return {page, context, log};
}

/**
 * Accessible text, from Chromium's AX tree, of the summary's own paragraphs and list items (not
 * those of the contact cards inside it), and its buttons.
 */
async function axTexts(page, selector = 'fukushi-easy-summary') {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.getDocument', {depth: -1, pierce: true});
  const {result} = await cdp.send('Runtime.evaluate', {
    expression: `[...document.querySelector('${selector}').shadowRoot.querySelectorAll('p, li, button.term')].filter((e) => !e.querySelector('ul, ol') && !e.closest('.desks'))`,
  });
  const {result: items} = await cdp.send('Runtime.getProperties', {objectId: result.objectId, ownProperties: true});
  const backendIds = [];
  for (const item of items.filter((p) => /^\d+$/.test(p.name))) {
    const {node} = await cdp.send('DOM.describeNode', {objectId: item.value.objectId});
    backendIds.push([node.backendNodeId, node.localName]);
  }
  const {nodes} = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const byBackend = new Map(nodes.map((n) => [n.backendDOMNodeId, n]));
  const text = (n) =>
    !n.ignored && n.role?.value === 'StaticText' ? (n.name?.value ?? '') : (n.childIds ?? []).map((id) => text(byId.get(id))).join('');
  const texts = [];
  const buttons = [];
  for (const [id, tag] of backendIds) {
    const n = byBackend.get(id);
    assert.ok(n && !n.ignored, `<${tag}> is in the accessibility tree`);
    if (tag === 'button') buttons.push(n);
    else texts.push(text(n));
  }
  return {texts, buttons};
}

describe('each word is read once', () => {
  for (const furigana of [true, false]) {
    test(`easy Japanese, furigana ${furigana ? 'on' : 'off'}: the accessible text of every sentence is its printed text`, async () => {
      const {page, context, log} = await open({furigana});
      const rts = await page.evaluate(() => document.querySelector('fukushi-easy-summary').shadowRoot.querySelectorAll('rt').length);
      if (furigana) assert.ok(rts > 500, `furigana is rendered (${rts} rt)`);
      else assert.equal(rts, 0);
      const {texts} = await axTexts(page);
      const expected = expectedTexts(dataset.plan.summary, 'ja-x-easy');
      assert.equal(texts.length, expected.length);
      expected.forEach((notation, i) => {
        const plain = squash(heard(notation));
        assert.equal(squash(texts[i]), plain, `text ${i}`);
        for (const reading of readings(notation)) {
          assert.ok(count(texts[i], reading) <= count(plain, reading), `「${reading}」 is heard twice in text ${i}: ${texts[i]}`);
        }
      });
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }

  test('standard Japanese with furigana and grade-level furigana: still read once', async () => {
    const {page, context} = await open({locale: 'ja', furigana: true});
    await page.evaluate(() => document.querySelector('fukushi-easy-summary').setAttribute('furigana-grade', '3'));
    await page.evaluate(() => document.querySelector('fukushi-easy-summary').updateComplete);
    const {texts} = await axTexts(page);
    const expected = expectedTexts(dataset.plan.summary, 'ja');
    expected.forEach((notation, i) => assert.equal(squash(texts[i]), squash(heard(notation)), `text ${i}`));
    await context.close();
  });

  test('names that speech engines misread give assistive tech their reading, once', async () => {
    const {page, context} = await open({
      html: '<fukushi-easy-summary><p>｜柳沢《=やぎさわ》の ｜近《ちか》くに ｜保谷《=ほうや》｜駅《えき》が あります。</p></fukushi-easy-summary>',
    });
    const {texts} = await axTexts(page);
    // In easy Japanese 保谷駅 is one word (one ruby), and a word with a name in it is heard by its reading.
    assert.deepEqual(texts.map(squash), ['やぎさわの 近くに ほうやえきが あります。']);
    const visible = await page.evaluate(() => document.querySelector('fukushi-easy-summary').shadowRoot.querySelector('p').innerText);
    assert.match(visible, /柳沢/);
    await context.close();
  });

  test('glossary buttons are popover invokers: collapsed, then expanded', async () => {
    const {page, context} = await open({width: 1280});
    await page.evaluate(() => document.querySelector('fukushi-easy-summary').setAttribute('section', 'about'));
    await page.evaluate(() => document.querySelector('fukushi-easy-summary').updateComplete);
    const expanded = async () => {
      const {buttons} = await axTexts(page);
      const term = buttons.find((b) => b.name?.value === '地域福祉');
      assert.ok(term, 'the term button is named by its word only (no reading)');
      return term.properties.find((p) => p.name === 'expanded')?.value.value;
    };
    assert.equal(await expanded(), false);
    const button = page.locator('fukushi-easy-summary button.term').first();
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await expanded(), true);
    assert.match(await page.locator('fukushi-easy-summary [popover]:popover-open').innerText(), /ささえあい/);
    await page.keyboard.press('Escape');
    assert.equal(await expanded(), false);
    assert.equal(await page.evaluate(() => document.querySelector('fukushi-easy-summary').shadowRoot.activeElement?.dataset.term), 'term-chiiki-fukushi');
    await context.close();
  });
});

test('the demo page shows the summary in its own section, one heading level below it', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.base}/index.html`);
  // The summary appears a few blocks per task; `ready` resolves once all of it is there.
  await page.evaluate(async () => {
    await customElements.whenDefined('fukushi-easy-summary');
    await document.querySelector('#easy-summary fukushi-easy-summary').ready;
  });
  assert.equal(await page.locator('#easy-summary h2').innerText(), 'やさしい日本語で読む 地域福祉計画');
  assert.equal(await page.locator('#easy-summary fukushi-easy-summary h3').count(), 8);
  await page.close();
});

describe('typography at 320 px', () => {
  /** Checks the layout of the whole summary in the page. */
  const layout = (page) =>
    page.evaluate(() => {
      const root = document.querySelector('fukushi-easy-summary').shadowRoot.querySelector('.root');
      const textRects = [];
      const chars = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (el.closest('rt, rp, .visually-hidden, [popover], style')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        textRects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
        for (let i = 0; i < n.data.length; i++) chars.push([n, i]);
      }
      const overlaps = [];
      const rts = [...root.querySelectorAll('rt')];
      for (const rt of rts) {
        const r = rt.getBoundingClientRect();
        for (const b of textRects) {
          const above = b.top < r.top - 1;
          const horizontal = b.left < r.right - 0.5 && b.right > r.left + 0.5;
          if (above && horizontal && b.bottom > r.top + 0.5) overlaps.push(`${rt.textContent}: ${b.bottom.toFixed(1)} > ${r.top.toFixed(1)}`);
        }
      }
      const text = chars.map(([n, i]) => n.data[i]).join('');
      const splits = [];
      let words = 0;
      for (let at = text.indexOf('成年後見'); at >= 0; at = text.indexOf('成年後見', at + 1)) {
        words++;
        const tops = chars.slice(at, at + 4).map(([n, i]) => {
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          return Math.round(range.getBoundingClientRect().top);
        });
        if (new Set(tops).size > 1) splits.push(`${at}: ${tops.join(',')}`);
      }
      const sizes = rts.map((rt) => parseFloat(getComputedStyle(rt).fontSize));
      const p = root.querySelector('p');
      return {
        rts: rts.length,
        minRuby: Math.min(...sizes),
        overlaps,
        words,
        splits,
        wordBreak: getComputedStyle(p).wordBreak,
        overflowWrap: getComputedStyle(p).overflowWrap,
        scrollWidth: root.scrollWidth,
        width: root.clientWidth,
      };
    });

  for (const [name, options, grade] of [
    ['easy Japanese, furigana on', {locale: 'ja-x-easy', furigana: true}],
    ['easy Japanese, furigana on, grade 3', {locale: 'ja-x-easy', furigana: true}, '3'],
    ['easy Japanese, furigana off', {locale: 'ja-x-easy', furigana: false}],
    ['standard Japanese, furigana on', {locale: 'ja', furigana: true}],
    ['standard Japanese, furigana off', {locale: 'ja', furigana: false}],
  ]) {
    test(name, async () => {
      const {page, context} = await open({...options, width: 320});
      if (grade) {
        await page.evaluate((g) => document.querySelector('fukushi-easy-summary').setAttribute('furigana-grade', g), grade);
        await page.evaluate(() => document.querySelector('fukushi-easy-summary').updateComplete);
      }
      const r = await layout(page);
      if (options.furigana) {
        assert.ok(r.rts > 100);
        assert.ok(r.minRuby >= 11, `ruby ${r.minRuby}px`);
        assert.deepEqual(r.overlaps, [], 'readings overlap the line above');
      }
      assert.ok(r.words >= 5, `成年後見 occurs (${r.words})`);
      assert.deepEqual(r.splits, [], '成年後見 is split across lines');
      if (options.locale === 'ja') assert.equal(r.wordBreak, 'auto-phrase');
      else assert.deepEqual([r.wordBreak, r.overflowWrap], ['keep-all', 'anywhere']);
      assert.ok(r.scrollWidth <= r.width, `no horizontal scrolling (${r.scrollWidth} > ${r.width})`);
      await context.close();
    });
  }

  test('at 200% text size readings still clear the line above', async () => {
    const {page, context} = await open({width: 320});
    await page.addStyleTag({content: 'html { font-size: 200% }'});
    await page.evaluate(() => document.querySelector('fukushi-easy-summary').updateComplete);
    const r = await layout(page);
    assert.deepEqual(r.overlaps, []);
    assert.deepEqual(r.splits, []);
    assert.ok(r.scrollWidth <= r.width);
    await context.close();
  });
});
