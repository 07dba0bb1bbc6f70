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

export type DayState = {closedReason: 'holiday' | 'year-end' | null; unknown: boolean};

/** Why a whole day is closed, if it is. */
export function dayState(rules: OpeningRules, t: TokyoTime): DayState {
  const md = monthDay(t);
  if (rules.closedRanges.some((r) => inRange(md, r))) return {closedReason: 'year-end', unknown: false};
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

export interface OpenStatus {
  state: 'open' | 'closed' | 'unknown';
  /** When open: the Tokyo minute it closes today. */
  closesAt?: number;
  /** When closed: the next opening. */
  next?: {at: number; time: TokyoTime; daysAhead: number};
  /** When closed all day for a reason residents should know. */
  reason?: 'holiday' | 'year-end';
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
  if (!todayState.closedReason) {
    const current = periodsOn(rules, today).find((p) => today.minutes >= p.opens && today.minutes < p.closes);
    if (current) return {state: 'open', closesAt: current.closes, changesAt: instantAt(today, 0, current.closes)};
  }
  for (let ahead = 0; ahead <= HORIZON_DAYS; ahead++) {
    const day = tokyoTime(instantAt(today, ahead, 12 * 60));
    const state = dayState(rules, day);
    if (state.unknown) break;
    if (state.closedReason) continue;
    const period = periodsOn(rules, day).find((p) => ahead > 0 || p.opens > today.minutes);
    if (period) {
      const at = instantAt(today, ahead, period.opens);
      const result: OpenStatus = {state: 'closed', next: {at, time: tokyoTime(at), daysAhead: ahead}, changesAt: at};
      if (todayState.closedReason) result.reason = todayState.closedReason;
      return result;
    }
  }
  const result: OpenStatus = {state: 'closed'};
  if (todayState.closedReason) result.reason = todayState.closedReason;
  return result;
}

/** Milliseconds to the next Tokyo midnight, when day-based reasons change. */
export function msToTokyoMidnight(now: number): number {
  return DAY - ((now + TOKYO_OFFSET) % DAY);
}
