// A small static file server for the demo, the built Storybook and e2e tests.
// `routes` maps URL prefixes to folders; the first folder holding the file wins.
import {createServer} from 'node:http';
import {createReadStream, existsSync, statSync} from 'node:fs';
import {extname, join, normalize, resolve} from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.vcf': 'text/vcard; charset=utf-8',
};

export function resolveFile(routes, urlPath) {
  const path = decodeURIComponent(urlPath.split('?')[0]);
  for (const [prefix, dir] of routes) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const root = resolve(dir);
    let file = normalize(join(root, rest));
    if (!file.startsWith(root)) continue;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/**
 * Starts a server; resolves to {server, url}. `handle(req, res)` may answer first (return true).
 * `headers(file)` may add response headers (the CSP test page uses it).
 */
export function serveStatic({routes, port = 0, host = '127.0.0.1', handle, headers}) {
  const server = createServer(async (req, res) => {
    try {
      if (handle && (await handle(req, res))) return;
      const file = resolveFile(routes, req.url ?? '/');
      if (!file) {
        res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'});
        res.end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...(headers?.(file, req) ?? {}),
      });
      createReadStream(file).pipe(res);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      ok({server, url: `http://${host}:${address.port}`});
    });
  });
}
