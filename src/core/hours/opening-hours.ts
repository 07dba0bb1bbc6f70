/**
 * Opening hours: one model, read from the dataset's HSDS schedules or from a subset of
 * OpenStreetMap's opening_hours syntax (opening-hours-syntax.ts: the contact card's `hours`
 * attribute and the CSV import), and written back as schedules.
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
  /** Closed every year on these MM-DD ranges (inclusive; may run over the new year). */
  closedRanges: Array<{from: string; to: string}>;
}

const HSDS_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const pad = (n: number) => String(n).padStart(2, '0');

/** "08:30" → 510; null when it is not a time. Accepts 24:00 as the end of the day. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d\d)$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

export const formatTime = (minutes: number) => `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;

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
    for (const range of closures.dates ?? []) rules.closedRanges.push({...range});
  }
  return rules;
}

/** Rules as HSDS schedules and closures (for the CSV import and a partner's own desk). */
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
  // The first range over the new year is 年末年始 (year_end); any others are listed in dates.
  const yearEnd = rules.closedRanges.find((r) => r.from > r.to);
  if (yearEnd) closures.year_end = yearEnd;
  const dates = rules.closedRanges.filter((r) => r !== yearEnd);
  if (dates.length) closures.dates = dates;
  return {schedules, closures};
}
