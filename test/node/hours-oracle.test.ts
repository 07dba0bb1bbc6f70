// Opening hours against opening_hours.js, the reference implementation of OpenStreetMap's
// opening_hours syntax. Values are generated from the documented subset's grammar
// (src/core/hours/opening-hours.ts), instants from 2024 to 2030 in Tokyo time. What the card
// computes (openStatus: open or closed, and when that next changes) must equal the reference's
// getState and getNextChange, with Japanese public holidays, by every path a value takes: the
// `hours` attribute (parsed), the dataset's schedules (rules → schedules → rules) and the CSV import.
//
// The reference computes Japanese holidays from rules and has no 国民の休日 (a day between two
// holidays, such as 2026-09-22); on such days the project's table wins. Those dates are added to
// the reference value as closures ("2026 Sep 22 off") when it has "PH off", and the cases whose
// answer that changed are counted and reported.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import fc from 'fast-check';
import {rulesFromSchedules, schedulesFromRules, type OpeningRules} from '../../src/core/hours/opening-hours.js';
import {closedRangeProblem, HoursSyntaxError, parseOpeningHours} from '../../src/core/hours/opening-hours-syntax.js';
import {isPublicHoliday, openStatus, tokyoTime} from '../../src/core/hours/status.js';
import {importServicesCsv} from '../../src/cli/import-csv.js';
import {validateDataset} from '../../src/core/data/validate.js';
import {readDatasetSource} from '../../src/cli/build-data.js';
import type {Location} from '../../src/core/data/types.js';

// opening_hours.js reads a Date in the process's time zone; the project computes in Tokyo time
// whatever the zone. Pinning the zone here keeps the test independent of the machine.
process.env.TZ = 'Asia/Tokyo';
type Reference = {getState(date: Date): boolean; getNextChange(date: Date, limit?: Date): Date | undefined};
const OpeningHours = createRequire(import.meta.url)('opening_hours') as new (value: string, nominatim: object, options?: object) => Reference;
// Nishitokyo City hall; the country code selects Japan's public holidays.
const NOMINATIM = {lat: 35.7255, lon: 139.5383, address: {country_code: 'jp', state: '東京都'}};

const DAY = 86_400_000;
const TOKYO = 9 * 3_600_000;
const FIRST = Date.UTC(2024, 0, 1) - TOKYO;
const LAST = Date.UTC(2031, 0, 1) - TOKYO;
/** openStatus looks 35 days ahead; beyond the start of the 36th day it gives no change. */
const HORIZON = 36 * DAY;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');
const startOfTokyoDay = (ms: number) => ms - ((ms + TOKYO) % DAY);
const isoDay = (ms: number) => new Date(ms + TOKYO).toISOString().slice(0, 10);

// ── The holiday tables side by side (through 2031: the horizon runs past 2030) ──
const holidayNoon = new OpeningHours('PH 12:00-13:00', NOMINATIM);
const onlyProject: string[] = [];
const onlyReference: string[] = [];
for (let day = FIRST; day < LAST + 40 * DAY; day += DAY) {
  const noon = day + 12.5 * 3_600_000;
  const ours = isPublicHoliday(tokyoTime(noon));
  const theirs = holidayNoon.getState(new Date(noon));
  if (ours && !theirs) onlyProject.push(isoDay(day));
  if (theirs && !ours) onlyReference.push(isoDay(day));
}
const projectHolidayStarts = onlyProject.map((d) => Date.parse(`${d}T00:00:00+09:00`));
/** The project's extra holidays as OSM closures: "2026 Sep 22 off". */
const projectHolidays = onlyProject.map((d) => `${d.slice(0, 4)} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(8)} off`).join('; ');

test('the holiday tables agree, except for days the reference lacks (国民の休日)', (t) => {
  assert.deepEqual(onlyReference, [], 'a holiday the project table lacks would be a bug in src/core/hours/holidays.generated.ts');
  assert.ok(onlyProject.includes('2026-09-22'), '2026-09-22 (国民の休日) is in the project table');
  t.diagnostic(`days only the project's table has, 2024–2031: ${onlyProject.join(', ')}`);
});

// ── The subset's grammar ──
const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const day = fc.constantFrom(...DAYS);
const days = fc.array(fc.oneof(day, fc.tuple(day, day).map(([a, b]) => `${a}-${b}`)), {minLength: 1, maxLength: 3}).map((d) => d.join(','));
/** HH:MM, sometimes with a one-digit hour as OSM allows (8:30). */
const clock = (minutes: number, short: boolean) => `${short && minutes < 600 ? Math.floor(minutes / 60) : pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const span = fc
  .tuple(fc.oneof(fc.constant(0), fc.integer({min: 0, max: 95})), fc.integer({min: 1, max: 48}), fc.boolean(), fc.boolean())
  .map(([start, length, toMidnight, short]) => {
    const opens = start * 15;
    const closes = toMidnight ? 1440 : Math.min(opens + length * 15, 1440);
    return `${clock(opens, short)}-${clock(closes, false)}`;
  });
const times = fc.tuple(fc.array(span, {minLength: 1, maxLength: 3}), fc.constantFrom(',', ', ')).map(([s, comma]) => s.join(comma));
const weekly = fc.oneof(
  {weight: 8, arbitrary: fc.tuple(days, times).map(([d, t]) => `${d} ${t}`)},
  {weight: 1, arbitrary: days.map((d) => `${d} off`)},
  {weight: 1, arbitrary: fc.constant('24/7')},
);
const monthDay = fc.integer({min: 0, max: 11}).chain((m) => fc.integer({min: 1, max: LENGTHS[m]!}).map((d) => [m, d] as const));
const name = ([m, d]: readonly [number, number]) => `${MONTHS[m]} ${pad(d)}`;
const key = ([m, d]: readonly [number, number]) => `${pad(m + 1)}-${pad(d)}`;
const dateItem = fc
  .oneof(
    monthDay.map((a) => name(a)),
    fc.tuple(monthDay, fc.integer({min: 0, max: 10})).map(([[m, d], more]) => `${name([m, d])}-${pad(Math.min(d + more, LENGTHS[m]!))}`),
    fc.tuple(monthDay, monthDay).filter(([a, b]) => !closedRangeProblem(key(a), key(b), true)).map(([a, b]) => `${name(a)}-${name(b)}`),
  )
  .filter((item) => {
    // Leave out what the grammar refuses (short ranges to the end of February); tested apart below.
    const m = /^(\w+) (\d+)-(\d+)$/.exec(item);
    return !m || (!closedRangeProblem(`${pad(MONTHS.indexOf(m[1]!) + 1)}-${m[2]}`, `${pad(MONTHS.indexOf(m[1]!) + 1)}-${m[3]}`, true) && !(m[1] === 'Feb' && m[3] === '28'));
  });
const closure = fc.oneof(fc.constant('PH off'), fc.array(dateItem, {minLength: 1, maxLength: 2}).map((d) => `${d.join(',')} off`));
const value = fc
  .tuple(
    fc.oneof({weight: 7, arbitrary: fc.constant(null)}, {weight: 1, arbitrary: times}),
    fc.array(weekly, {minLength: 1, maxLength: 4}),
    fc.array(closure, {maxLength: 3}),
    fc.oneof({weight: 7, arbitrary: fc.constant(null)}, {weight: 1, arbitrary: days.map((d) => `${d} off`)}),
    fc.constantFrom('; ', ';'),
  )
  .map(([everyDay, rules, closures, lastOff, separator]) => [...(everyDay ? [everyDay] : []), ...rules, ...closures, ...(lastOff ? [lastOff] : [])].join(separator));

/**
 * Instants that find the edges: any day, a day near a public holiday, or near a closed date of
 * the value; any minute, or one on or just before a quarter hour (where generated times fall).
 */
const instantSeed = fc.record({
  year: fc.integer({min: 2024, max: 2030}),
  dayKind: fc.constantFrom('any', 'any', 'holiday', 'closure'),
  pick: fc.nat(),
  offset: fc.integer({min: -1, max: 1}),
  minute: fc.oneof(fc.integer({min: 0, max: 1439}), fc.tuple(fc.integer({min: 0, max: 96}), fc.boolean()).map(([q, before]) => Math.max(0, Math.min(1439, q * 15 - (before ? 1 : 0))))),
});
const projectHolidayDays: number[] = [];
for (let d = FIRST; d < LAST; d += DAY) if (isPublicHoliday(tokyoTime(d + 12 * 3_600_000))) projectHolidayDays.push(d);

function instantFor(seed: typeof instantSeed extends fc.Arbitrary<infer T> ? T : never, rules: OpeningRules): number {
  const yearStart = Date.UTC(seed.year, 0, 1) - TOKYO;
  let dayStart = yearStart + (seed.pick % 365) * DAY;
  if (seed.dayKind === 'holiday') dayStart = projectHolidayDays[seed.pick % projectHolidayDays.length]!;
  else if (seed.dayKind === 'closure' && rules.closedRanges.length) {
    const range = rules.closedRanges[seed.pick % rules.closedRanges.length]!;
    const md = (seed.pick >> 3) % 2 ? range.to : range.from;
    // Feb 29 in a year without it falls on 1 March, which is as good an edge.
    dayStart = Date.UTC(seed.year, Number(md.slice(0, 2)) - 1, Number(md.slice(3))) - TOKYO;
  }
  return Math.min(LAST - 60_000, Math.max(FIRST, dayStart + seed.offset * DAY + seed.minute * 60_000));
}

const provenance = {status: 'verified' as const, sources: ['src-test']};
const CSV_HEADER = 'id,名称,説明,窓口名,受付時間,確認状況,出典';
function viaCsv(hours: string): Location {
  const csv = `${CSV_HEADER}\nsvc-test,相談,相談を受けます。,相談室,"${hours}",確認済,https://example.jp/\n`;
  const {data, problems} = importServicesCsv(Buffer.from(csv), {organizationId: 'org-test'});
  assert.deepEqual(problems, [], hours);
  return data.locations[0]!;
}

test('every answer equals opening_hours.js, by the attribute, the schedules and the CSV paths', (t) => {
  const stats = {values: 0, cases: 0, open: 0, closed: 0, unknown: 0, adjusted: 0, nextChanges: 0, closedDays: 0};
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  fc.assert(
    fc.property(value, fc.array(instantSeed, {minLength: 8, maxLength: 8}), (hours, seeds) => {
      const rules = parseOpeningHours(hours);
      const reference = new OpeningHours(hours, NOMINATIM);
      // The project's extra holidays, when the value closes on holidays.
      const adjusted = rules.holidaysClosed && projectHolidays ? new OpeningHours(`${hours}; ${projectHolidays}`, NOMINATIM) : reference;
      const {schedules, closures} = schedulesFromRules(rules, 'desk-test', provenance);
      const fromSchedules = rulesFromSchedules(schedules, closures);
      const csv = viaCsv(hours);
      const fromCsv = rulesFromSchedules(csv.schedules, csv.x_jp.closures);
      stats.values++;
      for (const seed of seeds) {
        const instant = instantFor(seed, rules);
        const date = new Date(instant);
        const limit = new Date(startOfTokyoDay(instant) + HORIZON);
        const open = adjusted.getState(date);
        const next = adjusted.getNextChange(date, limit)?.getTime();
        // Only within the horizon before one of those days can the adjustment change an answer.
        const near = projectHolidayStarts.some((d) => instant < d + DAY && instant > d - HORIZON);
        if (adjusted !== reference && near && (reference.getState(date) !== open || reference.getNextChange(date, limit)?.getTime() !== next)) stats.adjusted++;
        const status = openStatus(rules, instant);
        const expected = rules.periods.length ? {state: open ? 'open' : 'closed', changesAt: next} : {state: 'unknown', changesAt: undefined};
        const context = `hours="${hours}" at ${new Date(instant + TOKYO).toISOString().slice(0, 16)} Tokyo`;
        // A value with no opening times left is "always closed" in OSM; the card makes no claim.
        if (!rules.periods.length) assert.equal(open, false, context);
        assert.deepEqual({state: status.state, changesAt: status.changesAt}, expected, context);
        for (const [path, other] of [['schedules', fromSchedules], ['CSV', fromCsv]] as const) {
          const s = openStatus(other, instant);
          assert.deepEqual({state: s.state, changesAt: s.changesAt}, expected, `${context}, through the ${path}`);
        }
        stats.cases++;
        stats[status.state]++;
        if (status.changesAt !== undefined) stats.nextChanges++;
        if (status.reason) stats.closedDays++;
      }
    }),
    {numRuns: Number(process.env.HOURS_RUNS ?? 1000), includeErrorInReport: true},
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const cpu = (process.cpuUsage(cpuStart).user / 1e6).toFixed(1);
  t.diagnostic(
    `${stats.values} values, ${stats.cases} cases (value and instant), all agree with opening_hours.js in state and next change, in ${seconds} s (${cpu} s CPU); ` +
      `${stats.open} open, ${stats.closed} closed (${stats.closedDays} on a holiday or closed date), ${stats.unknown} with no opening times; ` +
      `${stats.nextChanges} next changes compared; ${stats.adjusted} adjusted for the project's holidays (${onlyProject.join(', ')})`,
  );
  assert.ok(stats.closedDays > 100 && stats.open > 1000 && stats.nextChanges > 1000, 'the cases reach holidays, closed dates and changes');
});

test('the issue #14 examples mean what OSM means', () => {
  const at = (iso: string) => Date.parse(`${iso}+09:00`);
  const examples: Array<[string, string]> = [
    ['Mo-Su 08:30-17:00; Su off', '2026-11-29T10:00'],
    ['24/7; Su off', '2026-11-29T10:00'],
    ['Mo-Fr 10:00-16:00; We 12:00-18:00', '2026-11-25T10:30'],
    ['Mo-Fr 08:30-17:00; Dec 29-Jan 03 off; May 01 off', '2026-05-01T10:00'],
    ['Mo-Fr 08:30-17:00; Dec 24-26 off', '2026-12-25T10:00'],
  ];
  for (const [hours, iso] of examples) {
    assert.equal(new OpeningHours(hours, NOMINATIM).getState(new Date(at(iso))), false, hours);
    assert.equal(openStatus(parseOpeningHours(hours), at(iso)).state, 'closed', hours);
    const csv = viaCsv(hours);
    assert.equal(openStatus(rulesFromSchedules(csv.schedules, csv.x_jp.closures), at(iso)).state, 'closed', `${hours} (CSV)`);
  }
  assert.doesNotThrow(() => parseOpeningHours('Dec 24-26 off'));
});

test("on a 国民の休日 the reference lacks, the project's table wins", () => {
  // 2026-09-22 is a Tuesday between 敬老の日 and 秋分の日.
  const hours = 'Tu 10:00-12:00; PH off';
  const instant = Date.parse('2026-09-22T11:00:00+09:00');
  assert.equal(new OpeningHours(hours, NOMINATIM).getState(new Date(instant)), true, 'opening_hours.js has no holiday that day');
  assert.equal(new OpeningHours(`${hours}; ${projectHolidays}`, NOMINATIM).getState(new Date(instant)), false);
  const status = openStatus(parseOpeningHours(hours), instant);
  assert.deepEqual([status.state, status.reason, status.changesAt], ['closed', 'holiday', Date.parse('2026-09-29T10:00:00+09:00')]);
});

/** Tokens of the syntax and of near misses, to damage generated values with. */
const token = fc.constantFrom('Mo', 'Fr', 'Su', 'PH', '-', ',', ' ', ';', '08:30', '24:00', '00:00', '8:30', ':', 'off', 'Dec', 'Feb', '29', '03', '24/7', '');
/** A generated value with a few pieces cut out or replaced: near misses of the grammar. */
const damaged = fc
  .tuple(value, fc.array(fc.tuple(fc.nat(), fc.nat({max: 4}), token), {minLength: 1, maxLength: 3}))
  .map(([hours, edits]) => edits.reduce((text, [at, cut, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut), hours));

test('any value the parser accepts, OSM reads the same way', (t) => {
  let tried = 0;
  let accepted = 0;
  fc.assert(
    fc.property(damaged, fc.array(instantSeed, {minLength: 3, maxLength: 3}), (hours, seeds) => {
      tried++;
      let rules: OpeningRules;
      try {
        rules = parseOpeningHours(hours);
      } catch (error) {
        if (error instanceof HoursSyntaxError) return;
        throw error;
      }
      accepted++;
      const reference = new OpeningHours(hours, NOMINATIM);
      for (const seed of seeds) {
        const instant = instantFor(seed, rules);
        if (rules.holidaysClosed && onlyProject.includes(isoDay(instant))) continue;
        const status = openStatus(rules, instant);
        const open = reference.getState(new Date(instant));
        assert.equal(status.state === 'unknown' ? false : status.state === 'open', open, `hours="${hours}" at ${new Date(instant + TOKYO).toISOString()}`);
      }
    }),
    {numRuns: Number(process.env.HOURS_RUNS ?? 4000), includeErrorInReport: true},
  );
  t.diagnostic(`${accepted} of ${tried} damaged values were accepted, and read as OSM reads them; the rest were refused`);
});

test('values outside the subset are refused with the rule, what is wrong and the fix, everywhere', () => {
  const refused: Array<[string, number, RegExp, RegExp]> = [
    ['Mo-Fr 22:00-02:00', 1, /"22:00-02:00" ends the next day \(past midnight\), which is not supported/, /Mo 22:00-24:00; Tu 00:00-02:00/],
    ['Mo-Fr 10:00-10:00', 1, /past midnight/, /24:00/],
    ['PH off; Mo-Fr 08:30-17:00', 2, /comes after the closure "PH off" and would open those days again/, /after every rule with times/],
    ['Mo-Fr 08:30-17:00; Dec 24 10:00-12:00', 2, /opening on particular dates is not supported/, /Dec 24-26 off/],
    ['Mo-Fr 08:30-17:00; Su,PH off', 2, /PH can only be closed in a rule of its own/, /Su off; PH off/],
    ['Mo-Fr 08:30-17:00; PH 10:00-12:00', 2, /opening on public holidays is not supported/, /PH off/],
    ['Mo-Fr 08:30-17:00; Feb 20-29 off', 2, /ends on Feb 29/, /Feb 28 or Mar 01/],
    ['Mo-Fr 08:30-17:00; Feb 20-28 off', 2, /"Feb 20-28" is read as no dates by OSM tools in most years/, /Feb 20-Feb 28/],
    ['Mo-Fr 08:30-17:00; Feb 29-Feb 29 off', 2, /ends on Feb 29/, /Feb 28 or Mar 01/],
    ['Mo-Fr 08:30-17:00; Jan 05-Jan 04 off', 2, /runs backwards within one month/, /earlier date first/],
    ['Mo-Fr 08:30-17:00; Apr 01-Mar 31 off', 2, /runs round the whole year/, /Jan 01-Dec 31/],
    ['Mo-Fr 08:30-17:00; Feb 30 off', 2, /"Feb 30" has a date that does not exist/, /exists/],
    ['Mon-Fri 08:30-17:00', 1, /"Mon-Fri" is not a day or day range/, /Mo Tu We Th Fr Sa Su/],
    ['Mo-Fr 8:30-5pm', 1, /"8:30-5pm" is not a time range/, /24-hour clock/],
  ];
  for (const [hours, rule, message, fix] of refused) {
    const error = (() => {
      try {
        parseOpeningHours(hours);
      } catch (e) {
        return e as HoursSyntaxError;
      }
      assert.fail(`${hours} was accepted`);
    })();
    assert.ok(error instanceof HoursSyntaxError, hours);
    assert.equal(error.rule, rule, hours);
    assert.match(error.message, new RegExp(`^rule ${rule} "`), hours);
    assert.match(error.message, message, hours);
    assert.match(error.fix, fix, hours);
    // The CSV import reports the same words at its line and column.
    const {problems} = importServicesCsv(Buffer.from(`${CSV_HEADER}\nsvc-test,相談,相談を受けます。,相談室,"${hours}",確認済,https://example.jp/\n`), {organizationId: 'org-test'});
    assert.deepEqual(problems, [{path: 'line 2, 「受付時間」', message: error.message, fix: error.fix}], hours);
  }
});

test('validate refuses schedules past midnight and closed dates OSM reads differently, in the same words', () => {
  const source = readDatasetSource('data/nishitokyo') as {locations: Location[]};
  const index = source.locations.findIndex((l) => l.schedules.length && l.x_jp.closures);
  const location = source.locations[index]!;
  location.schedules[0]!.opens_at = '22:00';
  location.schedules[0]!.closes_at = '02:00';
  location.x_jp.closures!.dates = [{from: '05-01', to: '05-01'}, {from: '02-20', to: '02-29'}, {from: '01-05', to: '01-04'}, {from: '02-30', to: '03-01'}];
  const problems = validateDataset(source).filter((p) => p.path.startsWith(`$.locations[${index}]`));
  const at = `$.locations[${index}]`;
  assert.deepEqual(problems, [
    {path: `${at}.schedules[0].closes_at`, message: '22:00-02:00 ends the next day (past midnight), which is not supported', fix: 'end this schedule at 24:00 and add one for the next day from 00:00'},
    {path: `${at}.x_jp.closures.dates[1]`, message: `02-20 to 02-29 ${closedRangeProblem('02-20', '02-29')![0]}`, fix: 'end it on Feb 28 or Mar 01'},
    {path: `${at}.x_jp.closures.dates[2]`, message: `01-05 to 01-04 ${closedRangeProblem('01-05', '01-04')![0]}`, fix: closedRangeProblem('01-05', '01-04')![1]},
    {path: `${at}.x_jp.closures.dates[3]`, message: '02-30 to 03-01 has a date that does not exist', fix: 'use a date that exists'},
  ]);
});
