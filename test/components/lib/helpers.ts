/** Shared helpers for component tests. */
import {clearDatasetCache} from '../../../src/core/data/loader.js';
import {localeReady} from '../../../src/core/i18n/localization.js';
import {readingPrefs} from '../../../src/core/prefs/prefs.js';
import type {Locale} from '../../../src/core/prefs/prefs.js';

/** The built dataset, as the widgets load it (dev servers answer from dist/data). */
export const DATASET_URL = '/data/nishitokyo.json';

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
