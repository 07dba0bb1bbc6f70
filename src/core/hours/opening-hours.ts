/**
 * Opening hours: one model, read from the dataset's HSDS schedules or from a documented subset
 * of OpenStreetMap's opening_hours syntax (the contact card's `hours` attribute, CSV import).
 *
 * Supported syntax (rules separated by ";"):
 *   Mo-Fr 08:30-17:00              days (Mo Tu We Th Fr Sa Su, ranges and lists) and times
 *   Mo-Fr 10:00-12:00,13:00-16:00  several periods a day
 *   Sa 10:00-16:00                 rules add up
 *   Su off  /  PH off              closed on Sundays / on public holidays (祝日・振替休日・国民の休日)
 *   Dec 29-Jan 03 off              closed on a date range every year (年末年始); "Jan 01 off" for one day
 *   24/7                           always open
 * Anything else is a syntax error that says where and what to write instead.
 */
import type {Closures, Schedule} from '../data/types.js';

export interface Period {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** Minutes after midnight, Tokyo time; closes may be 24:00 (1440). */
  opens: number;
  closes: number;
  /** Inclusive YYYY-MM-DD limits from the dataset, if any. */
  validFrom?: string;
  validTo?: string;
}

export interface OpeningRules {
  periods: Period[];
  /** Closed on Japanese public holidays. */
  holidaysClosed: boolean;
  /** Closed every year on these MM-DD ranges (inclusive; may wrap past the new year). */
  closedRanges: Array<{from: string; to: string}>;
}

export class HoursSyntaxError extends Error {
  constructor(
    message: string,
    /** The rule (1-based) that failed. */
    readonly rule: number,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'HoursSyntaxError';
  }
}

const DAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HSDS_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const pad = (n: number) => String(n).padStart(2, '0');

/** "08:30" → 510; null when it is not a time. Accepts 24:00 as the end of the day. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

export const formatTime = (minutes: number) => `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;

function parseDays(text: string, rule: number): number[] {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    const from = DAYS.indexOf(a ?? '');
    const to = b === undefined ? from : DAYS.indexOf(b);
    if (from < 0 || to < 0) {
      throw new HoursSyntaxError(`"${part}" is not a day or day range`, rule, 'write days as Mo Tu We Th Fr Sa Su, e.g. Mo-Fr or Mo,We,Fr');
    }
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days];
}

function parseMonthDay(text: string): string | null {
  const m = /^([A-Z][a-z]{2}) (\d{1,2})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]!) : -1;
  const day = m ? Number(m[2]) : 0;
  // Days per month in a leap year, so Feb 29 is allowed but Feb 30 is not.
  const length = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 0;
  if (month < 0 || day < 1 || day > length) return null;
  return `${pad(month + 1)}-${pad(day)}`;
}

export function parseOpeningHours(input: string): OpeningRules {
  const rules: OpeningRules = {periods: [], holidaysClosed: false, closedRanges: []};
  const parts = input.split(';').map((p) => p.trim());
  if (!parts.some(Boolean)) throw new HoursSyntaxError('the hours are empty', 1, 'write e.g. Mo-Fr 08:30-17:00; PH off');
  parts.forEach((part, index) => {
    const rule = index + 1;
    if (!part) return;
    if (part === '24/7') {
      for (let day = 0; day < 7; day++) rules.periods.push({day, opens: 0, closes: 1440});
      return;
    }
    if (part === 'PH off') {
      rules.holidaysClosed = true;
      return;
    }
    const range = /^([A-Z][a-z]{2} \d{1,2})(?:-([A-Z][a-z]{2} \d{1,2}))? off$/.exec(part);
    if (range) {
      const from = parseMonthDay(range[1]!);
      const to = range[2] ? parseMonthDay(range[2]) : from;
      if (!from || !to) throw new HoursSyntaxError(`"${part}" has a date that does not exist`, rule, 'write dates as Dec 29 or Jan 03');
      rules.closedRanges.push({from, to});
      return;
    }
    const m = /^(\S+)\s+(.+)$/.exec(part);
    if (!m) {
      throw new HoursSyntaxError(`"${part}" is not understood`, rule, 'write days then times, e.g. Mo-Fr 08:30-17:00, or PH off, or Dec 29-Jan 03 off');
    }
    const days = parseDays(m[1]!, rule);
    if (m[2] === 'off') return; // days not listed are closed anyway
    for (const span of m[2]!.split(',')) {
      const [a, b] = span.split('-');
      const opens = parseTime(a ?? '');
      const closes = parseTime(b ?? '');
      if (opens === null || closes === null) {
        throw new HoursSyntaxError(`"${span}" is not a time range`, rule, 'write times as 08:30-17:00 (24-hour clock)');
      }
      if (closes <= opens) {
        throw new HoursSyntaxError(`"${span}" closes before it opens`, rule, 'check the times; hours past midnight are not supported');
      }
      for (const day of days) rules.periods.push({day, opens, closes});
    }
  });
  return rules;
}

/** The dataset's schedules and closures as rules. Unverified facts are left out. */
export function rulesFromSchedules(schedules: readonly Schedule[], closures?: Closures): OpeningRules | null {
  const usable = schedules.filter((s) => s.x_jp.status !== 'unverified');
  if (!usable.length) return null;
  const rules: OpeningRules = {periods: [], holidaysClosed: false, closedRanges: []};
  for (const s of usable) {
    const opens = parseTime(s.opens_at);
    const closes = parseTime(s.closes_at);
    if (opens === null || closes === null) continue;
    for (const code of s.byday.split(',')) {
      const day = HSDS_DAYS.indexOf(code);
      if (day < 0) continue;
      const period: Period = {day, opens, closes};
      if (s.valid_from) period.validFrom = s.valid_from;
      if (s.valid_to) period.validTo = s.valid_to;
      rules.periods.push(period);
    }
  }
  if (closures && closures.x_jp.status !== 'unverified') {
    rules.holidaysClosed = closures.public_holidays;
    if (closures.year_end) rules.closedRanges.push({...closures.year_end});
  }
  return rules;
}

/** Rules as HSDS schedules and closures (for the CSV import). */
export function schedulesFromRules(rules: OpeningRules, idPrefix: string, provenance: Schedule['x_jp']) {
  const groups = new Map<string, number[]>();
  for (const p of rules.periods) {
    const key = `${formatTime(p.opens).padStart(5, '0')}-${formatTime(p.closes).padStart(5, '0')}`;
    groups.set(key, [...(groups.get(key) ?? []), p.day]);
  }
  const schedules: Schedule[] = [...groups].map(([key, days], i) => {
    const [opens_at, closes_at] = key.split('-') as [string, string];
    const byday = [...new Set(days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => HSDS_DAYS[d]).join(',');
    return {id: `${idPrefix}-sch${i + 1}`, freq: 'WEEKLY', byday, opens_at, closes_at, x_jp: provenance};
  });
  const closures: Closures = {public_holidays: rules.holidaysClosed, x_jp: provenance};
  if (rules.closedRanges[0]) closures.year_end = rules.closedRanges[0];
  return {schedules, closures};
}
