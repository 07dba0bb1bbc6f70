/**
 * Opening hours in words, in the three reading modes: the weekly list (月〜金 8:30〜17:00),
 * closures (祝日・年末年始) and the day and time of the next opening. Pure: no DOM, no clock.
 *
 * One formatter for the three modes: what differs is a table of words and patterns per mode (WORDS).
 * Calendar words (days, clock times, dates) are locale data here, as Intl would give them, so
 * they are exact and unit-tested; the sentences around them go through msg() in the widget.
 * Easy Japanese follows the Hirosaki rules: a 12-hour clock with 午前/午後, から/まで instead
 * of 〜, spaces between phrases, and ruby notation on every kanji (readings that depend on the
 * number, like 30分《ぷん》 and 3日《みっか》, are written out).
 */
import type {Locale} from '../prefs/prefs.js';
import {formatTime, type OpeningRules} from './opening-hours.js';
import type {TokyoTime} from './status.js';

const KANJI_DAYS = '日月火水木金土';
const EASY_DAYS = 'にち げつ か すい もく きん ど'.split(' ');
/** English day names, Sunday first (also the schema.org DayOfWeek names). */
export const EN_DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const EN_MONTHS = 'January February March April May June July August September October November December'.split(' ');
const EASY_DATES: Record<number, string> = {
  ...',ついたち,ふつか,みっか,よっか,いつか,むいか,なのか,ようか,ここのか,とおか'.split(','),
  14: 'じゅうよっか',
  20: 'はつか',
  24: 'にじゅうよっか',
};

type Two = (a: string, b: string) => string;

/** The words and patterns of one reading mode. */
interface Words {
  /** A day, 0 = Sunday; `long` is a day named alone (月曜 rather than 月 in standard Japanese). */
  day(day: number, long?: boolean): string;
  /** A clock time from the hour (0–23) and minute; `minutes` is the minute of the day (1440 = 24:00). */
  clock(hour: number, minute: number, minutes: number): string;
  date(month: number, date: number): string;
  /** Between the items of a list and before its last item: 月・水・金, A, B and C. */
  and: [string, string];
  /** The same between the times of one day. */
  times: [string, string];
  /** From `a` to `b`; `until` is まで after times and dates (easy Japanese only). */
  range(a: string, b: string, until?: string): string;
  /** Days, then times. */
  line: Two;
  everyDay: string;
  allDay: string;
  holidays: string;
  /** A closure over the new year, with its dates. */
  newYear(dates: string): string;
  closed(closures: string): string;
  today: string;
  tomorrow: string;
  /** A date more than a week ahead, with its day. */
  far: Two;
  /** The next opening: day, then time. */
  next: Two;
}

const WORDS: Record<Locale, Words> = {
  ja: {
    day: (d, long) => KANJI_DAYS[d]! + (long ? '曜' : ''),
    clock: (_h, _m, minutes) => formatTime(minutes),
    date: (month, date) => `${month}月${date}日`,
    and: ['・', '・'],
    times: ['、', '、'],
    range: (a, b) => `${a}〜${b}`,
    line: (days, times) => `${days} ${times}`,
    everyDay: '毎日',
    allDay: '24時間',
    holidays: '祝日',
    newYear: (dates) => `年末年始（${dates}）`,
    closed: (closures) => `${closures}は休み`,
    today: '本日',
    tomorrow: '明日',
    far: (date, day) => `${date}（${day}）`,
    next: (day, time) => `${day} ${time}`,
  },
  'ja-x-easy': {
    day: (d) => `｜${KANJI_DAYS[d]}曜日《${EASY_DAYS[d]}ようび》`,
    // 1, 3, 4, 6, 8 and 0 make 分 ぷん (いっぷん, さんじゅっぷん); 2, 5, 7, 9 make ふん.
    clock: (h, m) =>
      `${h > 11 ? '｜午後《ごご》' : '｜午前《ごぜん》'}${h % 12}｜時《じ》${m ? `${m}｜分《${'2579'.includes(String(m % 10)) ? 'ふん' : 'ぷん'}》` : ''}`,
    date: (month, date) => `${month}｜月《がつ》${EASY_DATES[date] ? `｜${date}日《${EASY_DATES[date]}》` : `${date}｜日《にち》`}`,
    and: [' と ', ' と '],
    times: ['、', '、'],
    range: (a, b, until = '') => `${a}から ${b}${until}`,
    line: (days, times) => `${days} ${times}`,
    everyDay: '｜毎日《まいにち》',
    allDay: '24｜時間《じかん》',
    holidays: '｜祝日《しゅくじつ》',
    newYear: (dates) => `｜年末年始《ねんまつねんし》（${dates}）`,
    closed: (closures) => `${closures}は ｜休《やす》みです。`,
    today: 'きょう',
    tomorrow: 'あした',
    far: (date, day) => `${date}（${day}）`,
    next: (day, time) => `${day} ${time}`,
  },
  en: {
    day: (d) => EN_DAYS[d]!,
    clock: (h, m) =>
      !m && h === 12 ? '12 noon' : !m && !h ? 'midnight' : `${h % 12 || 12}${m ? `:${String(m).padStart(2, '0')}` : ''}${h > 11 ? 'pm' : 'am'}`,
    date: (month, date) => `${date} ${EN_MONTHS[month - 1]}`,
    and: [', ', ' and '],
    times: [', ', ' and '],
    range: (a, b) => `${a} to ${b}`,
    line: (days, times) => `${days}, ${times}`,
    everyDay: 'Every day',
    allDay: '24 hours',
    holidays: 'public holidays',
    newYear: (dates) => `the New Year holidays (${dates})`,
    closed: (closures) => `Closed on ${closures}`,
    today: 'today',
    tomorrow: 'tomorrow',
    far: (date, day) => `${date} (${day})`,
    next: (day, time) => `${day} at ${time}`,
  },
};

const list = (items: string[], [between, last]: [string, string]) =>
  items.length > 1 ? items.slice(0, -1).join(between) + last + items.at(-1) : (items[0] ?? '');

/** 8:30 / ｜午前《ごぜん》8｜時《じ》30｜分《ぷん》 / 8:30am; noon is 12:00, 午後0時, 12 noon. */
export const clock = (minutes: number, locale: Locale) => WORDS[locale].clock(Math.floor(minutes / 60) % 24, minutes % 60, minutes);

/** 12月29日 / 12｜月《がつ》29｜日《にち》 (1｜月《がつ》｜3日《みっか》) / 29 December. */
export const dateName = (month: number, date: number, locale: Locale) => WORDS[locale].date(month, date);

/** One line per group of days with the same hours, Monday first: 月〜金 8:30〜17:00. */
export function weeklyLines(rules: OpeningRules, locale: Locale): string[] {
  const words = WORDS[locale];
  const groups = new Map<string, number[]>();
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const periods = rules.periods.filter((p) => p.day === day).sort((a, b) => a.opens - b.opens);
    if (!periods.length) continue;
    const key = periods.map((p) => `${p.opens}-${p.closes}`).join();
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups].map(([key, days]) => {
    // Runs of 3 or more consecutive days (Monday first) become a range: 月〜金, 月・水・金.
    const runs: number[][] = [];
    for (const day of days) {
      const run = runs.at(-1);
      if (run && (run.at(-1)! % 7) + 1 === (day || 7)) run.push(day);
      else runs.push([day]);
    }
    const name = (d: number) => words.day(d); // not words.day itself: map() would pass an index as `long`
    const dayText =
      days.length === 7
        ? words.everyDay
        : list(runs.flatMap((r) => (r.length > 2 ? [words.range(name(r[0]!), name(r.at(-1)!))] : r.map(name))), words.and);
    const times = key.split(',').map((span) => {
      const [opens, closes] = span.split('-').map(Number) as [number, number];
      return opens === 0 && closes >= 1439 ? words.allDay : words.range(clock(opens, locale), clock(closes, locale), 'まで');
    });
    return words.line(dayText, list(times, words.times));
  });
}

/** 祝日・年末年始（12月29日〜1月3日）は休み, or '' when the rules close on no such days. */
export function closuresText(rules: OpeningRules, locale: Locale): string {
  const words = WORDS[locale];
  const parts = rules.holidaysClosed ? [words.holidays] : [];
  for (const {from, to} of rules.closedRanges) {
    const date = (md: string) => words.date(Number(md.slice(0, 2)), Number(md.slice(3)));
    const dates = from === to ? date(from) : words.range(date(from), date(to), 'まで');
    // A range over the new year is 年末年始; any other is just its dates.
    parts.push(from > to ? words.newYear(dates) : dates);
  }
  return parts.length ? words.closed(list(parts, words.and)) : '';
}

/** When it opens next: 本日 14:00 / 明日 8:30 / 月曜 8:30 / 1月5日（月） 8:30, and easy and English. */
export function nextOpeningText({time, daysAhead}: {time: TokyoTime; daysAhead: number}, locale: Locale): string {
  const words = WORDS[locale];
  const day =
    daysAhead === 0
      ? words.today
      : daysAhead === 1
        ? words.tomorrow
        : daysAhead < 7
          ? words.day(time.weekday, true)
          : words.far(words.date(time.month, time.date), words.day(time.weekday));
  return words.next(day, clock(time.minutes, locale));
}
