// Embedding anywhere, over the built files: a strict-CSP page, a hostile host stylesheet, the
// iframe embed with auto-resize, and data whose every text is an HTML/script payload.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {axeViolations, launch, waitForWidgets} from './lib/browser.mjs';
import {serveBuilt, watchConsole} from './lib/pages.mjs';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; require-trusted-types-for 'script'";

// Every text of the built dataset, prefixed with markup that would run if it were parsed as HTML.
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script></rt><b>';
function payloadDataset() {
  const data = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8'));
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    for (const key of ['ja', 'ja-x-easy', 'en']) if (typeof v[key] === 'string' && ('en' in v || 'untranslated' in v)) v[key] = PAYLOAD + v[key];
    for (const [k, x] of Object.entries(v)) if (!['ja', 'ja-x-easy', 'en'].includes(k)) walk(x);
  };
  walk(data);
  return JSON.stringify(data);
}

let browser;
let server;
let base;
before(async () => {
  const payload = payloadDataset();
  ({server, url: base} = await serveBuilt({
    headers: (file) => (file.endsWith('csp.html') ? {'Content-Security-Policy': CSP} : {}),
    handle: (req, res) => {
      if (!req.url.startsWith('/payload/dataset.json')) return false;
      res.writeHead(200, {'Content-Type': 'application/json'});
      res.end(payload);
      return true;
    },
  }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Every element inside every shadow root on the page (not the page's own light DOM). */
const shadowTags = (page) =>
  page.evaluate(() => {
    const tags = [];
    const walk = (root, inShadow) => {
      for (const el of root.querySelectorAll('*')) {
        if (inShadow) tags.push(el.localName);
        if (el.shadowRoot) walk(el.shadowRoot, true);
      }
    };
    walk(document, false);
    return tags;
  });

test('every widget works under a strict CSP with Trusted Types, with zero violations', async () => {
  const page = await browser.newPage();
  const log = watchConsole(page);
  const response = await page.goto(`${base}/pages/csp.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await waitForWidgets(page);
  // Use them: search, open a result, switch language and furigana, step the form.
  const finder = page.locator('fukushi-service-finder');
  await finder.getByRole('searchbox').fill('家賃');
  await finder.getByRole('button', {name: /住居確保給付金/}).first().click();
  await page.getByRole('button', {name: 'やさしい にほんご'}).first().click();
  await page.getByRole('button', {name: 'ふりがな'}).first().click();
  await waitForWidgets(page);
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, []);
  assert.deepEqual(log.errors, []);
  // structured data went into the light DOM as JSON-LD, through a Trusted Types policy
  const jsonLd = await page.evaluate(() => document.querySelector('fukushi-contact-card script[type="application/ld+json"]')?.textContent);
  assert.ok(jsonLd && JSON.parse(jsonLd)['@type'], 'JSON-LD written');
  await page.close();
});

test('a hostile host stylesheet cannot break the widgets: readable text, AA contrast, no axe violations', async () => {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.goto(`${base}/pages/hostile.html`);
  await waitForWidgets(page);
  const smallest = await page.evaluate(() => {
    let min = Infinity;
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!text || !el.checkVisibility?.() || el.closest('rt, .visually-hidden')) continue;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
    };
    for (const widget of document.querySelectorAll('fukushi-service-finder, fukushi-contact-card, fukushi-easy-summary, fukushi-disaster-help-form')) walk(widget.shadowRoot);
    return min;
  });
  assert.ok(smallest >= 14, `smallest widget text is ${smallest}px on a 62.5% page`);
  const violations = await axeViolations(page, {exclude: ['header', 'section > h2']});
  assert.deepEqual(violations, []);
  await page.close();
});

test('the iframe embed renders one widget from the query string and fits its height', async () => {
  const page = await browser.newPage({viewport: {width: 800, height: 600}});
  await page.setContent(
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>host</title></head><body>
      <iframe id="f" title="西東京市 相談窓口" style="width:100%;border:0" src="${base}/embed.html?widget=service-finder&query=%E3%81%8A%E9%87%91&locale=ja"></iframe>
      <script src="${base}/embed-resize.js"></script></body></html>`,
  );
  const frame = page.frameLocator('#f');
  await frame.locator('fukushi-service-finder').getByRole('searchbox').waitFor();
  await page.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height > 300);
  const fitted = await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height);
  const inner = await page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs(fitted - inner) <= 2, `iframe ${fitted}px for content ${inner}px`);
  // It follows the content: more results make it taller.
  await frame.locator('fukushi-service-finder').getByRole('searchbox').fill('相談');
  await page.waitForFunction((h) => document.getElementById('f').getBoundingClientRect().height > h + 50, fitted);
  // Unknown widgets show the city's phone instead of nothing.
  const bad = await browser.newPage();
  await bad.goto(`${base}/embed.html?widget=bogus`);
  await bad.waitForSelector('.embed-error:not([hidden])');
  assert.ok(await bad.locator('a[href="tel:0424641311"]').first().isVisible());
  await bad.close();
  await page.close();
});

test('three iframes on one page each fit their content without the reader scrolling to them', async () => {
  // Browsers pause rendering in iframes below the fold: the heights must arrive anyway.
  const page = await browser.newPage({viewport: {width: 800, height: 600}});
  const widgets = ['contact-card&desk=desk-hotroom', 'disaster-help-form&mode=urgent&endpoint=/api/help-requests', 'service-finder&query=%E7%9B%B8%E8%AB%87'];
  await page.setContent(
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>host</title></head><body>
      ${widgets.map((w, i) => `<iframe title="widget ${i + 1}" style="width:100%;border:0;display:block" src="${base}/embed.html?widget=${w}"></iframe>`).join('')}
      <script src="${base}/embed-resize.js"></script></body></html>`,
  );
  const frames = () => page.frames().slice(1);
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
  for (let i = 0; i < 100 && frames().length < 3; i++) await page.waitForTimeout(50);
  for (const frame of frames()) await waitForWidgets(frame);
  const heights = async () => {
    const outer = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => Math.round(f.getBoundingClientRect().height)));
    const inner = [];
    for (const src of widgets) {
      const frame = frames().find((f) => f.url().includes(src.split('&')[0]));
      inner.push(await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
    }
    return {outer, inner};
  };
  let seen;
  for (let i = 0; i < 40; i++) {
    seen = await heights();
    if (seen.outer.every((h, j) => Math.abs(h - seen.inner[j]) <= 2)) break;
    await page.waitForTimeout(100);
  }
  assert.equal(await page.evaluate(() => scrollY), 0, 'the test must not scroll');
  assert.ok(seen.inner.every((h) => h > 200), `content heights ${seen.inner}`);
  assert.deepEqual(
    seen.outer.map((h, j) => Math.abs(h - seen.inner[j]) <= 2),
    [true, true, true],
    `iframe heights ${seen.outer} for content ${seen.inner}`,
  );
  // The second and third start below the fold.
  const tops = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.getBoundingClientRect().top));
  assert.ok(tops[1] >= 600 || tops[2] >= 600, `iframes at ${tops}: not below the fold`);
  await page.close();
});

test('data whose every text is HTML or script renders as plain text and runs nothing', async () => {
  const page = await browser.newPage();
  const log = watchConsole(page);
  await page.goto(`${base}/pages/payload.html`);
  await waitForWidgets(page);
  await page.locator('fukushi-service-finder').getByRole('button', {name: /img src=x/}).first().click();
  await waitForWidgets(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  const tags = await shadowTags(page);
  assert.ok(!tags.includes('img') && !tags.includes('b'), `markup was created: ${[...new Set(tags)].join(' ')}`);
  const scriptsInShadow = tags.filter((t) => t === 'script').length;
  assert.equal(scriptsInShadow, 0);
  const text = await page.locator('fukushi-service-finder .result-toggle').first().innerText();
  assert.ok(text.includes('<img src=x onerror='), 'the payload shows as text');
  const jsonLd = await page.evaluate(() => document.querySelector('fukushi-contact-card script[type="application/ld+json"]')?.textContent ?? '');
  assert.ok(!jsonLd.includes('</script>'), 'JSON-LD escapes </script>');
  // The form (given the definition with form-src) lists the dataset's towns, as text.
  const towns = await page.evaluate(() => [...document.querySelector('fukushi-disaster-help-form').shadowRoot.querySelectorAll('option')].map((o) => o.textContent));
  assert.ok(towns.some((t) => t.includes('<img src=x onerror=')), `town options: ${towns.slice(0, 3)}`);
  assert.deepEqual(log.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await page.close();
});

test('every theme keeps AA contrast: default, dark and Digital Agency', async () => {
  for (const theme of ['', 'dark', 'digital-agency']) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${base}/pages/themed.html?theme=${theme}`);
    await waitForWidgets(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `theme "${theme || 'default'}"`);
    if (theme === 'dark') {
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('fukushi-contact-card')).backgroundColor);
      assert.equal(background, 'rgb(26, 26, 26)');
    }
    await page.close();
  }
});
