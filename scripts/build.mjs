#!/usr/bin/env node
// npm run build: locale modules, the built-in dataset, the npm modules, the one-file CDN
// bundle, type declarations and the editors' CLI, all into dist/.
import {rmSync} from 'node:fs';
import {bin, run} from './lib/run.mjs';

rmSync('dist', {recursive: true, force: true});
run('Localised strings (lit-localize build)', bin('lit-localize'), ['build']);
run('npm modules (vite build)', bin('vite'), ['build', '--logLevel', 'warn']);
run('CDN bundle dist/fukushi-widgets.js (vite build --mode cdn)', bin('vite'), ['build', '--mode', 'cdn', '--logLevel', 'warn']);
run('Type declarations (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
