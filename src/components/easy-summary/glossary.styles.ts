import {css} from 'lit';

/** The rules of glossary terms and their explanations: they load with glossary.ts, which marks the terms (ui/lazy.ts adopts them). */
export const styles = css`
  .term {
    font: inherit;
    line-height: inherit;
    color: var(--_link);
    background: none;
    border: 0;
    border-radius: 2px;
    margin: 0;
    padding: 0 1px;
    min-width: 24px;
    cursor: pointer;
    /* Longhands: WebKit drops a text-decoration shorthand with more than a line in it, and a
       glossary word would then be marked by colour alone. */
    text-decoration-line: underline;
    text-decoration-style: dotted;
    text-decoration-thickness: 0.1em;
    text-underline-offset: 0.3em;
  }
  /* Drawn again on the words: decorations do not reach into their inline-blocks. */
  .term .w {
    text-decoration-line: inherit;
    text-decoration-style: inherit;
    text-decoration-thickness: inherit;
  }
  .term:hover {
    text-decoration-style: solid;
  }
  .tip {
    box-sizing: border-box;
    max-width: min(26em, calc(100vw - 16px));
    margin: auto;
    padding: 0.75em 1em;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    font-size: 1em;
  }
  /* Only one explanation is open at a time, so one anchor name is enough. */
  .term:has(+ .tip:popover-open) {
    anchor-name: --fukushi-term;
  }
  @supports (position-area: block-end) {
    .tip {
      margin: 4px 8px;
      position-anchor: --fukushi-term;
      position-area: block-end span-all;
      justify-self: anchor-center;
      position-try-fallbacks: flip-block;
    }
  }
  /* The term and its explanation (a <div>) are blocks, not text beside a block: Chromium makes
     room for readings in the lines of a block, but not in those of the anonymous block that text
     beside a block goes into (line height 1.5). */
  .tip-term {
    display: block;
    margin-block-end: 0.25em;
  }
  .tip .button {
    display: flex;
    margin-block-start: 0.75em;
    font-weight: bold;
  }
  @media (forced-colors: active) {
    .term {
      color: LinkText;
    }
    .tip {
      border-color: CanvasText;
    }
  }
`;
