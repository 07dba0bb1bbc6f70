/**
 * The base of every widget: reading preferences, localisation, shared styles and the
 * define guard. Behaviour that not every widget needs lives in controllers instead.
 */
import {html, LitElement, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues} from 'lit';
import {updateWhenLocaleChanges} from '@lit/localize';
import '../core/i18n/localization.js';
import {pick} from '../core/data/text.js';
import type {Text} from '../core/data/types.js';
import {resumeOutbox} from '../core/outbox/resume.js';
import {VERSION} from '../version.js';
import {defineElement} from './define.js';
import {ReadingController} from './reading-controller.js';
import {ruby} from './ruby.js';
import type {Segment} from '../core/text/ruby.js';
import {baseStyles, tokens} from './styles.js';

// Resumes delivery of help requests queued on this device; the outbox code loads only if one waits.
resumeOutbox();

/**
 * Dispatches a `fukushi-*` event from a widget, bubbling out of its shadow root; controllers fire
 * their widget's events with it. Outside the class so the manifest analyzer does not list a
 * generic event named "type".
 */
export function dispatch<T>(target: EventTarget, type: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, {detail, bubbles: true, composed: true, cancelable: true}));
}

export class FukushiElement extends LitElement {
  /** The library version, read by the define guard of a second copy on the page. */
  static readonly version = VERSION;

  static override styles: CSSResultGroup = [tokens, baseStyles];

  // Static properties rather than decorators: the decorator helpers would add to every page.
  static override properties: PropertyDeclarations = {locale: {}, furigana: {}};

  /** Defines the element under `tag` unless that tag is taken; never throws. */
  static define(tag: string): boolean {
    return defineElement(tag, this);
  }

  /**
   * The page's default reading mode: `ja`, `ja-x-easy` (やさしい日本語) or `en`.
   * If widgets disagree, the first one on the page wins; a resident's own choice wins over both.
   */
  declare locale?: string;

  /** The page's default for furigana: `on` or `off`. Without it, furigana is on in easy Japanese. */
  declare furigana?: string;

  protected readonly reading = new ReadingController(this);

  constructor() {
    super();
    // Instead of the @localized() decorator, so that decorator order cannot break elements that
    // were in the HTML before the definition (docs/architecture.md, "Toolchain notes").
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('locale') || changed.has('furigana')) this.reading.declare();
  }

  /** Renders text that may hold ruby notation, with furigana as the reader chose. */
  protected renderText(notation: string | readonly Segment[] | undefined | null, grade?: number) {
    return ruby(notation, {furigana: this.reading.furigana, grade, join: this.reading.easy});
  }

  /**
   * A dataset text in the reader's mode, and the `lang` to mark it with: its own language where it
   * fell back to another (an English page showing Japanese), else `nothing`.
   */
  protected pickText(text: Text | undefined): {value: string; lang: 'ja' | 'en' | typeof nothing} {
    const picked = pick(text, this.reading.locale);
    return {value: picked.value, lang: picked.lang === this.reading.lang ? nothing : picked.lang};
  }

  /** Renders a dataset text in the reader's mode with furigana as the reader chose, in a <span lang> where it fell back. */
  protected renderDataText(text: Text | undefined) {
    const {value, lang} = pick(text, this.reading.locale);
    const rendered = this.renderText(value);
    return lang === this.reading.lang ? rendered : html`<span lang=${lang}>${rendered}</span>`;
  }

  /** Dispatches a `fukushi-*` event that bubbles out of the shadow root. */
  protected emit<T>(type: string, detail: T): boolean {
    return dispatch(this, type, detail);
  }
}
