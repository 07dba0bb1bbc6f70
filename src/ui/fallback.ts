/**
 * What a resident sees when data cannot be loaded, or a desk has no usable phone: never a blank
 * widget, and never another town's number. The number is the dataset's own fallback contact.
 * When the dataset itself failed: for the built-in dataset, Nishitokyo's main number, which is
 * in the code for that reason; for a partner's dataset, the number it still holds if that part
 * of the file is sound, and otherwise only the page's own content (the widget's slot).
 */
import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {isBuiltinDataset, type DatasetError} from '../core/data/loader.js';
import {pick} from '../core/data/text.js';
import type {Dataset, FallbackContact} from '../core/data/types.js';
import type {Locale} from '../core/prefs/prefs.js';
import {phoneLink} from './phone.js';

/** Who to phone when nothing else helps: a name in ruby notation and a number as printed. */
export interface Contact {
  name: string;
  phone: string;
}

/**
 * Nishitokyo's main number, for when the built-in dataset cannot be loaded.
 * Source: 西東京市 市報 (2015) and the plan summary (2024-03): 042-464-1311 (代表).
 */
export const builtinContact = (): Contact => ({name: msg('西東京市役所（代表）'), phone: '042-464-1311'});

/** The fallback contact for a widget's dataset, loaded or failed; undefined when none is known. */
export function fallbackContact(
  dataset: {data?: Dataset | undefined; error?: DatasetError | undefined; url?: string | undefined},
  locale: Locale,
): Contact | undefined {
  const own: FallbackContact | undefined = dataset.data?.fallback_contact ?? dataset.error?.fallback;
  if (own) return {name: pick(own.name, locale).value, phone: own.phone};
  const url = dataset.error?.url ?? dataset.url;
  return url && isBuiltinDataset(url) ? builtinContact() : undefined;
}

export const debugMode = () => typeof location !== 'undefined' && /[?&]fukushi-debug\b/.test(location.search);

/** "If unsure, phone …", with a tel: link; nothing when no number is known. `render` draws ruby notation. */
export function renderContact(contact: Contact | undefined, lang: 'ja' | 'en', render: (notation: string) => unknown) {
  if (!contact) return nothing;
  return html`<p class="city-contact">
    ${render(msg(str`わからないときは、${contact.name}に電話してください。`))}
    <span class="phone-line">${render(msg('電話'))} ${phoneLink(contact.phone, lang)}</span>
  </p>`;
}

/** The load-error notice: the fallback contact, the editor's light-DOM fallback and, in debug mode, details. */
export function loadErrorNotice(
  error: DatasetError,
  contact: Contact | undefined,
  lang: 'ja' | 'en',
  render: (notation: string) => unknown,
  retry?: () => void,
) {
  return html`<div class="notice error" part="error">
    <p class="notice-title"><strong>${render(msg('情報を読み込めませんでした。'))}</strong></p>
    ${renderContact(contact, lang, render)}
    <slot></slot>
    ${retry ? html`<button type="button" class="button secondary" @click=${retry}>${render(msg('もう一度読み込む'))}</button>` : nothing}
    ${debugMode()
      ? html`<details class="debug" open>
          <summary>fukushi-debug: ${error.kind}</summary>
          <p lang="en">${error.url}: ${error.message}</p>
          <ul lang="en">
            ${error.problems.slice(0, 20).map((p) => html`<li><code>${p.path}</code>: ${p.message} → ${p.fix}</li>`)}
          </ul>
        </details>`
      : nothing}
  </div>`;
}
