/**
 * Loads a JSON file for a widget, modelled on @lit/task (which would add more than a kilobyte to
 * every widget): it loads when the widget connects and again whenever the URL changes, re-renders
 * the widget when the file has arrived or failed, and loads again on `retry()`. Every failure is a
 * DatasetError, reported to editors once per URL. Widgets read `data` and `error`, and await `ready`.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {DatasetError} from '../core/data/loader.js';
import {nextTask} from './next-task.js';
import {reportOnce} from './report.js';

export interface JsonTask<T> {
  /** The URL to load, read before every update of the widget; undefined when there is nothing to load. */
  url: () => string | undefined;
  /** Fetches and checks the file; rejects with a DatasetError. */
  load: (url: string) => Promise<T>;
  /** What editors read in the console when the file at `url` cannot be used. */
  report: (error: DatasetError, url: string) => string;
  /** Runs as the file arrives, before the widget re-renders. */
  loaded?: (data: T) => void;
}

export class JsonController<T> implements ReactiveController {
  data: T | undefined;
  error: DatasetError | undefined;
  /** Resolves when the current file has loaded or failed. */
  ready: Promise<void> = Promise.resolve();
  #url: string | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #task: JsonTask<T>;

  constructor(host: ReactiveControllerHost, task: JsonTask<T>) {
    this.#host = host;
    this.#task = task;
    host.addController(this);
  }

  hostConnected() {
    this.#load();
  }

  hostUpdate() {
    this.#load();
  }

  /** The URL of the file loaded (or being loaded), once the widget has connected. */
  get url(): string | undefined {
    return this.#url;
  }

  /** Loads again after a failure (a retry button). */
  retry() {
    this.#url = undefined;
    this.#load();
    this.#host.requestUpdate();
  }

  #load() {
    const url = this.#task.url();
    if (url === this.#url) return;
    this.#url = url;
    this.data = this.error = undefined;
    if (url === undefined) {
      this.ready = Promise.resolve();
      return;
    }
    this.ready = this.#task
      .load(url)
      .then(
        (data) => {
          if (this.#url !== url) return;
          this.data = data;
          this.#task.loaded?.(data);
        },
        (error: unknown) => {
          if (this.#url !== url) return;
          this.error = error instanceof DatasetError ? error : new DatasetError('network', url, String(error));
          reportOnce(this.#task.report(this.error, url), url);
        },
      )
      // Widgets on one page await the same file: each renders in a task of its own, not all in one.
      .then(nextTask)
      .finally(() => this.#host.requestUpdate());
  }
}
