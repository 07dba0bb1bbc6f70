// Serves the built bundle (dist/), the demo and the e2e test pages for a test file.
import {serveStatic} from '../../../scripts/lib/static-server.mjs';

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
