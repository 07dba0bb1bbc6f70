/**
 * Moves focus after a render to an element the render made (a new step's heading, the error
 * summary, a status message), so that keyboard and screen-reader users continue where the
 * content changed. The page scrolls only when that element is off screen.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

export class FocusController implements ReactiveController {
  /** A selector in the widget's shadow root: what takes focus after the next render. */
  target?: string;

  readonly #host: ReactiveControllerHost & {renderRoot: ParentNode};

  constructor(host: ReactiveControllerHost & {renderRoot: ParentNode}) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated() {
    if (!this.target) return;
    const target = this.#host.renderRoot.querySelector<HTMLElement>(this.target);
    this.target = undefined;
    if (!target) return;
    target.tabIndex = -1;
    target.focus({preventScroll: true});
    const top = target.getBoundingClientRect().top;
    if (top < 0 || top > innerHeight - 40) target.scrollIntoView({block: 'start'});
  }
}
