// Serves the built bundle (dist/), the demo and the e2e test pages for a test file.
import {after, before} from 'node:test';
import {serveStatic} from '../../../scripts/lib/static-server.mjs';
import {launch} from './browser.mjs';

export function serveBuilt(options = {}) {
  return serveStatic({
    routes: [
      ['/pages/', 'test/e2e/pages'],
      ['/', 'demo'],
      ['/', 'dist'],
    ],
    ...options,
  });
}

/**
 * Serves the built files and launches Chromium around a test file's tests. `site.browser` and
 * `site.base` (the server's URL) are set once the tests start.
 */
export function useBuiltSite(options = {}) {
  const site = {browser: undefined, base: '', server: undefined};
  before(async () => {
    ({server: site.server, url: site.base} = await serveBuilt(options));
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/** Collects page errors and console errors/warnings. */
export function watchConsole(page) {
  const log = {errors: [], warnings: []};
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  return log;
}
