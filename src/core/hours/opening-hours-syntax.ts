/**
 * The subset of OpenStreetMap's opening_hours syntax that the contact card's `hours` attribute
 * and the CSV import read into the model of opening-hours.ts. Within the subset every value
 * means what it means in OSM: test/node/hours-oracle.test.ts checks that against
 * opening_hours.js, the reference implementation. docs/opening-hours.md is the editors' guide.
 * The card loads this module only for a desk that has `hours`.
 *
 * Rules are separated by ";" and read in order, as in OSM:
 *   Mo-Fr 08:30-17:00              days (Mo Tu We Th Fr Sa Su; ranges such as Sa-Mo; lists such as Mo,We,Fr) and times
 *   Mo-Fr 10:00-12:00,13:00-16:00  several periods a day
 *   08:30-17:00                    no days, as the first rule: every day
 *   Sa 10:00-16:00                 other days add up, but a later rule replaces what earlier
 *   We 12:00-18:00                 rules said for the days it names (Wednesday is now 12:00-18:00 only)
 *   Su off                         closed on the days named
 *   24/7                           always open (a rule for every day)
 *   PH off                         closed on public holidays (祝日・振替休日・国民の休日)
 *   Dec 29-Jan 03 off              closed on these dates every year: Jan 01, Dec 24-26, lists (Dec 24-26,Dec 31)
 * Closures (PH off and dates) close whole days, so they come after every rule with times: in
 * OSM a later rule with times would open those days again.
 * Anything else is refused with the rule, what is wrong and what to write instead.
 */
import {parseTime, type OpeningRules} from './opening-hours.js';

export class HoursSyntaxError extends Error {
  constructor(
    /** Names the rule, quotes it and says what is wrong. */
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
// Days per month in a leap year, so Feb 29 exists but Feb 30 does not.
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const pad = (n: number) => String(n).padStart(2, '0');

/** The same words wherever hours are checked: the hours syntax, CSV import and `validate`. */
export const PAST_MIDNIGHT = 'ends the next day (past midnight), which is not supported';

/** What is wrong with a closed range of MM-DD dates and what to do, or null (shared with `validate`). */
export function closedRangeProblem(from: string, to: string, range = from !== to): [what: string, fix: string] | null {
  const exists = (md: string) => Number(md.slice(3)) >= 1 && Number(md.slice(3)) <= (MONTH_LENGTHS[Number(md.slice(0, 2)) - 1] ?? 0);
  if (!exists(from) || !exists(to)) return ['has a date that does not exist', 'use a date that exists'];
  // OSM tools disagree on these (opening_hours.js ignores them, or ends the range on 1 March).
  if (from > to && from.slice(0, 2) === to.slice(0, 2)) {
    return ['runs backwards within one month, which is not supported', 'write the earlier date first; only a range from one month into another runs over the new year (Dec 29 to Jan 03)'];
  }
  if (to === '02-29' && range) return ['ends on Feb 29, which is not supported (other years have no Feb 29)', 'end it on Feb 28 or Mar 01'];
  const dayAfterTo = new Date(Date.UTC(2023, Number(to.slice(0, 2)) - 1, Number(to.slice(3)) + 1)).toISOString().slice(5, 10);
  if (from > to && dayAfterTo === from) return ['runs round the whole year, which is not supported', 'write Jan 01-Dec 31 to close every day'];
  return null;
}

export function parseOpeningHours(input: string): OpeningRules {
  const rules: OpeningRules = {periods: [], holidaysClosed: false, closedRanges: []};
  // OSM allows a space after a comma in lists ("10:00-12:00, 13:00-16:00").
  const parts = input.split(';').map((p) => p.trim().replace(/,\s+/g, ','));
  if (!parts.some(Boolean)) throw new HoursSyntaxError('the hours are empty', 1, 'write e.g. Mo-Fr 08:30-17:00; PH off');
  /** The first closure so far: rules with times may not follow it. */
  let closure = '';
  parts.forEach((part, index) => {
    if (!part) return;
    const rule = index + 1;
    const fail = (what: string, fix: string): never => {
      throw new HoursSyntaxError(`rule ${rule} "${part}": ${what}`, rule, fix);
    };
    // The selectors (days, dates or PH), then the last word: times, "off" or "24/7".
    const [, head = '', last = ''] = /^(?:(.*?)\s+)?(\S+)$/.exec(part)!;
    const off = last === 'off';
    if (MONTHS.includes(head.slice(0, 3))) {
      if (!off) fail('opening on particular dates is not supported', 'close whole days with off, e.g. Dec 24-26 off');
      for (const item of head.split(',')) {
        const m = /^([A-Z][a-z]{2}) (\d\d?)(?:-(?:([A-Z][a-z]{2}) )?(\d\d?))?$/.exec(item);
        const month = (name = '') => MONTHS.indexOf(name) + 1;
        if (!m || !month(m[1]) || (m[3] && !month(m[3]))) {
          return fail(`"${item}" is not a date or date range`, 'write dates as Dec 29, ranges as Dec 24-26 or Dec 29-Jan 03, lists as Dec 24-26,Dec 31');
        }
        const from = `${pad(month(m[1]))}-${pad(Number(m[2]))}`;
        const to = m[4] ? `${pad(month(m[3] ?? m[1]))}-${pad(Number(m[4]))}` : from;
        const problem = closedRangeProblem(from, to, !!m[4]);
        if (problem) fail(`"${item}" ${problem[0]}`, problem[1]);
        // opening_hours.js ignores "Feb 01-28" in years without Feb 29; "Feb 01-Feb 28" it reads right.
        if (to === '02-28' && !m[3] && m[4]) fail(`"${item}" is read as no dates by OSM tools in most years`, `write the month on both ends: Feb ${m[2]}-Feb 28`);
        rules.closedRanges.push({from, to});
      }
      closure ||= part;
      return;
    }
    if (head === 'PH') {
      if (!off) fail('opening on public holidays is not supported', 'write PH off, or leave PH out');
      rules.holidaysClosed = true;
      closure ||= part;
      return;
    }
    if (/\bPH\b/.test(head)) fail('PH can only be closed in a rule of its own', 'write e.g. Su off; PH off');
    // OSM adds times without days to earlier rules instead of replacing them: only first are they every day.
    if (!head && !off && last !== '24/7' && index > parts.findIndex(Boolean)) {
      fail('times without days after other rules add to them in OSM, which is not supported', 'name the days, e.g. Mo-Su 08:30-17:00');
    }
    const days = head ? parseDays(head, fail) : [0, 1, 2, 3, 4, 5, 6];
    const spans: Array<[number, number]> = [];
    if (last === '24/7' && !head) spans.push([0, 1440]);
    else if (!off) {
      for (const span of last.split(',')) {
        const [a, b, extra] = span.split('-');
        const opens = parseTime(a ?? '');
        const closes = parseTime(b ?? '');
        if (opens === null || closes === null || extra !== undefined) {
          fail(`"${span}" is not a time range`, 'write times as 08:30-17:00 (24-hour clock, 00:00 to 24:00), or off');
        } else if (closes <= opens) {
          fail(`"${span}" ${PAST_MIDNIGHT}`, 'end it at 24:00 and start the next day at 00:00, in the rule with its other times: Mo 22:00-24:00; Tu 00:00-02:00,10:00-16:00');
        } else spans.push([opens, closes]);
      }
    }
    if (spans.length && closure) {
      fail(`comes after the closure "${closure}" and would open those days again in OSM`, 'put PH off and date closures after every rule with times');
    }
    // A later rule replaces what earlier rules said for its days.
    rules.periods = rules.periods.filter((p) => !days.includes(p.day));
    for (const day of days) for (const [opens, closes] of spans) rules.periods.push({day, opens, closes});
  });
  return rules;
}

function parseDays(text: string, fail: (what: string, fix: string) => never): number[] {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b, extra] = part.split('-');
    const from = DAYS.indexOf(a ?? '');
    const to = b === undefined ? from : DAYS.indexOf(b);
    if (from < 0 || to < 0 || extra !== undefined) {
      fail(`"${part}" is not a day or day range`, 'write days as Mo Tu We Th Fr Sa Su, e.g. Mo-Fr or Mo,We,Fr (no spaces)');
    }
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days];
}

