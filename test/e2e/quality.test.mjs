// Quality gates over the built bundle in real Chromium:
//  - accessibility-tree snapshots of each widget's key states, compared with committed files;
//  - keyboard walk-throughs: every control reachable and operable, focus visible, no trap;
//  - screenshots at 320 px and 1280 px, at 200% text and in forced colours, compared with
//    committed baselines within a tolerance (needs fonts-noto-cjk); how a browser upgrade is
//    handled is in lib/baselines.mjs.
// UPDATE_SNAPSHOTS=1 rewrites the snapshot and screenshot baselines (review the diff!).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {PNG} from 'pngjs';
import pixelmatch from 'pixelmatch';
import {waitForWidgets} from './lib/browser.mjs';
import {useBuiltSite} from './lib/pages.mjs';
import {comparisonMode, environment, recordEnvironment, RERECORD, SCREENSHOTS} from './lib/baselines.mjs';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const SNAPSHOTS = 'test/e2e/__snapshots__';
/** Share of pixels allowed to differ (anti-aliasing, font hinting), per screenshot. */
const PIXEL_TOLERANCE = 0.01;

const site = useBuiltSite();

const PREFS = 'fukushi-widgets:reading-prefs';

/** Opens the states page with reading preferences set, as a resident's earlier choice. */
async function open({width = 1280, prefs, forcedColors = false, textScale} = {}) {
  const context = await site.browser.newContext({viewport: {width, height: 900}, forcedColors: forcedColors ? 'active' : 'none'});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (prefs) await page.addInitScript(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [PREFS, prefs]);
  await page.goto(`${site.base}/pages/states.html`);
  await waitForWidgets(page);
  if (textScale) {
    await page.evaluate((s) => (document.documentElement.style.fontSize = s), textScale);
    await page.waitForTimeout(100);
  }
  return {page, context, errors};
}

const widget = (page, section) => page.locator(`#${section} > *`);

/** Key states: how to reach them from the states page. */
const STATES = [
  {name: 'reading-controls', section: 'controls'},
  {name: 'finder-browse', section: 'finder'},
  {name: 'finder-results', section: 'finder', act: (w) => w.getByRole('searchbox').fill('お金がない')},
  {name: 'finder-no-results', section: 'finder', act: (w) => w.getByRole('searchbox').fill('ぱぴぷぺぽ')},
  {name: 'finder-results-easy', section: 'finder', prefs: {locale: 'ja-x-easy'}, act: (w) => w.getByRole('searchbox').fill('家賃')},
  {name: 'finder-results-en', section: 'finder', prefs: {locale: 'en'}, act: (w) => w.getByRole('searchbox').fill('rent')},
  {name: 'card-open', section: 'card'},
  {name: 'card-compact', section: 'compact'},
  {name: 'summary-about', section: 'summary'},
  {name: 'summary-easy-furigana', section: 'summary', prefs: {locale: 'ja-x-easy', furigana: true}},
  {name: 'form-register-start', section: 'register'},
  {name: 'form-urgent', section: 'urgent'},
];

async function settle(page) {
  await page.waitForTimeout(150);
  await waitForWidgets(page);
}

/** Snapshot text without values that change from run to run. */
const stable = (yaml) => yaml.replace(/blob:[^\s"]+/g, 'blob:<url>').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g, '<time>');

describe('accessibility-tree snapshots', () => {
  for (const state of STATES) {
    test(state.name, async () => {
      const {page, context, errors} = await open({prefs: state.prefs});
      if (state.act) {
        await state.act(widget(page, state.section));
        await settle(page);
      }
      const snapshot = stable(await widget(page, state.section).ariaSnapshot());
      const file = `${SNAPSHOTS}/${state.name}.aria.yml`;
      if (UPDATE || !existsSync(file)) {
        assert.ok(UPDATE, `${file} is missing: run with UPDATE_SNAPSHOTS=1 and commit it`);
        mkdirSync(SNAPSHOTS, {recursive: true});
        writeFileSync(file, snapshot + '\n');
      } else {
        assert.equal(snapshot + '\n', readFileSync(file, 'utf8'), `${state.name}: the accessibility tree changed; if on purpose, run UPDATE_SNAPSHOTS=1 and review the diff`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('keyboard walk-through', () => {
  /** Every element that should take focus, inside the widgets (shadow roots included). */
  const tabbables = (page) =>
    page.evaluate(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          const focusable =
            el.matches('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])') &&
            !el.closest('[hidden], [inert]') &&
            el.checkVisibility({visibilityProperty: true, checkVisibilityCSS: true});
          // A radio group is one Tab stop (arrow keys move inside it): count its first radio only.
          const laterRadio = el.type === 'radio' && out.some((o) => o.type === 'radio' && o.name === el.name && o.getRootNode() === el.getRootNode());
          if (focusable && el.tabIndex >= 0 && !laterRadio) out.push(el);
        }
      };
      walk(document.querySelector('main'));
      window.__tabbables = out;
      return out.length;
    });

  /** The element that has focus, through shadow roots. */
  const focused = (page) =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return {index: window.__tabbables.indexOf(el), id: el.id, tag: el.localName, radio: el.type === 'radio', visible, text: (el.textContent ?? '').trim().slice(0, 30)};
    });

  test('Tab reaches every control of every widget, in order, with visible focus, and leaves the page', async () => {
    const {page, context} = await open();
    const count = await tabbables(page);
    assert.ok(count > 40, `only ${count} controls found`);
    await page.focus('#before');
    const seen = new Set();
    const invisible = [];
    for (let i = 0; i < count + 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.id === 'after') break;
      if (f.index === -1 && f.tag === 'input' && f.radio) continue; // a group's checked radio may be its stop
      assert.notEqual(f.index, -1, `Tab went to an element that is not a control: <${f.tag}> "${f.text}"`);
      if (!f.visible) invisible.push(`<${f.tag}> "${f.text}"`);
      seen.add(f.index);
    }
    assert.equal((await focused(page)).id, 'after', 'focus never left the widgets: a keyboard trap');
    assert.equal(seen.size, count, `${count - seen.size} controls were skipped by Tab`);
    assert.deepEqual(invisible, [], 'controls without a visible focus indicator');
    // Shift+Tab walks back out too.
    await page.keyboard.press('Shift+Tab');
    assert.notEqual((await focused(page)).index, -1);
    await context.close();
  });

  test('reading controls, finder, card and summary work by keyboard alone', async () => {
    const {page, context} = await open();
    // Language: Enter on English applies to every widget.
    const controls = widget(page, 'controls');
    await controls.getByRole('button', {name: 'English'}).focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await controls.getByRole('button', {name: 'English'}).getAttribute('aria-pressed'), 'true');
    await controls.getByRole('button', {name: '日本語'}).focus();
    await page.keyboard.press('Space');
    await settle(page);
    // Finder: type, open the filters, tick a need with Space, open a result with Enter.
    const finder = widget(page, 'finder');
    await finder.getByRole('searchbox').focus();
    await page.keyboard.type('相談');
    await page.keyboard.press('Enter');
    await settle(page);
    await finder.locator('summary', {hasText: '条件でしぼりこむ'}).focus();
    await page.keyboard.press('Enter');
    const checkbox = finder.getByRole('checkbox', {name: '子ども・子育て'});
    await checkbox.focus();
    await page.keyboard.press('Space');
    await settle(page);
    assert.equal(await checkbox.isChecked(), true);
    const toggle = finder.locator('.result-toggle').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // Summary: a glossary term opens by Enter and closes by Escape, focus back on the term.
    const term = widget(page, 'summary').locator('button.term').first();
    await term.focus();
    await page.keyboard.press('Enter');
    // The term is a native popover invoker: its expanded state is the popover's.
    const isOpen = () => term.evaluate((b) => b.popoverTargetElement.matches(':popover-open'));
    await page.waitForTimeout(100);
    assert.equal(await isOpen(), true);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    assert.equal(await isOpen(), false);
    assert.equal(await term.evaluate((el) => el.matches(':focus')), true);
    await context.close();
  });
});

describe('screenshots against baselines', () => {
  const VARIANTS = [
    {name: '320', width: 320},
    {name: '1280', width: 1280},
    {name: '320-text200', width: 320, textScale: '200%'},
    {name: '1280-forced-colors', width: 1280, forcedColors: true},
    {name: '320-easy-furigana', width: 320, prefs: {locale: 'ja-x-easy', furigana: true}},
  ];
  const SHOTS = ['controls', 'finder', 'card', 'compact', 'summary', 'urgent'];
  /** Screenshots that differ from their baselines, over all variants. */
  const differing = [];
  let comparison;

  before(() => {
    const env = environment(site.browser);
    if (UPDATE) recordEnvironment(env);
    comparison = comparisonMode(env);
    console.log(`screenshots: ${comparison.mode === 'strict' ? 'differences fail' : 'differences are reported, not failed'}: ${comparison.why}`);
  });

  after(() => {
    if (comparison?.mode !== 'report' || UPDATE) return;
    const total = VARIANTS.length * SHOTS.length;
    console.log(
      differing.length
        ? `screenshots: ${differing.length} of ${total} differ from their baselines (${comparison.why}):\n` +
            differing.map((d) => `  ${d}`).join('\n') +
            `\nLook at test-results/*.diff.png and *.actual.png; if the new rendering is right, re-record with:\n  ${RERECORD}`
        : `screenshots: all ${total} match their baselines (${comparison.why}).`,
    );
  });

  /** Text or controls past the right edge of the viewport, inside the widgets (shadow roots too). */
  const pastViewport = (page) =>
    page.evaluate(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el.closest('.visually-hidden') || !el.checkVisibility()) continue;
          const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!hasText && !el.matches('button, input, select, textarea, a')) continue;
          const box = el.getBoundingClientRect();
          if (box.width && box.right > innerWidth + 1) out.push(`<${el.localName}> "${el.textContent.trim().slice(0, 20)}" ends at ${Math.round(box.right)}px`);
        }
      };
      walk(document.querySelector('main'));
      return out.slice(0, 10);
    });

  for (const variant of VARIANTS) {
    test(variant.name, async () => {
      const {page, context, errors} = await open(variant);
      // Layout: browser-independent, so these fail on any Chromium.
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= variant.width + 1, `the page scrolls sideways: ${scrollWidth}px wide at ${variant.width}px`);
      assert.deepEqual(await pastViewport(page), [], `text or controls past the viewport at ${variant.width}px`);
      const failures = [];
      for (const section of SHOTS) {
        const png = PNG.sync.read(await page.locator(`#${section}`).screenshot({animations: 'disabled'}));
        const file = `${SCREENSHOTS}/${section}-${variant.name}.png`;
        if (UPDATE || !existsSync(file)) {
          assert.ok(UPDATE, `${file} is missing: run ${RERECORD} and commit it`);
          mkdirSync(SCREENSHOTS, {recursive: true});
          writeFileSync(file, PNG.sync.write(png));
          continue;
        }
        const problem = compare(png, PNG.sync.read(readFileSync(file)), `${section}-${variant.name}`);
        if (problem) failures.push(`${section}-${variant.name}: ${problem}`);
      }
      differing.push(...failures);
      if (comparison.mode === 'strict') assert.deepEqual(failures, [], `screenshots differ from their baselines; if on purpose, run ${RERECORD} and review the diff`);
      // The finder's results too, on a page whose margins grow with the text as the demo's do: a
      // desk's phone number at 200% text once ran 17 px past a 320 px screen there.
      await page.evaluate(() => (document.body.style.margin = '1rem'));
      await widget(page, 'finder').getByRole('searchbox').fill('介護');
      await widget(page, 'finder').locator('.results > li').first().waitFor();
      await page.evaluate(() => document.querySelector('#finder > *').updateComplete);
      const resultsWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(resultsWidth <= variant.width + 1, `with results, the page scrolls sideways: ${resultsWidth}px wide at ${variant.width}px`);
      assert.deepEqual(await pastViewport(page), [], `with results, text or controls past the viewport at ${variant.width}px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

/** Compares a screenshot with its baseline; returns what differs, or '' (diff images go to test-results/). */
function compare(png, expected, name) {
  if (Math.abs(expected.width - png.width) > 1 || Math.abs(expected.height - png.height) > 4) {
    mkdirSync('test-results', {recursive: true});
    writeFileSync(`test-results/${name}.actual.png`, PNG.sync.write(png));
    return `size ${png.width}×${png.height}, baseline ${expected.width}×${expected.height}`;
  }
  const width = Math.min(png.width, expected.width);
  const height = Math.min(png.height, expected.height);
  const crop = (image) => {
    const out = new PNG({width, height});
    PNG.bitblt(image, out, 0, 0, width, height, 0, 0);
    return out;
  };
  const diff = new PNG({width, height});
  const changed = pixelmatch(crop(png).data, crop(expected).data, diff.data, width, height, {threshold: 0.2});
  if (changed / (width * height) <= PIXEL_TOLERANCE) return '';
  mkdirSync('test-results', {recursive: true});
  writeFileSync(`test-results/${name}.diff.png`, PNG.sync.write(diff));
  writeFileSync(`test-results/${name}.actual.png`, PNG.sync.write(png));
  return `${((100 * changed) / (width * height)).toFixed(2)}% of pixels differ`;
}
