// Property tests (fast-check) on every parser that takes outside input: none may throw anything
// but its own typed error, whatever it is given.
import {test} from 'node:test';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {validateDataset} from '../../src/core/data/validate.js';
import {parseCsv, csvRecords, CsvError} from '../../src/cli/csv.js';
import {importServicesCsv} from '../../src/cli/import-csv.js';
import {rulesFromSchedules, schedulesFromRules} from '../../src/core/hours/opening-hours.js';
import {HoursSyntaxError, parseOpeningHours} from '../../src/core/hours/opening-hours-syntax.js';
import {formatRuby, parseRuby} from '../../src/core/text/ruby.js';
import {looseKey, normalizeForSearch, romajiToHiragana} from '../../src/core/text/normalize.js';
import {readDatasetSource} from '../../src/cli/build-data.js';
import {ServiceIndex} from '../../src/core/search/service-index.js';
import type {Dataset} from '../../src/core/data/types.js';

const RUNS = {numRuns: 1000};
const throwsOnly = (fn: () => unknown, type: new (...args: never[]) => Error) => {
  try {
    fn();
    return true;
  } catch (error) {
    return error instanceof type;
  }
};

test('the dataset validator never throws, on any JSON value', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => Array.isArray(validateDataset(value))), RUNS);
});

test('the dataset validator never throws on a damaged real dataset', () => {
  const source = readDatasetSource('data/nishitokyo') as Record<string, unknown>;
  const keys = Object.keys(source);
  fc.assert(
    fc.property(fc.constantFrom(...keys), fc.nat(), fc.jsonValue(), (key, index, junk) => {
      const copy = structuredClone(source);
      const list = copy[key];
      if (Array.isArray(list) && list.length) {
        const item = list[index % list.length];
        if (item && typeof item === 'object') {
          const fields = Object.keys(item);
          (item as Record<string, unknown>)[fields[index % fields.length]!] = junk;
        } else list[index % list.length] = junk;
      } else copy[key] = junk;
      const problems = validateDataset(copy);
      return Array.isArray(problems) && problems.every((p) => p.path.startsWith('$') && p.message && p.fix);
    }),
    {numRuns: 300},
  );
});

test('CSV parsing throws only CsvError', () => {
  fc.assert(fc.property(fc.string({unit: fc.constantFrom('a', ',', '"', '\n', '\r', '漢', ' ')}), (s) => throwsOnly(() => csvRecords(s), CsvError)), RUNS);
  fc.assert(fc.property(fc.string(), (s) => throwsOnly(() => parseCsv(s), CsvError)), RUNS);
});

test('CSV import never throws: any bytes give rows or problems', () => {
  fc.assert(
    fc.property(fc.uint8Array({maxLength: 400}), (bytes) => {
      const result = importServicesCsv(bytes, {organizationId: 'org-city'});
      return Array.isArray(result.problems) && Array.isArray(result.data.services);
    }),
    {numRuns: 500},
  );
  const header = readFileSync('docs/csv-import.md', 'utf8').match(/^id,.+$/m)?.[0] ?? 'id,名称,説明';
  fc.assert(
    fc.property(fc.array(fc.array(fc.string(), {maxLength: 24}), {maxLength: 5}), (rows) => {
      const text = [header, ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n');
      const result = importServicesCsv(Buffer.from(text), {organizationId: 'org-city'});
      return result.problems.every((p) => /^line \d+/.test(p.path));
    }),
    {numRuns: 300},
  );
});

const day = fc.constantFrom('Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su');
const time = fc.tuple(fc.integer({min: 0, max: 23}), fc.constantFrom(0, 15, 30, 45));
const pad = (n: number) => String(n).padStart(2, '0');

test('the opening-hours parser throws only HoursSyntaxError', () => {
  fc.assert(fc.property(fc.string(), (s) => throwsOnly(() => parseOpeningHours(s), HoursSyntaxError)), RUNS);
  const token = fc.constantFrom('Mo', '-', 'Fr', ' ', '08:30', '17:00', ';', ',', 'PH', 'off', 'Dec', '29', 'Jan', '03', '24/7', 'x');
  fc.assert(fc.property(fc.array(token, {maxLength: 12}), (t) => throwsOnly(() => parseOpeningHours(t.join('')), HoursSyntaxError)), RUNS);
});

test('opening hours survive a trip through dataset schedules', () => {
  fc.assert(
    fc.property(day, day, time, fc.integer({min: 15, max: 600}), fc.boolean(), fc.subarray(['Dec 29-Jan 03', 'May 01', 'Aug 13-15']), (from, to, [h, m], length, ph, dates) => {
      const opens = h * 60 + m;
      const closes = Math.min(opens + length, 1440);
      if (closes <= opens) return true;
      const text = `${from}-${to} ${pad(h)}:${pad(m)}-${pad(Math.floor(closes / 60))}:${pad(closes % 60)}${ph ? '; PH off' : ''}${dates.map((d) => `; ${d} off`).join('')}`;
      const rules = parseOpeningHours(text);
      const {schedules, closures} = schedulesFromRules(rules, 'x', {status: 'verified', sources: ['s']});
      const back = rulesFromSchedules(schedules, closures)!;
      const key = (r: typeof rules) => r.periods.map((p) => `${p.day}/${p.opens}/${p.closes}`).sort().join(' ');
      const ranges = (r: typeof rules) => r.closedRanges.map((c) => `${c.from}/${c.to}`).sort().join(' ');
      return key(back) === key(rules) && back.holidaysClosed === ph && ranges(back) === ranges(rules) && back.closedRanges.length === dates.length;
    }),
    {numRuns: 500},
  );
});

test('ruby notation: parsing never throws and formatting gives back the input', () => {
  fc.assert(fc.property(fc.string({unit: 'grapheme'}), (s) => formatRuby(parseRuby(s)) === s), RUNS);
  fc.assert(fc.property(fc.string({unit: fc.constantFrom('｜', '《', '》', '|', '=', '漢', '々', 'か', '\n')}), (s) => formatRuby(parseRuby(s)) === s), RUNS);
});

test('search normalisation never throws and is idempotent', () => {
  fc.assert(
    fc.property(fc.string({unit: 'grapheme'}), (s) => {
      const once = normalizeForSearch(s);
      romajiToHiragana(s);
      looseKey(once);
      return normalizeForSearch(once) === once;
    }),
    RUNS,
  );
});

test('search: typing a query one character at a time finds, at each step, what that text finds at once', () => {
  // Small pieces, so that texts share prefixes, words and bigrams, and queries extend ones that
  // came before (the index reuses earlier scans: Latin words must still start a word).
  const piece = fc.constantFrom('相談', '生活', 'か', 'い', 'ご', 'こう', 'ー', 're', 'n', 't', 'pa', 'a', 'k');
  const text = fc.array(fc.oneof(piece, fc.constant(' ')), {minLength: 1, maxLength: 8}).map((ps) => ps.join(''));
  const query = fc.array(fc.oneof(piece, fc.constant(' ')), {minLength: 1, maxLength: 5}).map((ps) => ps.join(''));
  const dataset = (names: string[][]) => {
    const source = JSON.parse(readFileSync('test/fixtures/fictional-town.json', 'utf8')) as Dataset;
    const template = source.services[0]!;
    source.services = names.map(([name, description], i) => ({
      ...template,
      id: `s${i}`,
      name: {ja: name!, 'ja-x-easy': name!, en: name!},
      description: {ja: description!, 'ja-x-easy': description!, en: description!},
    }));
    return source;
  };
  fc.assert(
    fc.property(fc.array(fc.tuple(text, text), {minLength: 1, maxLength: 12}), fc.array(query, {minLength: 1, maxLength: 4}), (names, queries) => {
      const data = dataset(names);
      const typed = new ServiceIndex(data);
      for (const q of queries) {
        for (let i = 1; i <= q.length; i++) {
          const prefix = q.slice(0, i);
          const fresh = new ServiceIndex(data);
          const got = typed.search(prefix).map((h) => `${h.service.id}:${h.score}`);
          const want = fresh.search(prefix).map((h) => `${h.service.id}:${h.score}`);
          if (got.join() !== want.join()) throw new Error(`「${prefix}」 typed on: ${got.join()}; at once: ${want.join()}`);
        }
      }
    }),
    {numRuns: 300},
  );
});
