import {css} from 'lit';

export const styles = css`
  .root {
    max-inline-size: var(--fukushi-easy-summary-max-width, 44em);
  }
  .easy {
    /* 分かち書き spaces carry meaning: keep them wider than the gaps a long reading leaves. */
    word-spacing: 0.2em;
  }
  .root > fukushi-reading-controls {
    margin-block-end: 0.75em;
  }
  section > :first-child {
    margin-block-start: 1.25em;
  }
  h1, h2, h3, h4, h5, h6 {
    line-height: 1.45;
    margin-block: 1.25em 0.5em;
  }
  .furigana-on :is(h1, h2, h3, h4, h5, h6) {
    /* room for the reading above each heading line */
    line-height: 2.3;
  }
  h1 { font-size: 1.75em; }
  h2 { font-size: 1.5em; }
  h3 { font-size: 1.3em; }
  h4 { font-size: 1.15em; }
  h5, h6 { font-size: 1em; }
  p, ul, ol {
    margin-block: 0.5em 1em;
  }
  li + li {
    margin-block-start: 0.25em;
  }
  /* A word in several ruby pieces (成年 + 後見) is one unit at a line end. Only a word longer
     than the whole line wraps inside, where the line ends. */
  .w {
    display: inline-block;
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
  .sp {
    white-space: pre-wrap;
  }
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
  .levels > li {
    margin-block-end: 0.75em;
  }
  .level-name {
    margin-block: 0 0.25em;
  }
  .desks {
    /* not "none", which makes Safari drop the list semantics */
    list-style-type: '';
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .speech {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block: 0.5em;
  }
  .s.now {
    background: var(--_notice-bg);
    outline: 2px solid var(--_notice-border);
    border-radius: 2px;
  }
  /* Holds space while the data loads, so the page below does not jump when the text arrives. */
  .loading {
    color: var(--_text-subtle);
    min-height: 60em;
  }
  @media (forced-colors: active) {
    .term {
      color: LinkText;
    }
    .s.now {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
      outline-color: CanvasText;
    }
    .tip {
      border-color: CanvasText;
    }
  }
`;
