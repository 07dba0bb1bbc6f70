/**
 * Loads the widget's dataset (its `src`, or the built-in one) and re-renders the widget when it
 * arrives or fails. Widgets read `data`, `error` and await `ready`.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {builtinDatasetUrl, DatasetError, loadDataset} from '../core/data/loader.js';
import type {Dataset} from '../core/data/types.js';
import {nextTask} from './next-task.js';

const reported = new Set<string>();

/** Editors see the full problem list in the console, once per dataset URL. */
function report(error: DatasetError) {
  if (reported.has(error.url)) return;
  reported.add(error.url);
  const lines = error.problems.slice(0, 50).map((p) => `  ${p.path}: ${p.message} → ${p.fix}`);
  console.error(
    `fukushi-widgets: the dataset ${error.url} could not be used: ${error.message}.` +
      (lines.length ? `\n${lines.join('\n')}${error.problems.length > 50 ? `\n  … and ${error.problems.length - 50} more` : ''}` : '') +
      '\nResidents see the city\'s phone number instead. Check the file with `npx fukushi-widgets validate FILE`.',
  );
}

export class DatasetController implements ReactiveController {
  data: Dataset | undefined;
  error: DatasetError | undefined;
  /** Resolves when the current dataset has loaded or failed. */
  ready: Promise<void> = Promise.resolve();
  private url: string | undefined;

  constructor(private readonly host: ReactiveControllerHost & {src?: string | undefined}) {
    host.addController(this);
  }

  hostConnected() {
    this.sync();
  }

  hostUpdate() {
    this.sync();
  }

  get state(): 'loading' | 'ready' | 'error' {
    return this.error ? 'error' : this.data ? 'ready' : 'loading';
  }

  /** Loads again after a failure (a retry button). */
  retry() {
    this.url = undefined;
    this.sync();
    this.host.requestUpdate();
  }

  private sync() {
    const url = this.host.src || builtinDatasetUrl();
    if (url === this.url) return;
    this.url = url;
    this.data = undefined;
    this.error = undefined;
    this.ready = loadDataset(url).then(
      (data) => {
        if (this.url === url) this.data = data;
      },
      (error: unknown) => {
        if (this.url !== url) return;
        this.error = error instanceof DatasetError ? error : new DatasetError('network', url, String(error));
        report(this.error);
      },
    )
      // Every widget awaits the same dataset: each renders in a task of its own, not all in one.
      .then(nextTask)
      .finally(() => this.host.requestUpdate());
  }
}
