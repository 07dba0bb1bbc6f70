#!/usr/bin/env node
// npm run build: locale modules, the built-in dataset and schemas, the npm modules, the
// one-file CDN bundle, type declarations and the editors' CLI, all into dist/.
import {cpSync, mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {bin, run} from './lib/run.mjs';

rmSync('dist', {recursive: true, force: true});
run('Localised strings (lit-localize build)', bin('lit-localize'), ['build']);
run('Built-in dataset with readings (npm run data:build)', bin('tsx'), [
  'src/cli/index.ts', 'build-data', 'data/nishitokyo', '--readings', 'data/readings.json', '--out', 'dist/data/nishitokyo.json',
]);
run('JSON Schemas', bin('tsx'), ['src/cli/index.ts', 'schema', '--out', 'dist/schema/dataset.schema.json']);
run('Help request JSON Schema', bin('tsx'), ['src/cli/index.ts', 'help-request-schema', '--out', 'dist/schema/help-request.schema.json']);
run('Help form definition with readings', bin('tsx'), [
  'src/cli/index.ts', 'build-help-form', 'data/help-form/nishitokyo.json', '--readings', 'data/readings.json', '--dataset', 'data/nishitokyo',
  '--out', 'dist/data/help-form.json',
]);
run('npm modules (vite build)', bin('vite'), ['build', '--logLevel', 'warn']);
run('CDN bundle dist/fukushi-widgets.js (vite build --mode cdn)', bin('vite'), ['build', '--mode', 'cdn', '--logLevel', 'warn']);
run('Type declarations (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
run("Editors' CLI dist/cli.js (esbuild)", bin('esbuild'), [
  'src/cli/index.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--outfile=dist/cli.js',
  '--external:kuromoji', '--external:kanji', '--log-level=warning',
  '--banner:js=import {createRequire as __cr} from "node:module"; const require = __cr(import.meta.url);',
]);
run('Iframe embed (embed.html, embed.js, embed-resize.js)', 'sh', [
  '-c',
  `cp public-embed/embed.html public-embed/embed.css dist/ && ` +
    `${bin('esbuild')} src/embed/embed.ts --bundle --minify --format=esm --target=es2022 --outfile=dist/embed.js --log-level=warning && ` +
    `${bin('esbuild')} src/embed/embed-resize.ts --bundle --minify --format=iife --target=es2020 --outfile=dist/embed-resize.js --log-level=warning`,
]);

run('Themes (dist/themes)', 'node', ['scripts/build-themes.mjs']);
run('VS Code custom data (dist/vscode.html-custom-data.json)', 'node', ['scripts/vscode-data.mjs']);

// A versioned, immutable copy for CDN caching (cache for a year); dist/fukushi-widgets.js and
// dist/data/ stay the stable alias (cache briefly). Data travels with the script version.
const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
mkdirSync(`dist/v${version}`, {recursive: true});
for (const file of readdirSync('dist').filter((f) => /^fw-.*\.js(\.map)?$/.test(f))) {
  cpSync(`dist/${file}`, `dist/v${version}/${file}`);
}
for (const file of ['fukushi-widgets.js', 'fukushi-widgets.js.map', 'embed.html', 'embed.css', 'embed.js', 'embed-resize.js', 'data', 'schema', 'themes']) {
  cpSync(`dist/${file}`, `dist/v${version}/${file}`, {recursive: true});
}
console.log(`✔ Versioned copy dist/v${version}/`);
