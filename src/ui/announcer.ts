/**
 * A polite live region in the widget's own shadow root. Messages can be debounced so that
 * a screen reader hears the settled result ("3件見つかりました"), not every keystroke.
 */
import {html, type ReactiveController, type ReactiveControllerHost} from 'lit';

export class Announcer implements ReactiveController {
  #message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #toggle = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** Announces `text` politely, after `delay` ms of quiet (later calls replace earlier ones). */
  announce(text: string, delay = 0) {
    clearTimeout(this.#timer);
    const apply = () => {
      // Screen readers skip a repeat of identical text; alternate a zero-width suffix.
      this.#toggle = !this.#toggle;
      this.#message = text + (this.#toggle ? '' : '\u200b');
      this.#host.requestUpdate();
    };
    if (delay > 0) this.#timer = setTimeout(apply, delay);
    else apply();
  }

  /** The live region; render it on the first render so that later changes are announced. */
  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#message}</div>`;
  }
}
