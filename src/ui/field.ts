/**
 * A form field's frame, DADS and GOV.UK style: the label (or legend) with 「※必須」/「※任意」,
 * the hint, the error message, then the control. Everything is in the caller's shadow root, so
 * the control's aria-describedby (error first, then hint, as DADS does) resolves.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {errorMessage} from './error-summary.js';

export interface FieldFrame {
  /** Id of the control (or of the fieldset's first control); hint and error ids derive from it. */
  id: string;
  label: unknown;
  /** 「※必須」 or 「※任意」 text; nothing when the field's need depends on other answers. */
  badge?: unknown;
  required?: boolean;
  hint?: unknown;
  error?: unknown;
  errorPrefix: unknown;
  /** A fieldset with a legend (choices, dates) instead of a label. */
  group?: boolean;
  control: TemplateResult;
}

/** The aria-describedby value for a field: error, then hint. */
export const describedBy = (id: string, hint: unknown, error: unknown) =>
  [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || nothing;

export function field(f: FieldFrame) {
  const caption = html`${f.label}${f.badge
    ? html` <span class="badge ${f.required ? 'required' : 'optional'}">${f.badge}</span>`
    : nothing}`;
  const rest = html`${f.hint ? html`<p class="hint" id="${f.id}-hint">${f.hint}</p>` : nothing}
  ${errorMessage(`${f.id}-error`, f.errorPrefix, f.error)} ${f.control}`;
  return f.group
    ? html`<fieldset class="field ${f.error ? 'invalid' : ''}" aria-describedby=${describedBy(f.id, f.hint, f.error)}>
        <legend>${caption}</legend>
        ${rest}
      </fieldset>`
    : html`<div class="field ${f.error ? 'invalid' : ''}"><label for=${f.id}>${caption}</label>${rest}</div>`;
}
