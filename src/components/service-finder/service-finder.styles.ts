import {css} from 'lit';

export const styles = css`
  .finder {
    display: grid;
    /* minmax(0, …): long words and wide buttons wrap instead of widening the page (320 px, 200% text). */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.4;
    text-wrap: balance;
  }
  .title {
    font-size: var(--_font-size-xl);
  }
  .browse-title {
    font-size: var(--_font-size-l);
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
  }
  .label {
    font-weight: bold;
  }
  .hint {
    margin: 0;
    color: var(--_text-subtle);
    font-size: var(--_font-size-s);
  }
  .search-row {
    display: flex;
    gap: 0.5em;
    flex-wrap: wrap;
  }
  input[type='search'],
  select {
    min-width: 0;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  input[type='search'] {
    flex: 1 1 12em;
    min-height: 48px;
    padding: 0.4em 0.75em;
    font-size: 1.125em;
  }
  input[type='search']:focus-visible {
    border-color: var(--_focus);
  }
  /* The filter panel and the need groups of the browse page: boxes that open. */
  .filters,
  .group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0 1em;
  }
  .filters[open],
  .group[open] {
    padding-bottom: 1em;
  }
  /* Block, not flex: the name, its ruby and the count flow and wrap as text. In flex each ruby
     word was an item of its own, and a need's name stood in a column on a phone at 200% text. */
  summary {
    cursor: pointer;
    box-sizing: border-box;
    min-height: 44px;
    padding-block: 0.55em;
    font-weight: bold;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  /* The open/closed state as a shape of our own, the same in every browser. */
  summary::before {
    content: '▶';
    display: inline-block;
    font-size: 0.75em;
    margin-inline-end: 0.5em;
  }
  details[open] > summary::before {
    content: '▼';
  }
  /* Side by side when there is room, one above the other on a narrow screen or at large text. */
  .filter-grid {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    margin-block: 0.5em 1em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    flex: 1 1 16em;
    min-width: 0;
  }
  legend {
    font-weight: bold;
    padding: 0;
    margin-bottom: 0.25em;
  }
  .checks {
    display: grid;
    gap: 0.125em;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    cursor: pointer;
  }
  .check input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .select-label {
    display: block;
    font-size: var(--_font-size-s);
  }
  select {
    box-sizing: border-box;
    width: 100%;
    max-width: 100%;
    min-height: 44px;
    padding: 0.25em 0.5em;
  }
  .badge {
    /* A count is never broken (14 | こ). */
    white-space: nowrap;
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: var(--_font-size-s);
    font-weight: bold;
  }
  .count {
    margin: 0;
    font-weight: bold;
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  /* While the data loads, hold about the height of the need list that replaces it, so the
     page below does not jump when it arrives (no layout shift). */
  .loading {
    color: var(--_text-subtle);
    min-height: 50em;
  }
  .groups {
    display: grid;
    /* As .finder: a need's name wraps rather than widening the page (320 px with text spacing). */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
  }
  .more {
    justify-self: start;
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
