/**
 * The base of every widget: reading preferences, localisation, shared styles and the
 * define guard. Behaviour that not every widget needs lives in controllers instead.
 */
import {LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues} from 'lit';
import {updateWhenLocaleChanges} from '@lit/localize';
import '../core/i18n/localization.js';
import {resumeOutbox} from '../core/outbox/resume.js';
import {VERSION} from '../version.js';
import {defineElement} from './define.js';
import {ReadingController} from './reading-controller.js';
import {ruby} from './ruby.js';
import {baseStyles, tokens} from './styles.js';

// Resumes delivery of help requests queued on this device; the outbox code loads only if one waits.
resumeOutbox();

// Outside the class so the manifest analyzer does not list a generic event named "type".
function dispatch<T>(target: EventTarget, type: string, detail: T): boolean {
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
    // Instead of the @localized() decorator, so that decorator order cannot break
    // elements that were in the HTML before the definition (see toolchain notes).
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('locale') || changed.has('furigana')) this.reading.declare();
  }

  /** Renders text that may hold ruby notation, with furigana as the reader chose. */
  protected renderText(notation: string | undefined | null, grade?: number) {
    return ruby(notation, {furigana: this.reading.furigana, grade});
  }

  /** Dispatches a `fukushi-*` event that bubbles out of the shadow root. */
  protected emit<T>(type: string, detail: T): boolean {
    return dispatch(this, type, detail);
  }
}
