/**
 * What a resident sees when data cannot be loaded: never a blank widget. The city's main
 * number is in the code on purpose, because the dataset that would hold it may be what failed.
 * Source: 西東京市 市報 (2015) and the plan summary (2024-03): 042-464-1311 (代表).
 */
import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import type {DatasetError} from '../core/data/loader.js';
import {phoneLink} from './phone.js';

export const CITY_PHONE = '042-464-1311';

export const debugMode = () => typeof location !== 'undefined' && /[?&]fukushi-debug\b/.test(location.search);

/** The city's main number, as a sentence with a tel: link. */
export function cityContact(lang: 'ja' | 'en') {
  return html`<p class="city-contact">
    ${msg('わからないときは、西東京市役所（代表）に電話してください。')}
    <span class="phone-line">${msg('電話')} ${phoneLink(CITY_PHONE, lang)}</span>
  </p>`;
}

/** The load-error notice, with the editor's light-DOM fallback and, in debug mode, details. */
export function loadErrorNotice(error: DatasetError, lang: 'ja' | 'en', retry?: () => void) {
  return html`<div class="notice error" part="error">
    <p class="notice-title"><strong>${msg('情報を読み込めませんでした。')}</strong></p>
    ${cityContact(lang)}
    <slot></slot>
    ${retry
      ? html`<button type="button" class="button secondary" @click=${retry}>${msg('もう一度読み込む')}</button>`
      : nothing}
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
