import {css} from 'lit';

export const styles = css`
  .root {
    /* Japanese phrases (word-break: auto-phrase) may still break at 200–400% text on a phone. */
    overflow-wrap: anywhere;
  }
  form {
    margin: 0;
  }
  fukushi-reading-controls {
    margin-block-end: 1em;
  }
  .caption {
    color: var(--_text-subtle);
    margin: 0;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-size: var(--_font-size-l);
    line-height: 1.4;
    margin: 0.5em 0;
  }
  .step-h {
    font-size: var(--_font-size-xl);
  }
  .field,
  .group {
    margin: 0 0 1.5em;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .group {
    border-inline-start: 4px solid var(--_surface);
    padding-inline-start: 0.75em;
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75em;
  }
  label,
  legend {
    display: block;
    font-weight: bold;
    margin-block-end: 0.25em;
    padding: 0;
  }
  .badge {
    font-size: var(--_font-size-s);
    white-space: nowrap;
  }
  .badge.required {
    color: var(--_error);
  }
  .badge.optional {
    color: var(--_text-subtle);
    font-weight: normal;
  }
  .hint {
    color: var(--_text-subtle);
    margin: 0 0 0.4em;
  }
  .error-message {
    color: var(--_error);
    font-weight: bold;
    margin: 0 0 0.4em;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    display: block;
    min-height: 44px;
    width: 100%;
    max-width: 30em;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: 4px;
    background: var(--_bg);
  }
  input.tel,
  input.kana {
    max-width: 16em;
  }
  input.num,
  .date input {
    max-width: 5em;
  }
  .date input.year {
    max-width: 7em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error) !important;
  }
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .date label {
    font-weight: normal;
  }
  .choices {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    min-height: 44px;
  }
  .choice input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0.4em 0 0;
    accent-color: var(--_primary);
  }
  .choice label {
    font-weight: normal;
    padding-block: 0.35em;
    flex: 1;
    min-width: 0;
  }
  .shelter-name {
    font-weight: bold;
  }
  .shelter-meta,
  .tag {
    display: block;
    font-size: var(--_font-size-s);
  }
  .error-summary {
    border: 4px solid var(--_error);
    padding: 1em;
    margin-block-end: 1.5em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: bold;
  }
  .link {
    background: none;
    border: 0;
    padding: 0.5em 0.25em;
    min-height: 44px;
    min-width: 44px;
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .back::before {
    content: '‹ ';
  }
  .submit {
    margin-block: 0.5em 1.5em;
  }
  .answers {
    border-block-start: 1px solid var(--_border);
    margin-block-end: 1em;
  }
  .answers-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0 1em;
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: bold;
  }
  dd {
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
  }
  .emergency {
    font-size: 1.125em;
  }
  .big-phones {
    list-style: none;
    padding: 0;
    margin: 0.5em 0;
  }
  .big-phones .phone {
    display: inline-block;
    font-size: 2em;
    min-width: 3em;
    min-height: 44px;
  }
  .receipt {
    font-size: var(--_font-size-xl);
    overflow-wrap: anywhere;
  }
  .draft,
  .queue,
  .geo,
  .nearest {
    margin-block: 1em;
  }
  .draft {
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.5em;
  }
  .button {
    margin: 0.25em 0.5em 0.25em 0;
  }
  .queue li {
    margin-block-end: 0.5em;
  }
  @media (forced-colors: active) {
    .error-summary,
    .field.invalid {
      border-color: CanvasText;
    }
    .link {
      color: LinkText;
    }
  }
`;
