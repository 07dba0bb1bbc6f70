// playwright-core with Debian's Chromium, as every e2e test and the screenshot tools use it.
import {chromium} from 'playwright-core';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {BROWSER_TIME_ZONE, PINNED_INSTANT} from '../../lib/pinned-time.mjs';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Launches Debian's Chromium. Every context and page it opens runs in BROWSER_TIME_ZONE with its
 * clock starting at PINNED_INSTANT and flowing from there, so no test depends on when or where
 * the suite runs. `pinTime: false` keeps the real clock (the benchmark).
 */
export async function launch({pinTime = true, ...options} = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROME_ARGS,
    ...options,
  });
  if (!pinTime) return browser;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions = {}) => {
    const context = await newContext({timezoneId: BROWSER_TIME_ZONE, ...contextOptions});
    await context.clock.install({time: new Date(PINNED_INSTANT)});
    return context;
  };
  // A page of its own context, closed with the page, as Browser.newPage does.
  browser.newPage = async (contextOptions) => {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe in the page (injecting it once) and returns the violations. */
export async function axeViolations(page, {exclude = []} = {}) {
  // Always our own pinned axe-core, even where the page (Storybook) brings another copy.
  const loaded = await page.evaluate(() => window.__fukushiAxe === true);
  if (!loaded) {
    await page.addScriptTag({content: AXE_SOURCE});
    await page.evaluate(() => (window.__fukushiAxe = true));
  }
  return page.evaluate(
    async ({tags, exclude}) => {
      const result = await window.axe.run({exclude: exclude.map((s) => [s])}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
      }));
    },
    {tags: AXE_TAGS, exclude},
  );
}

/**
 * Waits until every fukushi-* element on the page is defined and has finished rendering.
 * (Playwright's waitForFunction does not await an async predicate, so this polls with evaluate.)
 */
export async function waitForWidgets(page, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const done = await page.evaluate(async () => {
      // Twice: widgets rendered in the first pass may hold widgets of their own (cards in the finder).
      for (let pass = 0; pass < 2; pass++) {
        const all = [];
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.localName.startsWith('fukushi-')) all.push(el);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        if (!all.length) return false;
        for (const el of all) {
          if (!customElements.get(el.localName) || !el.shadowRoot) return false;
          await el.updateComplete;
          // A widget whose data never arrives (the loading stories) is checked as it stands.
          if (el.ready) await Promise.race([el.ready, new Promise((r) => setTimeout(r, 3000))]);
          await el.updateComplete;
        }
      }
      await document.fonts.ready;
      return true;
    });
    if (done) return;
    if (Date.now() > deadline) throw new Error(`widgets did not render within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
