/**
 * The phone numbers the form shows (119 and 110 first when a life is at risk, then the dataset's
 * own number), and the notices shown instead of the form when it cannot be used. These are part
 * of the form's start-up code: they must show even when nothing else has loaded.
 */
import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import {debugMode, renderContact} from '../../ui/fallback.js';
import {phoneLink} from '../../ui/phone.js';
import type {FormView} from './view.js';

/**
 * Phone numbers: 119 and 110 first when `emergency` (the life-at-risk box), then the dataset's
 * fallback contact. `form`: a form is on screen, so say not to rely on it. `city`: add that contact.
 */
export function renderPhones(view: Pick<FormView, 'lang' | 'T' | 't' | 'contact'>, emergency: boolean, city = true, form = false) {
  const {lang, T, t} = view;
  return html`${emergency
      ? html`<div class="notice error emergency" part="emergency">
          <p><strong>${form ? T('emergency') : t(msg('命の危険があるときは、すぐに電話してください。'))}</strong></p>
          <ul class="big-phones">
            <li>${phoneLink('119', lang)} ${t(msg('火事・救急'))}</li>
            <li>${phoneLink('110', lang)} ${t(msg('警察'))}</li>
          </ul>
          ${form ? html`<p>${T('emergencyNote')}</p>` : nothing}
        </div>`
      : nothing}
    ${city ? renderContact(view.contact, lang, t) : nothing}`;
}

/** Without an endpoint nothing can be sent: residents are asked to phone, editors see how to fix it in debug mode. */
export function renderUnavailable(view: Pick<FormView, 'lang' | 'T' | 't' | 'contact'>, urgent: boolean) {
  return html`<div class="notice warning">
      <p>${view.t(msg('このフォームは、今は使えません。電話で連絡してください。'))}</p>
    </div>
    ${renderPhones(view, urgent)}
    ${debugMode() ? html`<p class="debug" lang="en">fukushi-debug: set endpoint="https://…/api/help-requests".</p>` : nothing}`;
}

/** A town's own dataset without a form definition: the form is not available there yet. */
export function renderNoForm(view: Pick<FormView, 'lang' | 'T' | 't' | 'contact'>, urgent: boolean) {
  return html`<div class="notice warning">
      <p>${view.t(msg('この地域では、このフォームはまだ使えません。電話で連絡してください。'))}</p>
    </div>
    ${renderPhones(view, urgent)}`;
}
