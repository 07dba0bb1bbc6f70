/** A phone number as a tel: link that screen readers read digit by digit. */
import {html} from 'lit';
import {spokenDigits, telHref} from '../core/data/phone.js';

export function phoneLink(number: string, lang: 'ja' | 'en', part = 'phone') {
  return html`<a class="phone" part=${part} href=${telHref(number)}
    ><span aria-hidden="true">${number}</span><span class="visually-hidden">${spokenDigits(number, lang)}</span></a
  >`;
}
