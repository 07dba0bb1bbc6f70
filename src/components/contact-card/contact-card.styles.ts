import {css} from 'lit';

// One rule per line: lit ships css`` as written, and this card has a tight size budget.
// The card's padding shrinks on a narrow screen with large text, where every column counts.
// The shared classes (.notice for the status line, .button, .phone, .visually-hidden) come from ui/styles.
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
.status { margin-block: 0.5em; padding: 0.25em 0.5em }
.status:not(.success) { background: var(--_surface) }
p { margin: 0.25em 0 }
dl { margin: 0.75em 0 0 }
.row { display: flex; flex-wrap: wrap; column-gap: 1em; padding-block: 0.5em; border-top: 1px solid var(--_border) }
dt { flex: 0 0 8em; max-width: 100%; font-weight: bold }
dd { flex: 1 1 16em; margin: 0 }
.phone { white-space: normal }
.fax .phone { font-size: var(--_font-size-l) }
.hint { font-size: var(--_font-size-s); color: var(--_text-subtle) }
.dated { display: inline-block; margin-inline: 0.5em; padding: 0 0.4em; border: 1px solid var(--_notice-border); border-radius: 4px; background: var(--_notice-bg); font-size: var(--_font-size-s); font-weight: bold; white-space: nowrap }
ul { margin: 0; padding: 0; list-style: none }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em; margin-top: 0.75em }
summary { min-height: 44px; padding-block: 0.5em; cursor: pointer; color: var(--_link); font-weight: bold }
@media print {
  fukushi-reading-controls, .actions, button, .map, .status { display: none !important }
  .card { border-color: currentColor }
  a[href^='http']::after { content: ' (' attr(href) ')' }
  details::details-content { content-visibility: visible; display: block }
}
@media (forced-colors: active) {
  .dated { border-color: CanvasText }
}
`;
