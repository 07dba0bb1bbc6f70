/**
 * The public JS API for reading preferences. A page's own language switch can call these;
 * by default the choice is remembered like a widget toggle.
 */
import {localeReady} from '../i18n/localization.js';
import {isLocale, LOCALES, readingPrefs, type Locale, type ReadingPrefs} from './prefs.js';

export type {Locale, ReadingPrefs};
export {LOCALES};

export interface ChoiceOptions {
  /** Remember the choice in localStorage (default true). */
  remember?: boolean;
}

/** Switches every widget on the page to `ja`, `ja-x-easy` or `en`. */
export async function setLocale(locale: Locale, options: ChoiceOptions = {}): Promise<void> {
  if (!isLocale(locale)) {
    throw new TypeError(`fukushi-widgets: setLocale() takes one of ${LOCALES.join(', ')}; got ${String(locale)}`);
  }
  readingPrefs.choose({locale}, options);
  await localeReady();
}

/** Turns furigana on or off in every widget on the page. */
export function setFurigana(on: boolean | 'on' | 'off', options: ChoiceOptions = {}): void {
  const value = on === 'on' ? true : on === 'off' ? false : on;
  if (typeof value !== 'boolean') {
    throw new TypeError(`fukushi-widgets: setFurigana() takes true/false or "on"/"off"; got ${String(on)}`);
  }
  readingPrefs.choose({furigana: value}, options);
}

/** The preferences in effect now. */
export function getReadingPrefs(): ReadingPrefs {
  return readingPrefs.current;
}

/** Calls `listener` whenever the page-wide preferences change; returns an unsubscribe function. */
export function onReadingPrefsChange(listener: (prefs: ReadingPrefs) => void): () => void {
  return readingPrefs.subscribe(listener);
}
