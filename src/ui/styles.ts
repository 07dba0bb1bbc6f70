/**
 * Design tokens and the base styles every widget shares.
 *
 * Public tokens are `--fukushi-*` custom properties; each has a private twin (`--_x`) so a page
 * can set the public one on any ancestor (even `:root`) and still override our default.
 * Text sizes are in em from a host size of at least 16px, so a host page with
 * `html { font-size: 62.5% }` cannot shrink widget text below 14px.
 */
import {css} from 'lit';

export const tokens = css`
  :host {
    --_text: var(--fukushi-color-text, #1a1a1a);
    --_text-subtle: var(--fukushi-color-text-subtle, #4d4d4d);
    --_bg: var(--fukushi-color-bg, #ffffff);
    --_surface: var(--fukushi-color-surface, #f3f5f9);
    --_border: var(--fukushi-color-border, #767676);
    --_primary: var(--fukushi-color-primary, #0031d8);
    --_primary-hover: var(--fukushi-color-primary-hover, #0017c1);
    --_on-primary: var(--fukushi-color-on-primary, #ffffff);
    --_link: var(--fukushi-color-link, #0031d8);
    --_link-visited: var(--fukushi-color-link-visited, #5c10be);
    --_error: var(--fukushi-color-error, #c70000);
    --_error-bg: var(--fukushi-color-error-bg, #fdeeee);
    --_success: var(--fukushi-color-success, #1a7a49);
    --_success-bg: var(--fukushi-color-success-bg, #e9f6ee);
    --_notice-bg: var(--fukushi-color-notice-bg, #fff5cc);
    --_notice-border: var(--fukushi-color-notice-border, #8a6d00);
    --_focus: var(--fukushi-color-focus, #000000);
    --_focus-halo: var(--fukushi-color-focus-halo, #ffd43d);
    --_radius: var(--fukushi-radius, 8px);
    --_space: var(--fukushi-space, 1em);
    --_font-family: var(--fukushi-font-family, inherit);
    --_line-height: var(--fukushi-line-height, 1.7);
    --_ruby-line-height: var(--fukushi-ruby-line-height, 2.2);
    --_font-size-s: var(--fukushi-font-size-s, 0.875em);
    --_font-size-l: var(--fukushi-font-size-l, 1.25em);
    --_font-size-xl: var(--fukushi-font-size-xl, 1.5em);
  }
`;

export const baseStyles = css`
  /* Host pages style the host element too ("* { font: inherit }", a 62.5% root, light text on
     dark): a page's rule beats :host, except that an !important :host rule beats the page. So the
     text essentials are !important here; editors change them through --fukushi-* tokens. */
  :host {
    display: block !important;
    box-sizing: border-box !important;
    /* Readable whatever the host's root size; grows with the reader's own text size. */
    font-size: max(var(--fukushi-font-size, 1rem), 16px) !important;
    font-family: var(--_font-family) !important;
    font-style: normal !important;
    font-weight: normal !important;
    line-height: var(--_line-height) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    /* Text and background as a pair, so contrast holds on any page. */
    color: var(--_text) !important;
    background: var(--_bg) !important;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Phrase-aware breaks keep words whole, but a phrase wider than the line (320 px at 200%
     text) may still break rather than push the page sideways. */
  [lang='ja'] {
    line-break: strict;
    word-break: auto-phrase;
    overflow-wrap: anywhere;
  }
  .easy {
    /* Easy Japanese is written with spaces between phrases: break only there. */
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
  .furigana-on {
    line-height: var(--_ruby-line-height);
  }
  ruby {
    ruby-position: over;
    /* A reading wider than its word leaves room around the word, not between its characters:
       「身 体 障 害 者 手 帳」 would read as seven words among the spaces of easy Japanese. */
    ruby-align: center;
    /* A word with its reading is one unit at a line end: a ruby broken across lines parts the
       reading from its characters (東京都西東京市住 | 吉町 under one reading). */
    white-space: nowrap;
  }
  rt {
    font-size: max(0.5em, 11px);
    line-height: 1;
    /* Proportional kana: a long reading (しょうがいしゃ) is narrower and needs less room. */
    font-feature-settings: 'palt';
    /* Copied text keeps the words, not their readings (WebKit knows only the prefixed name). */
    -webkit-user-select: none;
    user-select: none;
    font-weight: normal;
  }
  a {
    color: var(--_link);
    text-underline-offset: 0.2em;
  }
  a:visited {
    color: var(--_link-visited);
  }
  a:hover {
    text-decoration-thickness: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus-halo);
    border-radius: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    min-width: 44px;
    padding: 0.4em 1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: bold;
    cursor: pointer;
    text-decoration: none;
  }
  .button:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .button.secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  .button.secondary:hover {
    background: var(--_surface);
  }
  .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  @media (forced-colors: active) {
    .button,
    .button.secondary {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
      forced-color-adjust: none;
    }
    .button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
    :focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Notices (errors, warnings, successes) and phone links, shared by the widgets. */
export const noticeStyles = css`
  .notice {
    border: 2px solid var(--_border);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin-block: 0.75em;
    background: var(--_bg);
  }
  .notice > :first-child {
    margin-top: 0;
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  .notice.error {
    border-color: var(--_error);
    background: var(--_error-bg);
  }
  .notice.warning {
    border-color: var(--_notice-border);
    background: var(--_notice-bg);
  }
  .notice.success {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  .phone {
    font-weight: bold;
    font-size: 1.125em;
    /* Kept whole (moved to the next line) where it fits; on a phone at 200% text it breaks
       after a hyphen (042-464- | 1311) rather than running off the screen. */
    display: inline-block;
    font-variant-numeric: tabular-nums;
  }
  .debug {
    font-size: var(--_font-size-s);
    margin-top: 0.75em;
  }
  @media (forced-colors: active) {
    .notice {
      border-color: CanvasText;
    }
  }
`;
