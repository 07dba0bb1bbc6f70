/** Shared helpers for component tests. */
import {builtinDatasetUrl, clearDatasetCache} from '../../../src/core/data/loader.js';
import {localeReady} from '../../../src/core/i18n/localization.js';
import {readingPrefs} from '../../../src/core/prefs/prefs.js';
import type {Locale} from '../../../src/core/prefs/prefs.js';

/** The built dataset, as the widgets load it (dev servers answer from dist/data). */
export const DATASET_URL = '/data/nishitokyo.json';

/** The built help form definition for that dataset: a dataset named by URL needs its own. */
export const FORM_URL = '/data/help-form.json';

/** A partner's dataset with problems, whose fallback contact (0120-000-000) is still sound. */
export const BROKEN_TOWN_URL = '/test/fixtures/broken-town.json';

/** Runs `run` while the server answers 503 for the built-in dataset. */
export async function withBuiltinDatasetDown<T>(run: () => Promise<T>): Promise<T> {
  const realFetch = window.fetch;
  const builtin = builtinDatasetUrl();
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    String(input instanceof Request ? input.url : input) === builtin ? Promise.resolve(new Response('', {status: 503})) : realFetch(input, init);
  try {
    return await run();
  } finally {
    window.fetch = realFetch;
  }
}

/** The tel: links in a widget's shadow root, in order. */
export const telLinks = (el: Element) => [...el.shadowRoot!.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));

/** Resets page-wide reading preferences and the dataset cache between tests. */
export async function resetPage(locale: Locale = 'ja') {
  readingPrefs.reset({clearStorage: true});
  document.documentElement.lang = locale === 'en' ? 'en' : 'ja';
  readingPrefs.setLangDefault(document.documentElement.lang);
  clearDatasetCache();
  await localeReady();
}

/** Waits for a widget to load its data and finish rendering. */
export async function settled(el: HTMLElement & {updateComplete: Promise<unknown>; ready?: Promise<unknown>}) {
  await el.ready;
  await localeReady();
  await el.updateComplete;
  await el.updateComplete;
}

/** Visible text of a shadow root, without furigana and screen-reader-only text. */
export function visibleText(root: ParentNode): string {
  // A shadow root cannot be cloned: clone its children into a plain container.
  const clone = document.createElement('div');
  if (root instanceof ShadowRoot) root.childNodes.forEach((n) => clone.append(n.cloneNode(true)));
  else clone.append((root as Element).cloneNode(true));
  clone.querySelectorAll('rt, rp, .visually-hidden, style').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}
