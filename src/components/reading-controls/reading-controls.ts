import {html, css, nothing} from 'lit';
import {msg} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {LOCALES, type Locale} from '../../core/prefs/prefs.js';

/**
 * Each language is named in itself, so a reader who cannot read the current one finds theirs;
 * in ruby notation, so that 日本語 has its reading where furigana is on.
 */
const LANGUAGE_NAMES: Record<Locale, {label: string; lang: string}> = {
  ja: {label: '日本語《にほんご》', lang: 'ja'},
  'ja-x-easy': {label: 'やさしい にほんご', lang: 'ja'},
  en: {label: 'English', lang: 'en'},
};

/**
 * The reading switch: language (日本語 / やさしい日本語 / English) and furigana.
 * Every widget shows one; a page can also place one on its own, for example in its header,
 * and then the widgets' own switches step aside.
 * A choice applies at once to every widget on the page and is remembered on this device.
 *
 * @tagname fukushi-reading-controls
 * @summary Switches the reading mode and furigana of every widget on the page.
 *
 * @csspart group - The row of language buttons.
 * @csspart language-button - Each language button.
 * @csspart furigana-button - The furigana toggle.
 *
 * @cssprop [--fukushi-color-primary=#0031d8] - Colour of the selected language.
 */
export class FukushiReadingControls extends FukushiElement {
  static override styles = [
    ...(FukushiElement.styles as never[]),
    css`
      .controls,
      .group {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.5em;
        align-items: center;
      }
      .label,
      .button {
        font-size: var(--_font-size-s);
      }
      .label {
        color: var(--_text-subtle);
      }
      [aria-pressed='true'] .check::before {
        content: '✓ ';
      }
    `,
  ];

  override render() {
    if (this.#redundant) return nothing;
    const {locale, furigana} = this.reading;
    return html`
      <div class="controls" lang=${this.reading.lang}>
        <div class="group" role="group" aria-labelledby="language-label" part="group">
          <span class="label" id="language-label">${msg('表示する言葉')}</span>
          ${LOCALES.map(
            (code) => html`<button
              type="button"
              class="button secondary"
              part="language-button"
              lang=${LANGUAGE_NAMES[code].lang}
              aria-pressed=${locale === code ? 'true' : 'false'}
              @click=${() => this.reading.chooseLocale(code)}
            >
              ${this.renderText(LANGUAGE_NAMES[code].label)}
            </button>`,
          )}
        </div>
        <button
          type="button"
          class="button secondary"
          part="furigana-button"
          aria-pressed=${furigana ? 'true' : 'false'}
          @click=${() => this.reading.chooseFurigana(!furigana)}
        >
          <span class="check" aria-hidden="true"></span>${msg('ふりがな')}
        </button>
      </div>
    `;
  }

  /**
   * A widget's own switch steps aside when the page has its own (for example in its header):
   * one switch per page is enough, and it acts on every widget anyway.
   */
  get #redundant(): boolean {
    return this.getRootNode() instanceof ShadowRoot && document.querySelector('fukushi-reading-controls') !== null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fukushi-reading-controls': FukushiReadingControls;
  }
}
