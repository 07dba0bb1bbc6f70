/**
 * What surrounds the form: the outcome of a submission (the receipt, or a queued or failed
 * request), the requests waiting on this device, and the note on where the answers are kept.
 * The element passes what to draw (view.ts) and what the buttons do.
 */
import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import type {Text} from '../../core/data/types.js';
import type {OutboxEntry} from '../../core/outbox/types.js';
import type {HelpFormResult} from './submission-controller.js';
import {renderPhones} from './phones.js';
import type {FormView} from './view.js';

/**
 * The receipt and what happens next, or a queued or failed request with what to do meanwhile;
 * then the buttons: back to the form (a request that waits or failed) and a new request.
 */
export function renderStatus(view: FormView, status: HelpFormResult, after: Text[], urgent: boolean, backToForm: () => void, newRequest: () => void) {
  const {T, t, h} = view;
  const delivered = status.state === 'delivered';
  const queued = status.state === 'queued';
  return html`<div class="notice ${delivered ? 'success' : queued ? 'warning' : 'error'} status" part="status">
      ${h(T(delivered ? 'received' : queued ? 'queued' : 'failed'), 0, 'step-h')}
      ${delivered
        ? html`<p>${T('receipt')}</p>
            <p class="receipt"><strong>${status.receipt}</strong></p>`
        : html`<p>${T(!queued ? 'failedText' : status.unsaved ? 'queuedUnsaved' : 'queuedText')}</p>
            <p>${T('meanwhile')}</p>`}
    </div>
    ${delivered
      ? html`${h(T('next'), 1)}
          <ul>
            ${after.map((text) => html`<li>${T(text)}</li>`)}
          </ul>`
      : nothing}
    ${renderPhones(view, urgent, true, queued)}
    ${delivered ? nothing : html`<button type="button" class="button secondary" @click=${backToForm}>${T('backToForm')}</button>`}
    <button type="button" class="button secondary new-request" @click=${newRequest}>${t(msg('新しい依頼を入力する'))}</button>`;
}

/** The resident's requests waiting on this device, each with a cancel button. */
export function renderQueue(view: FormView, queue: OutboxEntry[], cancel: (id: string) => void) {
  const {T, h, ctx} = view;
  return queue.length
    ? html`<section class="queue">
        ${h(T('queue'), 1)}
        <ul>
          ${queue.map(
            (entry) => html`<li>
              ${T(ctx.def.modes[entry.payload.mode as keyof typeof ctx.def.modes]?.name)}
              ${new Date(entry.createdAt).toLocaleString(view.lang, {dateStyle: 'short', timeStyle: 'short'})}
              <button type="button" class="button secondary" @click=${() => cancel(entry.id)}>${T('cancel')}</button>
            </li>`,
          )}
        </ul>
      </section>`
    : nothing;
}

/** The buttons of the draft note: ask to delete the answers (or keep them after all), and delete them. */
export interface DraftActions {
  confirm(asking: boolean): void;
  forget(): void;
}

/** Where the answers are kept (this device, or only this page), and the button that deletes them after a confirmation. */
export function renderDraftNote(view: FormView, persistent: boolean, confirming: boolean, actions: DraftActions) {
  const {T} = view;
  if (!Object.keys(view.answers).length) return nothing;
  return html`<div class="draft">
    <p>${T(persistent ? 'saved' : 'notSaved')}</p>
    ${confirming
      ? html`<p class="confirm">${T('forgetAsk')}</p>
          <button type="button" class="button" @click=${actions.forget}>${T('forgetYes')}</button>
          <button type="button" class="button secondary" @click=${() => actions.confirm(false)}>${T('forgetNo')}</button>`
      : html`<button type="button" class="button secondary forget" @click=${() => actions.confirm(true)}>${T('forget')}</button>`}
  </div>`;
}
