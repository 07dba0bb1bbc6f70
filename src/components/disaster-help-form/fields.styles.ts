import {css} from 'lit';

// The form's own rules: steps, fields, answers, the queue and the draft note. They load with
// form-code.ts, which draws all of these (ui/lazy.ts adopts them).
export const styles = css`
  .answers,
  .draft,
  .queue,
  .geo,
  .nearest {
    margin-block: 1em;
  }
  .answers,
  .draft {
    border-block-start: 1px solid var(--_border);
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
  .step-h,
  .receipt {
    font-size: var(--_font-size-xl);
  }
  .field,
  .group {
    margin: 0 0 1.5em;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .group,
  .invalid {
    border-inline-start: 4px solid var(--_surface);
    padding-inline-start: 0.75em;
  }
  .field.invalid {
    border-color: var(--_error);
  }
  label,
  legend,
  dt {
    display: block;
    font-weight: bold;
    margin-block-end: 0.25em;
    padding: 0;
  }
  .shelter-name,
  .shelter-meta,
  .tag {
    display: block;
  }
  .shelter-name {
    font-weight: bold;
  }
  .badge,
  .shelter-meta,
  .tag {
    font-size: var(--_font-size-s);
  }
  .badge {
    white-space: nowrap;
  }
  .required,
  .error-message,
  .error-summary a {
    color: var(--_error);
    font-weight: bold;
  }
  .optional,
  .hint,
  .caption {
    color: var(--_text-subtle);
    font-weight: normal;
  }
  .hint,
  .error-message,
  .caption {
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
  .tel,
  .kana {
    max-width: 16em;
  }
  .num,
  .date input {
    max-width: 5em;
  }
  .date .year {
    max-width: 7em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error) !important;
  }
  .date,
  .choice,
  .answers-head {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .answers-head {
    justify-content: space-between;
    align-items: baseline;
    row-gap: 0;
  }
  .date label,
  .choice label {
    font-weight: normal;
  }
  .choice {
    flex-wrap: nowrap;
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
    flex: 1;
    min-width: 0;
    padding-block: 0.35em;
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
  dd {
    margin: 0 0 0.5em;
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
