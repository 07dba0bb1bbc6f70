/**
 * Opening hours in words, in the three reading modes: the weekly list (月〜金 8:30〜17:00),
 * closures (祝日・年末年始) and the day and time of the next opening. Pure: no DOM, no clock.
 *
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
const EASY_DAYS = ['にち', 'げつ', 'か', 'すい', 'もく', 'きん', 'ど'];
/** English day names, Sunday first (also the schema.org DayOfWeek names). */
export const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = 'January February March April May June July August September October November December'.split(' ');
const EASY_DATES = ',ついたち,ふつか,みっか,よっか,いつか,むいか,なのか,ようか,ここのか,とおか'.split(',');

const by = (locale: Locale, ja: string, easy: string, en: string) => (locale === 'en' ? en : locale === 'ja' ? ja : easy);

/** "A and B", "A, B and C" in English; ・ or と between Japanese items. */
function list(items: string[], locale: Locale): string {
  if (locale !== 'en') return items.join(locale === 'ja' ? '・' : ' と ');
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

/** From `a` to `b`: 月〜金, 月曜日から 金曜日, Monday to Friday (easy adds まで for times). */
const range = (a: string, b: string, locale: Locale, until = '') => by(locale, `${a}〜${b}`, `${a}から ${b}${until}`, `${a} to ${b}`);

/** 月 (or 月曜 when `long`), ｜月曜日《げつようび》, Monday. 0 = Sunday. */
export function dayName(day: number, locale: Locale, long = false): string {
  const kanji = KANJI_DAYS[day]!;
  return by(locale, long ? `${kanji}曜` : kanji, `｜${kanji}曜日《${EASY_DAYS[day]}ようび》`, EN_DAYS[day]!);
}

/** 8:30 / ｜午前《ごぜん》8｜時《じ》30｜分《ぷん》 / 8:30am; noon is 12:00, 午後0時, 12 noon. */
export function clock(minutes: number, locale: Locale): string {
  if (locale === 'ja') return formatTime(minutes);
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const pm = h >= 12;
  if (locale === 'en') {
    if (!m && h === 12) return '12 noon';
    if (!m && !h) return 'midnight';
    return `${h % 12 || 12}${m ? `:${String(m).padStart(2, '0')}` : ''}${pm ? 'pm' : 'am'}`;
  }
  // 1, 3, 4, 6, 8 and 0 make 分 ぷん (いっぷん, さんじゅっぷん); 2, 5, 7, 9 make ふん.
  const fun = m ? `${m}｜分《${'2579'.includes(String(m % 10)) ? 'ふん' : 'ぷん'}》` : '';
  return `${pm ? '｜午後《ごご》' : '｜午前《ごぜん》'}${h % 12}｜時《じ》${fun}`;
}

/** 12月29日 / 12｜月《がつ》29｜日《にち》 (1｜月《がつ》｜3日《みっか》) / 29 December. */
export function dateName(month: number, date: number, locale: Locale): string {
  if (locale !== 'ja-x-easy') return by(locale, `${month}月${date}日`, '', `${date} ${EN_MONTHS[month - 1]}`);
  const reading = EASY_DATES[date] || {14: 'じゅうよっか', 20: 'はつか', 24: 'にじゅうよっか'}[date];
  return `${month}｜月《がつ》${reading ? `｜${date}日《${reading}》` : `${date}｜日《にち》`}`;
}

const isAllDay = (opens: number, closes: number) => opens === 0 && closes >= 1439;

/** One line per group of days with the same hours, Monday first: 月〜金 8:30〜17:00. */
export function weeklyLines(rules: OpeningRules, locale: Locale): string[] {
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
      const run = runs[runs.length - 1];
      if (run && (run[run.length - 1]! % 7) + 1 === (day || 7)) run.push(day);
      else runs.push([day]);
    }
    const name = (d: number) => dayName(d, locale, locale !== 'ja');
    const dayText =
      days.length === 7
        ? by(locale, '毎日', '｜毎日《まいにち》', 'Every day')
        : list(runs.flatMap((r) => (r.length > 2 ? [range(name(r[0]!), name(r[r.length - 1]!), locale)] : r.map(name))), locale);
    const times = key.split(',').map((span) => {
      const [opens, closes] = span.split('-').map(Number) as [number, number];
      return isAllDay(opens, closes)
        ? by(locale, '24時間', '24｜時間《じかん》', '24 hours')
        : range(clock(opens, locale), clock(closes, locale), locale, 'まで');
    });
    return `${dayText}${locale === 'en' ? ', ' : ' '}${locale === 'en' ? list(times, locale) : times.join('、')}`;
  });
}

/** 祝日・年末年始（12月29日〜1月3日）は休み, or '' when the rules close on no such days. */
export function closuresText(rules: OpeningRules, locale: Locale): string {
  const parts = rules.holidaysClosed ? [by(locale, '祝日', '｜祝日《しゅくじつ》', 'public holidays')] : [];
  for (const {from, to} of rules.closedRanges) {
    const date = (md: string) => dateName(Number(md.slice(0, 2)), Number(md.slice(3)), locale);
    const dates = from === to ? date(from) : range(date(from), date(to), locale, 'まで');
    // A range over the new year is 年末年始; any other is just its dates.
    parts.push(from > to ? by(locale, `年末年始（${dates}）`, `｜年末年始《ねんまつねんし》（${dates}）`, `the New Year holidays (${dates})`) : dates);
  }
  if (!parts.length) return '';
  return by(locale, `${list(parts, locale)}は休み`, `${list(parts, locale)}は ｜休《やす》みです。`, `Closed on ${list(parts, locale)}`);
}

/** When it opens next: 本日 14:00 / 明日 8:30 / 月曜 8:30 / 1月5日（月）8:30, and easy and English. */
export function nextOpeningText(next: {time: TokyoTime; daysAhead: number}, locale: Locale): string {
  const {time, daysAhead} = next;
  const day =
    daysAhead === 0
      ? by(locale, '本日', 'きょう', 'today')
      : daysAhead === 1
        ? by(locale, '明日', 'あした', 'tomorrow')
        : daysAhead < 7
          ? dayName(time.weekday, locale, true)
          : `${dateName(time.month, time.date, locale)}${by(locale, `（${KANJI_DAYS[time.weekday]}）`, `（${dayName(time.weekday, locale)}）`, ` (${EN_DAYS[time.weekday]})`)}`;
  return `${day}${locale === 'en' ? ' at ' : ' '}${clock(time.minutes, locale)}`;
}
