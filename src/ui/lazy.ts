/**
 * Code a widget needs to show its data, but not to start: it loads as the widget connects, in
 * parallel with the data, so that a page's start-up script stays small and the code is ready
 * (offline too) right after the first render. Every widget of a page shares one import.
 */
import {adoptStyles, type CSSResult, type ReactiveController, type ReactiveControllerHost, type ReactiveElement} from 'lit';

export interface Lazy<T> {
  /** The module, once it has loaded. */
  readonly module: T | undefined;
  /** Loads it (once; again after a failure). */
  load(): Promise<T>;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let module: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get module() {
      return module;
    },
    load() {
      pending ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}

/**
 * Loads a lazy module as its widget connects and renders the widget again when it arrives.
 * `failed` is true when it could not be loaded (offline before it ever loaded): the widget
 * shows its fallback, and the next connection tries again.
 */
export class LazyController<T> implements ReactiveController {
  /** Resolves when the module has loaded or failed. */
  ready: Promise<void> = Promise.resolve();
  failed = false;
  /** Why it failed (the browser's message), for the editor in debug mode. */
  reason = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly code: Lazy<T>,
  ) {
    host.addController(this);
  }

  get module(): T | undefined {
    return this.code.module;
  }

  hostConnected() {
    this.#adoptStyles();
    this.retry();
  }

  /**
   * A module that draws part of the widget may bring that part's rules (`export const styles`):
   * they join the widget's own styles as it loads, before it draws anything with them.
   */
  #adoptStyles() {
    const styles = (this.code.module as {styles?: CSSResult} | undefined)?.styles;
    const host = this.host as ReactiveControllerHost & ReactiveElement;
    if (!styles || !(host.renderRoot instanceof ShadowRoot)) return;
    adoptStyles(host.renderRoot, [...(host.constructor as typeof ReactiveElement).elementStyles, styles]);
  }

  /** Loads the module again after a failure (the notice's retry button). */
  retry() {
    if (this.code.module) return;
    this.ready = this.code.load().then(
      () => {
        this.failed = false;
        this.#adoptStyles();
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.failed = true;
        this.reason = error instanceof Error ? error.message : String(error);
        this.host.requestUpdate();
      },
    );
  }
}
