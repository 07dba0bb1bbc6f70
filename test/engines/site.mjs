// The site the engine journeys visit: the demo page as `npm start` serves it (built bundle, real
// receiver on the same origin, SQLite in a temporary folder), with two test-only scripts loaded
// before the widgets: the pinned clock (?now=) and the error log (test/e2e/pages/).
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {serveStatic} from '../../scripts/lib/static-server.mjs';
import {createReceiver, DEFAULT_SCHEMA} from '../../server/receiver.mjs';

const BUNDLE_TAG = '<script type="module" src="fukushi-widgets.js"></script>';
const TEST_SCRIPTS = '<script src="/pages/pinned-clock.js"></script><script src="/pages/page-errors.js"></script>';

function demoWithTestScripts() {
  const demo = readFileSync('demo/index.html', 'utf8');
  if (!demo.includes(BUNDLE_TAG)) {
    throw new Error(`demo/index.html no longer loads the bundle with ${BUNDLE_TAG}; update BUNDLE_TAG in test/engines/site.mjs.`);
  }
  // Classic scripts before the module script: they run before any widget code.
  return demo.replace(BUNDLE_TAG, `${TEST_SCRIPTS}\n    ${BUNDLE_TAG}`);
}

export async function startSite() {
  for (const file of ['dist/fukushi-widgets.js', DEFAULT_SCHEMA]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'fukushi-engines-'));
  const dbFile = join(dir, 'help-requests.sqlite');
  // Each engine sends a handful of requests; the rate limit has its own tests in test/node.
  const receiver = createReceiver({dbFile, ratePerMinute: 0, log: () => {}});
  const demo = demoWithTestScripts();
  const handle = async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'});
      res.end(demo);
      return true;
    }
    if (path === '/blank.html') {
      res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
      res.end('<!doctype html><html lang="ja"><meta charset="utf-8"><title>blank</title>');
      return true;
    }
    return receiver.handle(req, res);
  };
  const {server, url} = await serveStatic({
    routes: [
      ['/pages/', 'test/e2e/pages'],
      ['/', 'demo'],
      ['/', 'dist'],
    ],
    handle,
  });
  return {
    url,
    /** Every request the receiver stored, read from its SQLite file. */
    requests() {
      const db = new Database(dbFile, {readonly: true, fileMustExist: true});
      try {
        return db.prepare('SELECT receipt, mode, body FROM help_requests').all().map((row) => ({...row, body: JSON.parse(row.body)}));
      } finally {
        db.close();
      }
    },
    close() {
      server.closeAllConnections?.();
      server.close();
      receiver.close();
      rmSync(dir, {recursive: true, force: true});
    },
  };
}
