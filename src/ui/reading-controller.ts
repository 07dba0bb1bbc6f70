/**
 * Connects a widget to the page-wide reading preferences: declares its `locale` / `furigana`
 * attributes as the page default (first widget wins) and re-renders it on every change.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {activeLocale, ownsLocalization} from '../core/i18n/localization.js';
import {
  isLocale,
  parseFurigana,
  readingPrefs,
  STORAGE_KEY,
  type Locale,
} from '../core/prefs/prefs.js';

let pageWatched = false;

/** Watches `<html lang>` and other tabs once per page. */
function watchPage() {
  if (pageWatched || typeof document === 'undefined') return;
  pageWatched = true;
  const root = document.documentElement;
  readingPrefs.setLangDefault(root.lang);
  new MutationObserver(() => readingPrefs.setLangDefault(root.lang)).observe(root, {
    attributes: true,
    attributeFilter: ['lang'],
  });
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) readingPrefs.reload();
  });
}

export interface ReadingHost extends ReactiveControllerHost, HTMLElement {
  locale?: string | undefined;
  furigana?: string | undefined;
}

export class ReadingController implements ReactiveController {
  #unsubscribe?: () => void;
  readonly #host: ReadingHost;

  constructor(host: ReadingHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected() {
    watchPage();
    this.declare();
    this.#unsubscribe = readingPrefs.subscribe(() => this.#host.requestUpdate());
  }

  hostDisconnected() {
    this.#unsubscribe?.();
    readingPrefs.declarePageDefault(this.#host, {});
  }

  /** Call when the host's `locale` or `furigana` attribute changes. */
  declare() {
    const locale = isLocale(this.#host.locale) ? this.#host.locale : undefined;
    if (this.#host.locale && !locale) {
      console.warn(
        `fukushi-widgets: locale="${this.#host.locale}" is not one of ja, ja-x-easy, en; it is ignored.`,
      );
    }
    const furigana = parseFurigana(this.#host.furigana);
    const declared: {locale?: Locale; furigana?: boolean} = {};
    if (locale) declared.locale = locale;
    if (furigana !== undefined) declared.furigana = furigana;
    readingPrefs.declarePageDefault(this.#host, declared);
  }

  /**
   * The locale to render in. It follows @lit/localize's active locale so that UI strings and
   * data texts always agree, even while a locale's strings are still loading.
   */
  get locale(): Locale {
    return ownsLocalization ? activeLocale() : readingPrefs.current.locale;
  }

  get furigana(): boolean {
    return readingPrefs.current.furigana;
  }

  /** The `lang` attribute for rendered content: easy Japanese is Japanese. */
  get lang(): 'ja' | 'en' {
    return this.locale === 'en' ? 'en' : 'ja';
  }

  get easy(): boolean {
    return this.locale === 'ja-x-easy';
  }

  chooseLocale(locale: Locale) {
    readingPrefs.choose({locale});
  }

  chooseFurigana(on: boolean) {
    readingPrefs.choose({furigana: on});
  }
}
