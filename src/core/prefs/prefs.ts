/**
 * Page-wide reading preferences: the reading mode (ja / やさしい日本語 / en) and furigana.
 *
 * @lit/localize holds one locale per page, so these preferences are page-wide by design.
 * Precedence, per preference:
 *   1. the resident's own choice (a widget toggle or the JS API), remembered in localStorage;
 *   2. the page default: the first widget on the page that declares `locale` / `furigana`;
 *   3. the page language (`<html lang>`), passed in by the UI layer.
 * Furigana defaults to on in easy Japanese and off otherwise.
 */

export const LOCALES = ['ja', 'ja-x-easy', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface ReadingPrefs {
  locale: Locale;
  furigana: boolean;
}

type Partial2 = {locale?: Locale; furigana?: boolean};
type Listener = (prefs: ReadingPrefs) => void;

export const STORAGE_KEY = 'fukushi-widgets:reading-prefs';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (for example from `<html lang>`) to one of our reading modes. */
export function localeFromLang(lang: string | null | undefined): Locale | undefined {
  const tag = (lang ?? '').trim().toLowerCase();
  if (!tag) return undefined;
  if (tag === 'ja-x-easy' || tag.startsWith('ja-x-easy') || tag === 'ja-easy') return 'ja-x-easy';
  if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
  // Any other page language: English is the shared second language of our readers.
  return 'en';
}

/** Parses `furigana="on|off"`; anything else means "not declared". */
export function parseFurigana(value: string | null | undefined): boolean | undefined {
  if (value === 'on') return true;
  if (value === 'off') return false;
  return undefined;
}

function readStored(): Partial2 {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const out: Partial2 = {};
    if (isLocale(parsed.locale)) out.locale = parsed.locale;
    if (typeof parsed.furigana === 'boolean') out.furigana = parsed.furigana;
    return out;
  } catch {
    // Storage can be blocked (sandboxed iframes, private modes) or hold junk: ignore it.
    return {};
  }
}

function writeStored(value: Partial2) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    /* the choice still applies for this page view */
  }
}

export class ReadingPrefsStore {
  private user: Partial2 = readStored();
  private page: Partial2 = {};
  private pageOwners: {locale?: object; furigana?: object} = {};
  private langDefault: Locale | undefined;
  private listeners = new Set<Listener>();
  private last: ReadingPrefs;

  constructor() {
    this.last = this.compute();
  }

  get current(): ReadingPrefs {
    return this.last;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The page language, used when no widget and no resident has chosen. */
  setLangDefault(lang: string | null | undefined) {
    this.langDefault = localeFromLang(lang);
    this.changed();
  }

  /**
   * A widget declares its `locale` / `furigana` attributes. The first widget to declare a
   * preference owns the page default; later widgets that disagree are ignored, except that
   * the owner may change its own declaration.
   */
  declarePageDefault(owner: object, declared: Partial2) {
    for (const key of ['locale', 'furigana'] as const) {
      if (declared[key] === undefined) {
        if (this.pageOwners[key] === owner) {
          delete this.page[key];
          delete this.pageOwners[key];
        }
        continue;
      }
      if (!this.pageOwners[key] || this.pageOwners[key] === owner) {
        this.pageOwners[key] = owner;
        (this.page as Record<string, unknown>)[key] = declared[key];
      }
    }
    this.changed();
  }

  /** The resident's own choice: applies to every widget at once and is remembered. */
  choose(choice: Partial2, {remember = true}: {remember?: boolean} = {}) {
    this.user = {...this.user, ...choice};
    if (remember) writeStored(this.user);
    this.changed();
  }

  /** Re-reads storage, for example after another tab changed the preferences. */
  reload() {
    this.user = readStored();
    this.changed();
  }

  /** Forgets everything (tests, and a page that wants a clean start). */
  reset({clearStorage = false}: {clearStorage?: boolean} = {}) {
    if (clearStorage) {
      try {
        globalThis.localStorage?.removeItem(STORAGE_KEY);
      } catch {
        /* ignore */
      }
    }
    this.user = clearStorage ? {} : readStored();
    this.page = {};
    this.pageOwners = {};
    this.changed();
  }

  private compute(): ReadingPrefs {
    const locale = this.user.locale ?? this.page.locale ?? this.langDefault ?? 'ja';
    const furigana = this.user.furigana ?? this.page.furigana ?? locale === 'ja-x-easy';
    return {locale, furigana};
  }

  private changed() {
    const next = this.compute();
    if (next.locale === this.last.locale && next.furigana === this.last.furigana) return;
    this.last = next;
    for (const listener of this.listeners) listener(next);
  }
}

/** The single store for this copy of the library. */
export const readingPrefs = new ReadingPrefsStore();
