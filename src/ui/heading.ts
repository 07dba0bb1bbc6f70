/** A real heading element at a level the host page chooses (1–6), so widgets fit its outline. */
import {html, type TemplateResult} from 'lit';

type Content = TemplateResult | string | unknown;

/** The heading level a page asked for, as a whole number from `min` to 6; `fallback` when it gave no number. */
export const headingLevel = (value: number, fallback = 2, min = 1) => Math.min(Math.max(Math.round(value) || fallback, min), 6);

export function heading(level: number, content: Content, className = ''): TemplateResult {
  switch (headingLevel(level)) {
    case 1:
      return html`<h1 class=${className}>${content}</h1>`;
    case 2:
      return html`<h2 class=${className}>${content}</h2>`;
    case 3:
      return html`<h3 class=${className}>${content}</h3>`;
    case 4:
      return html`<h4 class=${className}>${content}</h4>`;
    case 5:
      return html`<h5 class=${className}>${content}</h5>`;
    default:
      return html`<h6 class=${className}>${content}</h6>`;
  }
}
