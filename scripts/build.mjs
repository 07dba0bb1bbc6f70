#!/usr/bin/env node
// npm run build: locale modules, the built-in dataset and schemas, the npm modules, the
// one-file CDN bundle, type declarations and the editors' CLI, all into dist/.
import {rmSync} from 'node:fs';
import {bin, run} from './lib/run.mjs';

rmSync('dist', {recursive: true, force: true});
run('Localised strings (lit-localize build)', bin('lit-localize'), ['build']);
run('Built-in dataset with readings (npm run data:build)', bin('tsx'), [
  'src/cli/index.ts', 'build-data', 'data/nishitokyo', '--out', 'dist/data/nishitokyo.json',
]);
run('JSON Schemas', bin('tsx'), ['src/cli/index.ts', 'schema', '--out', 'dist/schema/dataset.schema.json']);
run('npm modules (vite build)', bin('vite'), ['build', '--logLevel', 'warn']);
run('CDN bundle dist/fukushi-widgets.js (vite build --mode cdn)', bin('vite'), ['build', '--mode', 'cdn', '--logLevel', 'warn']);
run('Type declarations (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
run("Editors' CLI dist/cli.js (esbuild)", bin('esbuild'), [
  'src/cli/index.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--outfile=dist/cli.js',
  '--external:kuromoji', '--external:kanji', '--log-level=warning',
  '--banner:js=import {createRequire as __cr} from "node:module"; const require = __cr(import.meta.url);',
]);
