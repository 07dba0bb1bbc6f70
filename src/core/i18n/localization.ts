/**
 * @lit/localize in runtime mode, wired to the page-wide reading preferences.
 *
 * @lit/localize throws if it is configured twice in one module graph. The CDN bundle carries
 * its own copy, so that only happens for npm users whose page already configured it: then
 * we keep the host's configuration, warn once, and our strings appear in Japanese.
 */
import {configureLocalization, type LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from '../../generated/locale-codes.js';
import {readingPrefs, type Locale} from '../prefs/prefs.js';

// A static map of loaders works unchanged in Vite, esbuild and @web/dev-server.
const loaders = new Map<string, () => Promise<LocaleModule>>([
  ['ja-x-easy', () => import('../../generated/locales/ja-x-easy.js')],
  ['en', () => import('../../generated/locales/en.js')],
]);

let api: {getLocale: () => string; setLocale: (l: string) => Promise<void>} | null = null;
try {
  api = configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: async (locale: string) => {
      const load = loaders.get(locale);
      if (!load) throw new Error(`fukushi-widgets: unknown locale ${locale}`);
      return load();
    },
  });
} catch (error) {
  console.warn(
    'fukushi-widgets: @lit/localize is already configured on this page, so the widgets keep ' +
      "the page's configuration and show Japanese text. Load dist/fukushi-widgets.js (which has " +
      'its own copy) or add the locales ja-x-easy and en to your configuration.',
    error,
  );
}

/** True when this copy of the library controls the @lit/localize locale. */
export const ownsLocalization = api !== null;

/** The locale whose strings are rendered now (it lags the preference while a locale loads). */
export function activeLocale(): Locale {
  return (api?.getLocale() as Locale | undefined) ?? 'ja';
}

let pending: Promise<void> = Promise.resolve();

/** Follows the reading preference; resolves when the strings of that locale are loaded. */
function follow(locale: Locale): Promise<void> {
  if (!api || api.getLocale() === locale) return pending;
  const target = api;
  pending = pending
    .catch(() => undefined)
    .then(() => target.setLocale(locale))
    .catch((error: unknown) => {
      // A locale chunk that fails to load (offline, CDN hiccup) leaves the last locale in place.
      console.warn(`fukushi-widgets: could not load the "${locale}" strings`, error);
    });
  return pending;
}

readingPrefs.subscribe((prefs) => void follow(prefs.locale));
void follow(readingPrefs.current.locale);

/** Resolves once the strings for the current preference are in place (tests, stories). */
export function localeReady(): Promise<void> {
  return follow(readingPrefs.current.locale);
}
