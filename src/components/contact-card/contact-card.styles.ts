import {css} from 'lit';

// One rule per line: lit ships css`` as written, and this card has a tight size budget.
// The card's padding shrinks on a narrow screen with large text, where every column counts.
// The shared classes (.notice for the status line, .button, .phone, .visually-hidden) come from ui/styles;
// the rules of the card's details load with the code that draws them (hours.styles.ts).
// Phone numbers stay on one line where they fit and split at a hyphen rather than overflow.
// In print: no buttons, map link or "open now" line (stale on paper), the full address of every web link, compact details open.
export const styles = css`
:host { max-width: var(--fukushi-contact-card-max-width, 44em) }
:host(:not([compact])) { margin-block-end: 1.5em }
.card { border: 2px solid var(--_border); border-radius: var(--_radius); padding: min(var(--_space), 4vw); background: var(--_bg); overflow-wrap: anywhere }
:host([compact]) .card { padding: min(0.75em, 4vw) }
fukushi-reading-controls { margin-block-end: 0.5em }
.title { font-size: var(--_font-size-l); font-weight: bold; line-height: 1.5 }
.furigana-on .title { line-height: var(--_ruby-line-height) }
p { margin: 0.25em 0 }
summary { min-height: 44px; padding-block: 0.5em; cursor: pointer; color: var(--_link); font-weight: bold }
@media print {
  fukushi-reading-controls, .actions, button, .map, .status { display: none !important }
  .card { border-color: currentColor }
  a[href^='http']::after { content: ' (' attr(href) ')' }
  details::details-content { content-visibility: visible; display: block }
}
`;
