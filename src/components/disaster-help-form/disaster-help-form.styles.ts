import {css} from 'lit';

// Buttons, notices, phone links and .visually-hidden come from src/ui/styles.ts. These rules are
// what shows before the form's code has loaded (phone numbers, notices); the form's own rules
// load with that code (fields.styles.ts).
export const styles = css`
  .root {
    /* Japanese phrases (word-break: auto-phrase) may still break at 200–400% text on a phone. */
    overflow-wrap: anywhere;
  }
  fukushi-reading-controls {
    margin-block: 1em;
  }
  .emergency {
    font-size: 1.125em;
  }
  .big-phones {
    list-style: none;
    padding: 0;
  }
  .big-phones .phone {
    display: inline-block;
    min-height: 44px;
    font-size: 2em;
  }
  .button {
    /* One line of text with ruby, not a row of flex items (the shared .button is inline-flex). */
    display: inline-block;
    margin: 0.25em 0.5em 0.25em 0;
  }
`;
