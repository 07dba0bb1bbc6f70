// The one-file bundle as an editor embeds it: loaded twice, elements already in the HTML,
// preferences that reach every widget and survive a reload.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {waitForWidgets} from './lib/browser.mjs';
import {useBuiltSite, watchConsole} from './lib/pages.mjs';

const site = useBuiltSite();

const label = (page, id) =>
  page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.label').textContent, id);

test('loading the bundle twice gives no error, one warning, and working widgets', async () => {
  const page = await site.browser.newPage();
  const log = watchConsole(page);
  await page.goto(`${site.base}/pages/double-load.html`);
  await waitForWidgets(page);
  assert.deepEqual(log.errors, []);
  assert.equal(log.warnings.filter((w) => w.includes('already defined')).length, 1, log.warnings.join('\n'));
  assert.equal(await label(page, 'a'), '表示する言葉');
  await page.close();
});

test('elements already in the HTML switch language together, and the choice survives a reload', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.base}/pages/double-load.html`);
  await waitForWidgets(page);
  await page.getByRole('button', {name: 'English'}).first().click();
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelector('.label').textContent === 'Language');
  assert.equal(await label(page, 'a'), 'Language');
  await page.reload();
  await waitForWidgets(page);
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelector('.label').textContent === 'Language');
  const pressed = await page.getByRole('button', {name: 'English'}).first().getAttribute('aria-pressed');
  assert.equal(pressed, 'true');
  await context.close();
});

test('the demo page serves every widget from one script and has no errors', async () => {
  const page = await site.browser.newPage();
  const log = watchConsole(page);
  await page.goto(`${site.base}/`);
  await waitForWidgets(page);
  assert.deepEqual(log.errors, []);
  await page.close();
});
