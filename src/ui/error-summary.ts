/**
 * The GOV.UK error summary: at the top of the form, focused when it appears, one link per
 * problem, worded exactly as the message beside the field. `role="alert"` sits on a child, not
 * the focused container (GOV.UK Frontend 4.4, for JAWS). Clicking a link scrolls the field's
 * label or legend into view, then focuses the field without scrolling again (so the question is
 * read out with it).
 */
import {html, nothing} from 'lit';

export interface SummaryItem {
  /** Id of the control to focus, in the same shadow root; none for a problem with no field. */
  target?: string;
  text: unknown;
}

/** Focuses a control by id inside `root`, showing its label or legend first. */
export function focusControl(root: ShadowRoot, id: string) {
  const control = root.getElementById(id) as HTMLElement | null;
  if (!control) return;
  // Choices and date parts are announced with their legend; other fields with their label.
  const caption =
    (control.matches('[type=radio],[type=checkbox],.date input')
      ? control.closest('fieldset')?.querySelector('legend')
      : root.querySelector(`label[for="${id}"]`)) ?? control;
  caption.scrollIntoView?.({block: 'start'});
  control.focus({preventScroll: true});
}

export function errorSummary(root: () => ShadowRoot | null, title: unknown, items: SummaryItem[], titleHeading: (content: unknown) => unknown) {
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div role="alert">
      ${titleHeading(title)}
      <ul>
        ${items.map((item) =>
          item.target
            ? html`<li>
                <a
                  href="#${item.target}"
                  @click=${(e: Event) => {
                    e.preventDefault();
                    const r = root();
                    if (r) focusControl(r, item.target!);
                  }}
                  >${item.text}</a
                >
              </li>`
            : html`<li>${item.text}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** A GOV.UK error message: a visually hidden 「エラー：」 and the text, referenced by aria-describedby. */
export const errorMessage = (id: string, prefix: unknown, text: unknown) =>
  text ? html`<p class="error-message" id=${id}><span class="visually-hidden">${prefix}</span>${text}</p>` : nothing;
