/** Picking the right variant of a dataset text for the reading mode. */
import type {Locale} from '../prefs/prefs.js';
import type {Text} from './types.js';

export interface Picked {
  /** The text, in ruby notation for Japanese. */
  value: string;
  /** The language it is actually in: English may fall back to Japanese. */
  lang: 'ja' | 'en';
}

/** The variant for `locale`, falling back to standard Japanese where it is not translated. */
export function pick(text: Text | undefined, locale: Locale): Picked {
  if (!text) return {value: '', lang: locale === 'en' ? 'en' : 'ja'};
  const value = text[locale];
  if (value) return {value, lang: locale === 'en' ? 'en' : 'ja'};
  return {value: text.ja, lang: 'ja'};
}
