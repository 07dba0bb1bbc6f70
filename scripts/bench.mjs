#!/usr/bin/env node
// npm run bench: one table, the goals of the finder's performance issue beside each row, and
// bench/results.json. What it measures, and how:
//
//  - Datasets: synthetic, 5,000 and 50,000 services (scripts/gen-bench-dataset.mjs), each checked
//    with the full validator first. Every desk in them is the dataset's own.
//  - Subjects: the finder (from the one-file bundle dist/fukushi-widgets.js, as a page embeds it)
//    and its peer, a plain MiniSearch + Lit search box with NFKC, katakana → hiragana and character
//    bigrams that renders the top 20 results with name, description and desk phone
//    (bench/peer/peer.ts). Both run in headless Chromium (1280×900), each session in a fresh
//    browser context; the datasets are served uncompressed over loopback.
//  - Order: for each dataset, finder and peer alternate, three rounds each (finder, peer, finder …).
//  - Keystroke latency: each query typed one character at a time, 180 ms apart (a resident typing
//    about five characters a second, so work left over from one keystroke delays the next): ASCII
//    with real key events (no IME involved), kana and kanji with insertText, as an IME commits.
//    Measured in the page from the `input` event's timestamp until a frame that shows that text's
//    results has been painted: its first screen (what the goals are judged on: the results in
//    the window are that text's, nothing stale among them) and its whole list (every result
//    drawn). bench/pages/probe.js explains the frame test. The list each text settles on is
//    learnt first, in a separate session, by `settle`.
//  - Load → first result: from navigation start until the results for a query given with the
//    page (the widget's `query` attribute) are painted; the dataset's download is included.
//  - JS heap: V8's used heap after a forced garbage collection (Chrome DevTools Protocol,
//    HeapProfiler.collectGarbage then Runtime.getHeapUsage), the same for both subjects: "after
//    load" as soon as the widget is ready with no query (the finder indexes its text later, in
//    idle time), "after a first query" once the first result of a query given with the page is
//    painted (every text indexed).
//  - Result cards: whether each of the first ten results shows its own desk's phone number from
//    the dataset (the finder's cards, the peer's phone line).
//  - Relevance: the right service in the first ten results for nine labelled queries.
//  - Sizes: whatever scripts/size.mjs `measure` reports.
//  - Lighthouse on the demo: median of five runs, simulated mobile throttling with a fixed ×4 CPU
//    slowdown (scripts/lib/lighthouse.mjs); the machine's benchmarkIndex is printed with it.
// Machines here are shared and noisy: compare the ratios (finder ÷ peer) of interleaved rounds.
// bench/results.json keeps every sample. The whole run takes 5–8 minutes on a 2-core machine.
import {createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {build} from 'vite';
import {bin, run} from './lib/run.mjs';
import {serveStatic} from './lib/static-server.mjs';
import {generateBenchDataset} from './gen-bench-dataset.mjs';
import {measure as measureSizes} from './size.mjs';
import {launch} from '../test/e2e/lib/browser.mjs';
import {lighthouseScores, THROTTLING} from './lib/lighthouse.mjs';

const SIZES = [5000, 50000];
const ROUNDS = 3;
const SUBJECTS = ['finder', 'peer'];
const KEY_GAP_MS = 180;
const LOAD_TIMEOUT_MS = 120_000;
const LIGHTHOUSE_RUNS = 5;
// The issue's goals.
const P95_GOAL_MS = {5000: 16, 50000: 33};
const LIGHTHOUSE_GOAL = 95;

// Typed one character at a time: kana, kanji, romaji and English, as residents search.
const QUERIES = ['お金がない', 'かいご', 'seinen kouken', '子どもの相談', 'ひきこもり', 'DV', '家賃が払えない', 'rent'];
// Given with the page for load → first result and the heap after a first query.
const LOAD_QUERY = 'そうだん';

// Queries from the finder's issue with the plan service each must find within the first ten.
const LABELLED = [
  ['お金がない', ['svc-jiritsu-soudan']],
  ['家賃が払えない', ['svc-jiritsu-soudan', 'svc-jukyo-kakuho']],
  ['せいねんこうけん', ['svc-seinen-kouken']],
  ['ｾｲﾈﾝｺｳｹﾝ', ['svc-seinen-kouken']],
  ['seinen kouken', ['svc-seinen-kouken']],
  ['ひきこもり', ['svc-hikikomori']],
  ['DV', ['svc-gyakutai-dv']],
  ['ヤングケアラー', ['svc-young-carer']],
  ['子どもの相談', ['svc-kodomo-soudan']],
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const quantile = (values, q) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (values) => quantile(values, 0.5);
const prefixes = (text) => [...text].map((_, i) => [...text].slice(0, i + 1).join(''));
const telOf = (number) => `tel:${number.replace(/[^0-9+]/g, '')}`;

/** Runs one step of the bench, saying what and how long. */
async function step(label, work) {
  const begun = Date.now();
  process.stdout.write(`▶ ${label}`);
  const value = await work();
  process.stdout.write(` (${((Date.now() - begun) / 1000).toFixed(1)}s)\n`);
  return value;
}

/** True when dist/ is missing or older than anything in src/ or data/. */
function distIsStale() {
  const built = 'dist/service-finder.js';
  if (!existsSync(built) || !existsSync('dist/fukushi-widgets.js')) return true;
  const newest = (dir) =>
    readdirSync(dir, {withFileTypes: true}).reduce((m, e) => {
      const path = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? (e.name === 'generated' ? 0 : newest(path)) : statSync(path).mtimeMs);
    }, 0);
  return Math.max(newest('src'), newest('data')) > statSync(built).mtimeMs;
}

/** Writes and validates each dataset; returns, per size, each service's desk phone as a tel: link. */
function prepareDatasets() {
  const base = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8'));
  const desks = {};
  for (const size of SIZES) {
    const file = `bench/tmp/dataset-${size}.json`;
    const data = generateBenchDataset(base, size);
    writeFileSync(file, JSON.stringify(data));
    run(`Validate ${file} (the full validator)`, bin('tsx'), ['src/cli/index.ts', 'validate', file]);
    const phones = new Map(data.locations.map((l) => [l.id, l.phones.find((p) => p.type !== 'fax')?.number]));
    desks[size] = new Map(data.services.map((s) => [s.id, phones.get(s.service_at_locations[0]?.location_id)]).filter(([, n]) => n).map(([id, n]) => [id, telOf(n)]));
  }
  return desks;
}

async function buildPeer() {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: 'bench/tmp',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: {entry: 'bench/peer/peer.ts', formats: ['es'], fileName: () => 'peer.js'},
      rolldownOptions: {output: {codeSplitting: false}},
    },
  });
}

/** The datasets as a file server sends them, uncompressed: the page's work is measured, not the network's. */
function serveDataset(req, res) {
  const name = /^\/bench\/tmp\/(dataset-\d+\.json)$/.exec((req.url ?? '').split('?')[0])?.[1];
  if (!name || !existsSync(`bench/tmp/${name}`)) return false;
  res.writeHead(200, {'Content-Type': 'application/json; charset=utf-8', 'Content-Length': statSync(`bench/tmp/${name}`).size, 'Cache-Control': 'no-cache'});
  createReadStream(`bench/tmp/${name}`).pipe(res);
  return true;
}

/** A page of its own browser context, with the subject on it. */
async function openSubject(browser, base, subject, services, query = '') {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/bench/pages/${subject}.html?services=${services}${query ? `&query=${encodeURIComponent(query)}` : ''}`);
  const check = () => {
    if (errors.length) throw new Error(`${subject} at ${services}: ${errors.join('\n')}`);
  };
  return {page, check, close: () => context.close()};
}

/** V8's used heap after a forced garbage collection, in bytes. */
async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * One session per subject and size before the rounds: the heap after load, the list each typed
 * text settles on (the rounds wait for exactly that list), relevance and the result cards' phones.
 */
async function learn(browser, base, subject, services, deskPhones) {
  const {page, check, close} = await openSubject(browser, base, subject, services);
  try {
    await page.evaluate(() => window.bench.ready());
    const heapAfterLoad = await heapUsed(page);
    const texts = [...new Set(QUERIES.flatMap(prefixes))];
    const expected = await page.evaluate(async (texts) => {
      const out = {};
      for (const text of texts) out[text] = await window.bench.settle(text);
      return out;
    }, texts);
    const relevant = [];
    const cards = {results: 0, ownDesk: 0, missed: []};
    for (const [query, answers] of LABELLED) {
      const shown = await page.evaluate(async (query) => {
        await window.bench.settle(query);
        return window.bench.shown();
      }, query);
      if (shown.some((r) => answers.includes(r.id))) relevant.push(query);
      for (const r of shown) {
        const tel = deskPhones.get(r.id);
        if (!tel) continue;
        cards.results++;
        if (r.tels.includes(tel)) cards.ownDesk++;
        else if (cards.missed.length < 3 && !cards.missed.some((m) => m.startsWith(`${r.id}:`))) cards.missed.push(`${r.id}: expected ${tel}, shown ${r.tels.join(' ') || 'none'}`);
      }
    }
    check();
    return {heapAfterLoad, expected, relevant, cards};
  } finally {
    await close();
  }
}

/** One round of one subject: load → first result, the heap after it, then every query typed. */
async function round(browser, base, subject, services, expected) {
  const {page, check, close} = await openSubject(browser, base, subject, services, LOAD_QUERY);
  try {
    const loadMs = await Promise.race([
      page.evaluate(() => window.bench.firstResultShown),
      sleep(LOAD_TIMEOUT_MS).then(() => Promise.reject(new Error(`${subject} at ${services}: no result for "${LOAD_QUERY}" within ${LOAD_TIMEOUT_MS / 1000} s of loading`))),
    ]);
    const heapAfterQuery = await heapUsed(page);
    await page.evaluate((map) => window.bench.expect(map), expected);
    const box = page.locator('#subject input[type=search]');
    for (const query of QUERIES) {
      await box.fill('');
      await sleep(300);
      let next = performance.now();
      for (const ch of query) {
        await sleep(next - performance.now());
        next += KEY_GAP_MS;
        if (/^[\x20-\x7e]$/.test(ch)) await page.keyboard.type(ch);
        else await page.keyboard.insertText(ch);
      }
      await sleep(next - performance.now());
    }
    // The last keystroke's list, then what the page measured.
    const deadline = Date.now() + 5000;
    let result = await page.evaluate(() => window.bench.samples());
    while (result.pending && Date.now() < deadline) {
      await sleep(100);
      result = await page.evaluate(() => window.bench.samples());
    }
    check();
    const typed = QUERIES.reduce((n, q) => n + [...q].length, 0);
    if (result.pending || result.samples.length !== typed) {
      throw new Error(`${subject} at ${services}: ${result.samples.length} of ${typed} keystrokes measured, ${result.pending} never showed their results`);
    }
    return {loadMs, heapAfterQuery, keystrokes: result.samples};
  } finally {
    await close();
  }
}

/** Time to render the whole plan summary in easy Japanese with furigana. */
async function summaryRender(browser, base) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const tab = await context.newPage();
  await tab.goto(`${base}/bench/pages/blank.html`);
  const times = await tab.evaluate(async (rounds) => {
    const out = [];
    await customElements.whenDefined('fukushi-easy-summary');
    for (let i = 0; i <= rounds; i++) {
      const el = document.createElement('fukushi-easy-summary');
      el.setAttribute('locale', 'ja-x-easy');
      el.setAttribute('furigana', 'on');
      const started = performance.now();
      document.body.append(el);
      await el.ready;
      await el.updateComplete;
      const ms = performance.now() - started;
      if (!el.shadowRoot.querySelector('rt')) throw new Error('no furigana rendered');
      if (i > 0) out.push(ms); // the first one includes loading the data
      el.remove();
    }
    return out;
  }, 5);
  await context.close();
  return {median: median(times), p95: quantile(times, 0.95), samples: times.length};
}

/** Medians and p95 over all rounds, the range of the rounds' medians and of their finder ÷ peer ratios. */
function summarise(perRound) {
  const stat = (subject, pick) => {
    const rounds = perRound.map((r) => pick(r[subject]));
    const all = rounds.flat();
    return {median: median(all), p95: quantile(all, 0.95), roundMedians: rounds.map(median), roundP95s: rounds.map((v) => quantile(v, 0.95))};
  };
  const out = {};
  for (const [name, pick] of [
    ['keystroke', (r) => r.keystrokes.map((k) => k.ms)],
    ['keystrokeWholeList', (r) => r.keystrokes.map((k) => k.fullMs)],
    ['loadMs', (r) => [r.loadMs]],
    ['heapAfterQuery', (r) => [r.heapAfterQuery]],
  ]) {
    const finder = stat('finder', pick);
    const peer = stat('peer', pick);
    out[name] = {
      finder,
      peer,
      ratio: finder.median / peer.median,
      ratioP95: finder.p95 / peer.p95,
      roundRatios: finder.roundMedians.map((f, i) => f / peer.roundMedians[i]),
      roundRatiosP95: finder.roundP95s.map((f, i) => f / peer.roundP95s[i]),
    };
  }
  out.overtaken = Object.fromEntries(SUBJECTS.map((s) => [s, perRound.flatMap((r) => r[s].keystrokes).filter((k) => k.overtaken).length]));
  return out;
}

// --- run -----------------------------------------------------------------------------------------
const started = Date.now();
if (distIsStale()) run('Build (npm run build)', 'node', ['scripts/build.mjs']);
mkdirSync('bench/tmp', {recursive: true});
const deskPhones = prepareDatasets();
writeFileSync('bench/pages/blank.html', '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><script type="module" src="/fukushi-widgets.js"></script></head><body></body></html>\n');
await step('Build the peer (bench/peer/peer.ts)', buildPeer);

const {server, url} = await serveStatic({routes: [['/bench/', 'bench'], ['/', 'dist'], ['/', 'demo']], handle: serveDataset});
const results = {date: new Date().toISOString(), rounds: ROUNDS, keyGapMs: KEY_GAP_MS, queries: QUERIES, loadQuery: LOAD_QUERY, datasets: {}};
results.sizes = await step('Sizes (scripts/size.mjs)', measureSizes);
try {
  const browser = await launch({pinTime: false});
  try {
    // Nothing in these sessions is timed, so they run side by side.
    const learnt = {};
    await step(`Learning each subject's result lists (${SIZES.join(' and ')} services)`, () =>
      Promise.all(
        SIZES.flatMap((services) =>
          SUBJECTS.map(async (subject) => {
            (learnt[services] ??= {})[subject] = await learn(browser, url, subject, services, deskPhones[services]);
          }),
        ),
      ),
    );
    for (const services of SIZES) {
      const perRound = [];
      for (let r = 0; r < ROUNDS; r++) {
        const thisRound = {};
        for (const subject of SUBJECTS) {
          thisRound[subject] = await step(`${services} services: round ${r + 1} of ${ROUNDS}, ${subject}`, () =>
            round(browser, url, subject, services, learnt[services][subject].expected),
          );
        }
        perRound.push(thisRound);
      }
      const learntHere = learnt[services];
      results.datasets[services] = {
        ...summarise(perRound),
        heapAfterLoad: Object.fromEntries(SUBJECTS.map((s) => [s, learntHere[s].heapAfterLoad])),
        relevant: Object.fromEntries(SUBJECTS.map((s) => [s, learntHere[s].relevant])),
        cards: Object.fromEntries(SUBJECTS.map((s) => [s, learntHere[s].cards])),
        rounds: perRound,
      };
    }
    results.summary = await step('Easy summary render', () => summaryRender(browser, url));
  } finally {
    await browser.close();
  }
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await step(`Lighthouse on the demo, run ${i + 1} of ${LIGHTHOUSE_RUNS}`, () => lighthouseScores(`${url}/`)));
  const byPerformance = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  results.lighthouse = {median: byPerformance[Math.floor(LIGHTHOUSE_RUNS / 2)], runs, throttling: THROTTLING};
} finally {
  server.close();
}
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');

// --- table ---------------------------------------------------------------------------------------
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const sec = (n) => `${(n / 1000).toFixed(2)} s`;
const range = (values, format) => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? format(lo) : `${format(lo)}–${format(hi)}`;
};
const times = (n) => `×${n.toFixed(2)}`;
const mark = (ok) => (ok === undefined ? '' : ok ? '✓' : '✗');
const k = (services) => `${services / 1000}k`;

const rows = [];
for (const services of SIZES) {
  const d = results.datasets[services];
  // Keystrokes: the first screen, which the goals are judged on, then the whole list.
  const keystrokeRows = (label, stat, goals) => [
    [
      `${k(services)} keystroke${label}, median`,
      `${ms(stat.finder.median)} (${range(stat.finder.roundMedians, (v) => v.toFixed(1))})`,
      `${ms(stat.peer.median)} (${range(stat.peer.roundMedians, (v) => v.toFixed(1))})`,
      `${times(stat.ratio)} (${range(stat.roundRatios, (v) => v.toFixed(2))})`,
      goals ? 'finder ≤ peer' : '',
      goals ? mark(stat.ratio <= 1) : '',
    ],
    [
      `${k(services)} keystroke${label}, p95`,
      `${ms(stat.finder.p95)} (${range(stat.finder.roundP95s, (v) => v.toFixed(0))})`,
      `${ms(stat.peer.p95)} (${range(stat.peer.roundP95s, (v) => v.toFixed(0))})`,
      `${times(stat.ratioP95)} (${range(stat.roundRatiosP95, (v) => v.toFixed(2))})`,
      goals ? `≤ ${P95_GOAL_MS[services]} ms` : '',
      goals ? mark(stat.finder.p95 <= P95_GOAL_MS[services]) : '',
    ],
  ];
  rows.push(...keystrokeRows(' (first screen)', d.keystroke, true), ...keystrokeRows(', whole list', d.keystrokeWholeList, false));
  const heapGoal = services === 50000;
  rows.push([
    `${k(services)} JS heap after load`,
    mb(d.heapAfterLoad.finder),
    mb(d.heapAfterLoad.peer),
    times(d.heapAfterLoad.finder / d.heapAfterLoad.peer),
    heapGoal ? 'finder ≤ peer' : '',
    heapGoal ? mark(d.heapAfterLoad.finder <= d.heapAfterLoad.peer) : '',
  ]);
  const hq = d.heapAfterQuery;
  rows.push([
    `${k(services)} JS heap after a first query`,
    mb(hq.finder.median),
    mb(hq.peer.median),
    times(hq.ratio),
    heapGoal ? 'finder ≤ peer' : '',
    heapGoal ? mark(hq.ratio <= 1) : '',
  ]);
  const load = d.loadMs;
  rows.push([
    `${k(services)} load → first result`,
    `${sec(load.finder.median)} (${range(load.finder.roundMedians, (v) => (v / 1000).toFixed(2))})`,
    `${sec(load.peer.median)} (${range(load.peer.roundMedians, (v) => (v / 1000).toFixed(2))})`,
    `${times(load.ratio)} (${range(load.roundRatios, (v) => v.toFixed(2))})`,
    '',
    '',
  ]);
  const cards = d.cards;
  rows.push([
    `${k(services)} results showing their own desk's phone`,
    `${cards.finder.ownDesk} of ${cards.finder.results}`,
    `${cards.peer.ownDesk} of ${cards.peer.results}`,
    '',
    'all',
    mark(cards.finder.ownDesk === cards.finder.results),
  ]);
  rows.push([`${k(services)} right service in top 10`, `${d.relevant.finder.length} of ${LABELLED.length}`, `${d.relevant.peer.length} of ${LABELLED.length}`, '', '', '']);
}
// Sizes as size.mjs reports them: its byte figures per module, checked against the module's budget.
for (const r of results.sizes) {
  const figures = Object.entries(r).filter(([name, v]) => typeof v === 'number' && !['budget', 'ceiling', 'chunks', 'raw', 'gzip'].includes(name));
  const nested = Object.entries(r).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && typeof v.brotli === 'number').map(([name, v]) => [name, v.brotli]);
  const shown = [...figures, ...nested];
  const firstRender = shown.find(([name]) => /first/i.test(name)) ?? shown.find(([name]) => name === 'brotli') ?? shown[0];
  rows.push([
    `size: ${r.name}`,
    shown.map(([name, v]) => (shown.length > 1 ? `${name} ${kib(v)}` : kib(v))).join(', '),
    '',
    '',
    `≤ ${kib(r.budget)}`,
    firstRender ? mark(firstRender[1] <= r.budget) : '',
  ]);
}
const lh = results.lighthouse;
rows.push([
  `Lighthouse performance, median of ${LIGHTHOUSE_RUNS}`,
  `${lh.median.scores.performance} (runs ${lh.runs.map((r) => r.scores.performance).join(', ')})`,
  '',
  '',
  `≥ ${LIGHTHOUSE_GOAL}`,
  mark(lh.median.scores.performance >= LIGHTHOUSE_GOAL),
]);
for (const [name, score] of Object.entries(lh.median.scores)) if (name !== 'performance') rows.push([`Lighthouse ${name} (that run)`, String(score), '', '', '', '']);
rows.push(['easy summary, whole plan, furigana (median)', ms(results.summary.median), '', '', '', '']);

const head = ['', 'finder', 'peer', 'finder ÷ peer', 'goal', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(`\n\nfukushi-widgets benchmark (${results.date}, ${results.seconds} s)\n`);
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`
Keystrokes: ${QUERIES.join(' / ')}, typed ${KEY_GAP_MS} ms apart, ${ROUNDS} rounds; (…) = range of the rounds.
First screen: the results in the window are the text's own, nothing stale among them (the finder draws its first three results
with the keystroke and the rest of its ten as soon as that frame is painted; the peer draws its twenty at once). Whole list: all drawn.`);
for (const services of SIZES) {
  const d = results.datasets[services];
  const missed = (s) => LABELLED.map(([q]) => q).filter((q) => !d.relevant[s].includes(q)).join(' / ') || 'none';
  console.log(`${k(services)}: keystrokes overtaken by the next before their list showed: finder ${d.overtaken.finder}, peer ${d.overtaken.peer}; labelled queries missed: finder ${missed('finder')}, peer ${missed('peer')}`);
  if (d.cards.finder.missed.length) console.log(`${k(services)}: finder results without their own desk's phone, e.g. ${d.cards.finder.missed.join('; ')}`);
}
console.log(
  `Lighthouse: ${THROTTLING.method} throttling, CPU ×${lh.median.cpuSlowdownMultiplier}; machine benchmarkIndex ${lh.runs.map((r) => Math.round(r.benchmarkIndex)).join(', ')}; median run: CLS ${lh.median.cls}, TBT ${Math.round(lh.median.tbtMs)} ms, LCP ${Math.round(lh.median.lcpMs)} ms`,
);
console.log('\nwrote bench/results.json');
