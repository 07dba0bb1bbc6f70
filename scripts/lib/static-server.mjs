// A small static file server for the demo, the built Storybook and e2e tests.
// `routes` maps URL prefixes to folders; the first folder holding the file wins.
import {createServer} from 'node:http';
import {createReadStream, existsSync, statSync} from 'node:fs';
import {extname, join, normalize, resolve} from 'node:path';
import {constants, createBrotliCompress, createGzip} from 'node:zlib';

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
      // Compressed as any production server would (the dataset is ~0.5 MB of JSON).
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const compressible = /^(text\/|application\/(json|xml)|image\/svg)/.test(type);
      const encoding = !compressible ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        ...(compressible ? {Vary: 'Accept-Encoding'} : {}),
        ...(encoding ? {'Content-Encoding': encoding} : {}),
        ...(headers?.(file, req) ?? {}),
      });
      const body = createReadStream(file);
      if (encoding === 'br') body.pipe(createBrotliCompress({params: {[constants.BROTLI_PARAM_QUALITY]: 5}})).pipe(res);
      else if (encoding === 'gzip') body.pipe(createGzip()).pipe(res);
      else body.pipe(res);
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
