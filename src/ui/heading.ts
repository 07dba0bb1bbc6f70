/** A real heading element at a level the host page chooses (1–6), so widgets fit its outline. */
import {html, type TemplateResult} from 'lit';

type Content = TemplateResult | string | unknown;

export function heading(level: number, content: Content, className = ''): TemplateResult {
  switch (Math.min(Math.max(Math.round(level) || 2, 1), 6)) {
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
