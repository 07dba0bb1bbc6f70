import {css} from 'lit';

/** A result's own rules: they load with results.ts, which draws the results (ui/lazy.ts adopts them). */
export const styles = css`
  .result {
    /* Results out of the window are laid out and painted only as they come near it (a closed
       result is about 16em high). Only the height is held: the width follows the list. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto 16em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    background: var(--_bg);
    display: grid;
    gap: 0.5em;
  }
  .result-title {
    font-size: 1.125em;
  }
  .result-toggle {
    all: unset;
    box-sizing: border-box;
    /* Block, not flex: in flex each ruby of the name is an item of its own, and items never wrap
       inside, so an easy-Japanese name ran off a phone's screen. */
    display: block;
    width: 100%;
    min-height: 44px;
    padding-block: 0.25em;
    color: var(--_link);
    font-weight: bold;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .result-toggle:hover {
    text-decoration-thickness: 0.15em;
  }
  .result-toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus-halo);
  }
  .chevron {
    margin-inline-end: 0.5em;
  }
  .chevron::before {
    content: '▶';
    display: inline-block;
    font-size: 0.75em;
  }
  [aria-expanded='true'] .chevron::before {
    content: '▼';
  }
  .summary,
  .for {
    margin: 0;
  }
  .for-label {
    font-weight: bold;
  }
  .details[hidden] {
    display: none;
  }
  .details {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
  }
  /* A result's desk before the result opens: what a resident needs to phone now. */
  .desk {
    display: grid;
    gap: 0.25em;
  }
  .desk p,
  .desk .status {
    margin: 0;
  }
  .desk-name {
    font-size: 1em;
  }
  .status {
    justify-self: start;
    padding: 0.25em 0.5em;
  }
  .status:not(.success) {
    background: var(--_surface);
  }
  .dated {
    margin-inline: 0.5em;
    padding: 0 0.4em;
    border: 1px solid var(--_notice-border);
    border-radius: 4px;
    background: var(--_notice-bg);
    font-size: var(--_font-size-s);
    font-weight: bold;
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .result-toggle {
      color: LinkText;
    }
    .dated {
      border-color: CanvasText;
    }
  }
`;
