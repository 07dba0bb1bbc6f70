/**
 * "Open now?" in Asia/Tokyo, whatever the viewer's time zone: Japan has no daylight saving,
 * so Tokyo wall-clock time is UTC+9 all year.
 */
import {FIRST_YEAR, HOLIDAYS} from './holidays.generated.js';
import type {OpeningRules} from './opening-hours.js';

const TOKYO_OFFSET = 9 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

/** A Tokyo calendar day and minute of the day. */
export interface TokyoTime {
  year: number;
  month: number;
  date: number;
  /** 0 = Sunday. */
  weekday: number;
  minutes: number;
}

export function tokyoTime(instant: Date | number): TokyoTime {
  const t = new Date((typeof instant === 'number' ? instant : instant.getTime()) + TOKYO_OFFSET);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    date: t.getUTCDate(),
    weekday: t.getUTCDay(),
    minutes: t.getUTCHours() * 60 + t.getUTCMinutes(),
  };
}

/** The instant of a Tokyo day (days after `from`) at `minutes`. */
function instantAt(from: TokyoTime, daysAhead: number, minutes: number): number {
  return Date.UTC(from.year, from.month - 1, from.date + daysAhead) - TOKYO_OFFSET + minutes * 60000;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthDay = (t: TokyoTime) => `${pad(t.month)}-${pad(t.date)}`;
const isoDate = (t: TokyoTime) => `${t.year}-${monthDay(t)}`;

/** True, false, or null when the year is outside the holiday table. */
export function isPublicHoliday(t: TokyoTime): boolean | null {
  const year = HOLIDAYS[t.year - FIRST_YEAR];
  if (year === undefined) return null;
  const key = `${pad(t.month)}${pad(t.date)}`;
  for (let i = 0; i < year.length; i += 4) if (year.slice(i, i + 4) === key) return true;
  return false;
}

function inRange(md: string, range: {from: string; to: string}): boolean {
  return range.from <= range.to ? md >= range.from && md <= range.to : md >= range.from || md <= range.to;
}

/** Why a day is closed all day: a public holiday, the new year (a closure over it) or another closed date. */
export type ClosedReason = 'holiday' | 'year-end' | 'closed-date';
export type DayState = {closedReason: ClosedReason | null; unknown: boolean};

/** Why a whole day is closed, if it is. */
export function dayState(rules: OpeningRules, t: TokyoTime): DayState {
  const md = monthDay(t);
  const ranges = rules.closedRanges.filter((r) => inRange(md, r));
  if (ranges.length) return {closedReason: ranges.some((r) => r.from > r.to) ? 'year-end' : 'closed-date', unknown: false};
  if (rules.holidaysClosed) {
    const holiday = isPublicHoliday(t);
    if (holiday === null) return {closedReason: null, unknown: true};
    if (holiday) return {closedReason: 'holiday', unknown: false};
  }
  return {closedReason: null, unknown: false};
}

function periodsOn(rules: OpeningRules, t: TokyoTime) {
  const date = isoDate(t);
  return rules.periods
    .filter((p) => p.day === t.weekday && (!p.validFrom || date >= p.validFrom) && (!p.validTo || date <= p.validTo))
    .sort((a, b) => a.opens - b.opens);
}

/** A moment: its instant, its Tokyo day (with `minutes` up to 1440, that day's midnight) and days from today. */
export interface Moment {
  at: number;
  time: TokyoTime;
  daysAhead: number;
}

export interface OpenStatus {
  state: 'open' | 'closed' | 'unknown';
  /** When open: when it closes, through periods that touch and past midnight; absent when open beyond the horizon (24 hours). */
  closes?: Moment;
  /** When closed: the next opening. */
  next?: Moment;
  /** When closed all day for a reason residents should know. */
  reason?: ClosedReason;
  /** When the status will next change (for a timer). */
  changesAt?: number;
}

/** Searches up to five weeks ahead, which covers 年末年始 and Golden Week. */
const HORIZON_DAYS = 35;

export function openStatus(rules: OpeningRules | null, now: Date | number): OpenStatus {
  if (!rules || !rules.periods.length) return {state: 'unknown'};
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const today = tokyoTime(nowMs);
  const todayState = dayState(rules, today);
  if (todayState.unknown) return {state: 'unknown'};
  const moment = (ahead: number, minutes: number): Moment => {
    const at = instantAt(today, ahead, minutes);
    return {at, time: {...tokyoTime(instantAt(today, ahead, 0)), minutes}, daysAhead: ahead};
  };
  /** The day's periods, none when it is closed all day, or null when unknown. */
  const openOn = (ahead: number) => {
    const day = tokyoTime(instantAt(today, ahead, 12 * 60));
    const state = dayState(rules, day);
    return state.unknown ? null : state.closedReason ? [] : periodsOn(rules, day);
  };
  const covering = (periods: ReturnType<typeof periodsOn>, minute: number) => periods.find((p) => p.opens <= minute && minute < p.closes);
  let periods = openOn(0)!;
  if (covering(periods, today.minutes)) {
    // Open: follow periods that overlap or touch, into the next days when one runs to 24:00.
    let end = today.minutes;
    for (let ahead = 0; ; ) {
      const period = covering(periods, end);
      if (period) end = period.closes;
      else if (end < 1440) return {state: 'open', closes: moment(ahead, end), changesAt: instantAt(today, ahead, end)};
      else if (++ahead > HORIZON_DAYS) return {state: 'open'};
      else {
        periods = openOn(ahead) ?? [];
        end = 0;
        if (!covering(periods, 0)) return {state: 'open', closes: moment(ahead - 1, 1440), changesAt: instantAt(today, ahead, 0)};
      }
    }
  }
  const result: OpenStatus = {state: 'closed'};
  if (todayState.closedReason) result.reason = todayState.closedReason;
  for (let ahead = 0; ahead <= HORIZON_DAYS; ahead++) {
    const day = openOn(ahead);
    if (!day) break;
    const period = day.find((p) => ahead > 0 || p.opens > today.minutes);
    if (period) {
      result.next = moment(ahead, period.opens);
      result.changesAt = result.next.at;
      break;
    }
  }
  return result;
}

/** Milliseconds to the next Tokyo midnight, when day-based reasons change. */
export function msToTokyoMidnight(now: number): number {
  return DAY - ((now + TOKYO_OFFSET) % DAY);
}
