// Dev servers (tests, Storybook) serve the built dataset where the bundle would find it:
// any request for .../data/<name>.json is answered from dist/data/<name>.json.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const distData = fileURLToPath(new URL('../../dist/data/', import.meta.url));

export function builtinDataMiddleware(ctx, next) {
  const match = /\/data\/([a-z0-9-]+\.json)$/.exec(ctx.path ?? '');
  if (!match) return next();
  return readFile(distData + match[1])
    .then((body) => {
      ctx.type = 'application/json';
      ctx.body = body;
    })
    .catch(() => next());
}

/** The same for Vite (connect-style) servers. */
export function viteBuiltinData() {
  return {
    name: 'fukushi-builtin-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/data\/([a-z0-9-]+\.json)(\?.*)?$/.exec(req.url ?? '');
        if (!match) return next();
        readFile(distData + match[1])
          .then((body) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(body);
          })
          .catch(() => next());
      });
    },
  };
}
