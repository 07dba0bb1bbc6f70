import {css} from 'lit';

// The card's details (status line, rows, hours, actions): they load with hours.ts, as the card
// draws them only once that has loaded (ui/lazy.ts adopts them). One rule per line, as in
// contact-card.styles.ts.
export const styles = css`
.status { margin-block: 0.5em; padding: 0.25em 0.5em }
.status:not(.success) { background: var(--_surface) }
dl { margin: 0.75em 0 0 }
.row { display: flex; flex-wrap: wrap; column-gap: 1em; padding-block: 0.5em; border-top: 1px solid var(--_border) }
dt { flex: 0 0 8em; max-width: 100%; font-weight: bold }
dd { flex: 1 1 16em; margin: 0 }
.fax .phone { font-size: var(--_font-size-l) }
.hint { font-size: var(--_font-size-s); color: var(--_text-subtle) }
.dated { display: inline-block; margin-inline: 0.5em; padding: 0 0.4em; border: 1px solid var(--_notice-border); border-radius: 4px; background: var(--_notice-bg); font-size: var(--_font-size-s); font-weight: bold; white-space: nowrap }
ul { margin: 0; padding: 0; list-style: none }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em; margin-top: 0.75em }
@media (forced-colors: active) {
  .dated { border-color: CanvasText }
}
`;
