// axe over every Storybook story, in each reading mode, against the built Storybook
// (npm run build-storybook). Tags: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa.
// No rule is disabled.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {serveStatic} from '../../scripts/lib/static-server.mjs';
import {axeViolations, launch, waitForWidgets} from './lib/browser.mjs';

const MODES = [
  {name: 'ja', globals: 'locale:ja;furigana:off;a11y.manual:!true'},
  {name: 'ja-x-easy + furigana', globals: 'locale:ja-x-easy;furigana:on;a11y.manual:!true'},
  {name: 'en', globals: 'locale:en;furigana:off;a11y.manual:!true'},
];

let browser;
let server;
let base;

before(async () => {
  ({server, url: base} = await serveStatic({routes: [['/', 'storybook-static']]}));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

test('the built Storybook has stories', () => assert.ok(stories.length > 0));

for (const story of stories) {
  test(`axe: ${story.title} / ${story.name}`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      for (const mode of MODES) {
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=${mode.globals}`, {waitUntil: 'domcontentloaded'});
        await page.waitForSelector('#storybook-root > *', {state: 'attached', timeout: 15000});
        await waitForWidgets(page);
        const violations = await axeViolations(page, {exclude: ['#storybook-docs']});
        assert.deepEqual(violations, [], `${story.id} in ${mode.name}:\n${JSON.stringify(violations, null, 1)}`);
      }
      assert.deepEqual(errors, [], `page errors in ${story.id}`);
    } finally {
      await page.close();
    }
  });
}
