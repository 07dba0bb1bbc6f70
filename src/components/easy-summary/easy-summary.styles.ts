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
    .s.now {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
      outline-color: CanvasText;
    }
  }
`;
