// axe over every Storybook story, in each reading mode, against the built Storybook
// (npm run build-storybook). Tags: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa. No rule is
// disabled. Stories are switched through Storybook's own channel on two long-lived pages,
// so each check costs a render, not a page load.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {serveStatic} from '../../scripts/lib/static-server.mjs';
import {axeViolations, launch, waitForWidgets} from './lib/browser.mjs';

const MODES = [
  {name: 'ja', globals: {locale: 'ja', furigana: 'off'}},
  {name: 'ja-x-easy + furigana', globals: {locale: 'ja-x-easy', furigana: 'on'}},
  {name: 'en', globals: {locale: 'en', furigana: 'off'}},
];
const WORKERS = 2;

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

let browser;
let server;
let base;
const pages = [];

before(async () => {
  ({server, url: base} = await serveStatic({routes: [['/', 'storybook-static']]}));
  browser = await launch();
  for (let i = 0; i < WORKERS; i++) {
    const page = await browser.newPage({viewport: {width: 1024, height: 800}});
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await reload(page);
    pages.push(page);
  }
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh preview; the a11y addon's own automatic run is switched off, as it would race ours. */
async function reload(page, storyId = stories[0].id) {
  // The preview rewrites its own URL while loading; Playwright may report that as an interrupted
  // navigation, which is harmless: the channel appearing is what matters.
  await page
    .goto(`${base}/iframe.html?id=${storyId}&viewMode=story&globals=a11y.manual%3A!true`)
    .catch((error) => {
      if (!/interrupted by another navigation/.test(error.message)) throw error;
    });
  await page.waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__);
}

/** Renders a story with globals through the preview's channel and waits until it has rendered. */
async function show(page, storyId, globals) {
  try {
    await render(page, storyId, globals);
  } catch {
    // A preview that lost its channel (or its page) is reloaded once; a story that fails twice fails.
    await reload(page, storyId);
    await render(page, storyId, globals);
  }
  await waitForWidgets(page);
}

async function render(page, storyId, globals) {
  await page.evaluate(
    ({storyId, globals}) =>
      new Promise((resolve, reject) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const timer = setTimeout(() => reject(new Error(`${storyId} did not render`)), 15000);
        const done = (event) => {
          channel.off('storyRendered', done);
          channel.off('storyErrored', failed);
          clearTimeout(timer);
          resolve(event);
        };
        const failed = (error) => {
          channel.off('storyRendered', done);
          channel.off('storyErrored', failed);
          clearTimeout(timer);
          reject(new Error(`${storyId}: ${JSON.stringify(error)}`));
        };
        channel.on('storyRendered', done);
        channel.on('storyErrored', failed);
        channel.emit('updateGlobals', {globals: {...globals, a11y: {manual: true}}});
        channel.emit('setCurrentStory', {storyId, viewMode: 'story'});
      }),
    {storyId, globals},
  );
}

test('the built Storybook has stories for every widget', () => {
  for (const widget of ['service-finder', 'contact-card', 'disaster-help-form', 'easy-summary', 'reading-controls']) {
    assert.ok(stories.some((s) => s.importPath.includes(widget)), `no stories for ${widget}`);
  }
});

test(`axe: ${stories.length} stories × ${MODES.length} reading modes, zero violations`, async () => {
  const failures = [];
  let next = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (next < stories.length) {
        const story = stories[next++];
        for (const mode of MODES) {
          try {
            await show(page, story.id, mode.globals);
            const violations = await axeViolations(page, {exclude: ['#storybook-docs']});
            if (violations.length) failures.push(`${story.id} [${mode.name}]: ${JSON.stringify(violations, null, 1)}`);
          } catch (error) {
            failures.push(`${story.id} [${mode.name}]: ${error.message}`);
          }
        }
      }
    }),
  );
  assert.deepEqual(failures, []);
  assert.deepEqual(pages.flatMap((p) => p.errors), [], 'page errors');
});
