#!/usr/bin/env node
// npm start: builds the library and serves the demo page, which embeds every widget the way
// the city site would (one <script type="module">), on the built-in Nishitokyo data, with the
// reference receiver (server/receiver.mjs) on the same origin at /api/help-requests.
import {serveStatic} from './lib/static-server.mjs';
import {run} from './lib/run.mjs';
import {createReceiver, optionsFromEnv} from '../server/receiver.mjs';

if (!process.argv.includes('--no-build')) run('Build (npm run build)', 'node', ['scripts/build.mjs']);

const wanted = Number(process.env.PORT ?? 8080);
const routes = [
  ['/', 'demo'],
  ['/', 'dist'],
];

let receiver;
try {
  receiver = createReceiver(optionsFromEnv());
} catch (error) {
  console.warn(`⚠ 受付サーバーなしで起動します / Starting without the receiver: ${error.message}`);
}
const handle = receiver?.handle;

let started;
try {
  started = await serveStatic({routes, port: wanted, host: process.env.HOST ?? '127.0.0.1', handle});
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  console.warn(`Port ${wanted} is busy; using a free port instead.`);
  started = await serveStatic({routes, port: 0, host: process.env.HOST ?? '127.0.0.1', handle});
}
console.log(`\nデモ / Demo: ${started.url}/`);
if (receiver) console.log(`受付 / Receiver: ${started.url}/api/help-requests (SQLite: ${process.env.FUKUSHI_DB ?? 'var/help-requests.sqlite'})`);
console.log('(Ctrl+C で終了 / to stop)');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    started.server.close();
    receiver?.close();
    process.exit(0);
  });
}
