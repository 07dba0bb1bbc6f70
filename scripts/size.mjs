#!/usr/bin/env node
// npm run size: the size budget, in minified + brotli (quality 11) bytes.
//  - dist/fukushi-widgets.js, the one-file CDN bundle (every widget, lit, @lit/localize and all
//    locale strings inlined, so it is everything the page loads apart from data);
//  - each widget module bundled on its own with lit, as a page using only that widget loads it.
// Fails when all widgets exceed 30 KiB or one widget with lit exceeds 16 KiB. Data is excluded.
// Run `npm run build` first. `--json` prints the figures as JSON (used by npm run bench).
import {existsSync, readFileSync} from 'node:fs';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {build} from 'vite';

export const BUDGET_ALL = 30 * 1024;
export const BUDGET_WIDGET = 16 * 1024;

export const WIDGETS = {
  'service-finder': 'src/components/service-finder/define.ts',
  'contact-card': 'src/components/contact-card/define.ts',
  'disaster-help-form': 'src/components/disaster-help-form/define.ts',
  'easy-summary': 'src/components/easy-summary/define.ts',
  'reading-controls': 'src/components/reading-controls/define.ts',
};

const br = (buf) =>
  brotliCompressSync(buf, {params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length}}).length;
const gz = (buf) => gzipSync(buf, {level: 9}).length;
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;

async function bundleAlone(entry) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: {entry, formats: ['es'], fileName: () => 'x.js'},
      rolldownOptions: {output: {codeSplitting: false, minify: true}},
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
  return Buffer.concat(outputs.filter((o) => o.type === 'chunk').map((o) => Buffer.from(o.code)));
}

export async function measure() {
  const cdn = 'dist/fukushi-widgets.js';
  if (!existsSync(cdn)) throw new Error(`${cdn} is missing: run npm run build first.`);
  const all = readFileSync(cdn);
  const rows = [{name: 'fukushi-widgets.js (all widgets)', raw: all.length, gzip: gz(all), brotli: br(all), budget: BUDGET_ALL}];
  for (const [name, entry] of Object.entries(WIDGETS)) {
    if (!existsSync(entry)) continue;
    const code = await bundleAlone(entry);
    rows.push({name: `${name} + lit`, raw: code.length, gzip: gz(code), brotli: br(code), budget: BUDGET_WIDGET});
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log('\nSize budget (minified; data excluded)\n');
    console.log('module                              raw         gzip       brotli     budget');
    for (const r of rows) {
      const mark = r.brotli > r.budget ? '  ✖ over budget' : '';
      console.log(
        `${r.name.padEnd(34)}${kib(r.raw).padStart(11)}${kib(r.gzip).padStart(12)}${kib(r.brotli).padStart(12)}${kib(r.budget).padStart(12)}${mark}`,
      );
    }
  }
  const over = rows.filter((r) => r.brotli > r.budget);
  if (over.length) {
    console.error(`\n✖ Over budget: ${over.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
}
