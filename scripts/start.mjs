#!/usr/bin/env node
// npm start: builds the library and serves the demo page, which embeds every widget the way
// the city site would (one <script type="module">), on the built-in Nishitokyo data.
import {serveStatic} from './lib/static-server.mjs';
import {run} from './lib/run.mjs';

if (!process.argv.includes('--no-build')) run('Build (npm run build)', 'node', ['scripts/build.mjs']);

const wanted = Number(process.env.PORT ?? 8080);
const routes = [
  ['/', 'demo'],
  ['/', 'dist'],
];

let started;
try {
  started = await serveStatic({routes, port: wanted, host: process.env.HOST ?? '127.0.0.1'});
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  console.warn(`Port ${wanted} is busy; using a free port instead.`);
  started = await serveStatic({routes, port: 0, host: process.env.HOST ?? '127.0.0.1'});
}
console.log(`\nデモ / Demo: ${started.url}/\n(Ctrl+C で終了 / to stop)`);
