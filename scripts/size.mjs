#!/usr/bin/env node
// npm run size: the size budget, in minified + brotli (quality 11) bytes. Data is excluded.
//
// Two figures per entry:
//  - first render: what a page loads to define the widgets and draw their first state (the
//    module and every chunk it imports statically). The targets apply to this figure.
//  - offline-ready: first render plus the chunks the widgets load by themselves right after it
//    (as they connect, in parallel with their data: ui/lazy.ts), so that everything a resident
//    needs works offline once the page has shown.
// Chunks loaded only when a resident asks for them are listed apart (ON_DEMAND): translations
// (when a reader chooses that language; each has its own budget), the vCard download, the grade
// furigana table, structured data, the `hours` attribute's parser, and the full validator (only
// for data that did not go through the build).
// Budgets (the targets): all widgets together (dist/fukushi-widgets.js) ≤ 30 KiB; one widget
// module with Lit ≤ 16 KiB; each translation chunk ≤ 8 KiB. `--json` prints the figures as JSON
// (npm run bench uses them).
import {existsSync} from 'node:fs';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {build} from 'vite';
import {minifyTemplates} from './lib/minify-templates.mjs';

export const BUDGET_ALL = 30 * 1024;
export const BUDGET_WIDGET = 16 * 1024;
export const BUDGET_LOCALE = 8 * 1024;

/**
 * Ceilings for modules over their target (brotli bytes): a recorded size plus 2 %, so that
 * nothing grows unnoticed. There are none now: every module is within its target. Adding one is
 * a decision: give the reason in the commit message and in docs/architecture.md, "Size".
 */
export const CEILINGS = {};
const strict = process.argv.includes('--strict');

export const ENTRIES = {
  'fukushi-widgets.js (all widgets)': 'src/index.ts',
  'service-finder + lit': 'src/components/service-finder/define.ts',
  'contact-card + lit': 'src/components/contact-card/define.ts',
  'disaster-help-form + lit': 'src/components/disaster-help-form/define.ts',
  'easy-summary + lit': 'src/components/easy-summary/define.ts',
  'reading-controls + lit': 'src/components/reading-controls/define.ts',
};

/** Sources of the chunks that load only when a resident asks for them (see the top of this file). */
export const ON_DEMAND = [
  /src\/generated\/locales\//,
  /src\/core\/data\/vcard\.ts$/,
  /src\/core\/data\/structured-data\.ts$/,
  /src\/core\/data\/validate\.ts$/,
  /src\/core\/text\/kanji-grades\.ts$/,
  /src\/core\/hours\/opening-hours-syntax\.ts$/,
];

const br = (text) =>
  brotliCompressSync(Buffer.from(text), {params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.length}}).length;
const gz = (text) => gzipSync(Buffer.from(text), {level: 9}).length;
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;

/**
 * Builds one entry as the CDN build does (code-split, minified) and sorts its chunks. For one
 * widget, the other widgets it embeds (the finder shows contact cards) are left out: each is
 * measured as its own widget.
 */
export async function measureEntry(entry) {
  const own = /src\/components\/([\w-]+)\//.exec(entry)?.[1];
  const external = (id) => {
    const widget = /src\/components\/([\w-]+)\//.exec(id)?.[1];
    return Boolean(own && widget && widget !== own && widget !== 'reading-controls');
  };
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyTemplates()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: {entry, formats: ['es'], fileName: () => 'entry.js'},
      rolldownOptions: {external, output: {minify: true, chunkFileNames: '[name]-[hash].js'}},
    },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const sourceOf = (c) => (c.facadeModuleId ?? c.moduleIds[0] ?? c.fileName).replace(`${process.cwd()}/`, '');
  const onDemandChunk = (c) => ON_DEMAND.some((pattern) => pattern.test(sourceOf(c)));
  /** The chunks `from` imports statically (and, with `lazy`, dynamically, except on-demand ones), transitively. */
  const reach = (from, lazy) => {
    const seen = new Set();
    const visit = (c) => {
      if (seen.has(c.fileName)) return;
      seen.add(c.fileName);
      // External imports (other widgets) are not in the output.
      const next = [...c.imports, ...(lazy ? c.dynamicImports : [])].map((n) => byName.get(n)).filter(Boolean);
      for (const n of next) if (!lazy || !onDemandChunk(n) || c.imports.includes(n.fileName)) visit(n);
    };
    visit(from);
    return seen;
  };
  const entryChunk = chunks.find((c) => c.isEntry);
  const startup = reach(entryChunk, false);
  const ready = reach(entryChunk, true);
  const figures = (names) => {
    const text = [...names].map((n) => byName.get(n).code).join('\n');
    return {raw: text.length, gzip: gz(text), brotli: br(text), chunks: names.size};
  };
  const onDemand = chunks
    .filter((c) => !ready.has(c.fileName))
    .map((c) => {
      const source = sourceOf(c);
      const locale = /generated\/locales\/([\w-]+)\.ts$/.exec(source)?.[1];
      return {name: c.fileName, source, locale, raw: c.code.length, brotli: br(c.code)};
    });
  return {...figures(startup), offlineReady: figures(ready), onDemand};
}

export async function measure() {
  const rows = [];
  for (const [name, entry] of Object.entries(ENTRIES)) {
    if (!existsSync(entry)) continue;
    const m = await measureEntry(entry);
    const budget = name.startsWith('fukushi-widgets') ? BUDGET_ALL : BUDGET_WIDGET;
    rows.push({name, ...m, budget, ceiling: CEILINGS[name] ?? budget});
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure();
  const all = rows[0];
  const locales = all.onDemand.filter((c) => c.locale).map((c) => ({...c, budget: BUDGET_LOCALE}));
  const features = all.onDemand.filter((c) => !c.locale);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({rows, locales, features}, null, 2));
  } else {
    console.log('\nSize budget: minified + brotli (data excluded). First render: what a page loads to show the widgets;')
    console.log('offline-ready: with what they load by themselves right after, so that they work offline.\n')
    // The ceiling column shows only while some bundle has one above its target.
    const ceilings = rows.some((r) => r.ceiling !== r.budget);
    console.log(`module                              first render    gzip   brotli   offline-ready   target${ceilings ? '   ceiling' : ''}`);
    for (const r of rows) {
      const mark = r.brotli > r.ceiling ? '  ✖ over ceiling' : r.brotli > r.budget ? `  over target by ${kib(r.brotli - r.budget)}` : '';
      const ceiling = r.ceiling === r.budget ? '' : kib(r.ceiling);
      console.log(
        `${r.name.padEnd(34)}${kib(r.raw).padStart(12)}${kib(r.gzip).padStart(11)}${kib(r.brotli).padStart(11)}${kib(r.offlineReady.brotli).padStart(14)}${kib(r.budget).padStart(11)}${ceilings ? ceiling.padStart(11) : ''}${mark}`,
      );
    }
    console.log('\nLoaded on demand (not at start-up):');
    for (const c of locales) console.log(`  translation ${c.locale.padEnd(10)} ${kib(c.brotli).padStart(10)}   budget ${kib(c.budget)}${c.brotli > c.budget ? '  ✖ over budget' : ''}`);
    for (const c of features) console.log(`  ${c.source.padEnd(48)} ${kib(c.brotli).padStart(10)}`);
  }
  const overTarget = [...rows, ...locales].filter((r) => r.brotli > r.budget);
  const over = [...rows, ...locales].filter((r) => r.brotli > (strict ? r.budget : (r.ceiling ?? r.budget)));
  if (over.length) {
    console.error(`\n✖ Over ${strict ? 'target' : 'ceiling'}: ${over.map((r) => r.name ?? r.locale).join(', ')}`);
    process.exit(1);
  }
  if (overTarget.length) {
    console.log(`\n! Not yet within target: ${overTarget.map((r) => r.name).join(', ')}. Passing on today's ceilings; see the README, "Size".`);
  }
}
