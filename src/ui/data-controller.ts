/**
 * Loads the widget's dataset (its `src`, or the built-in one) and re-renders the widget when it
 * arrives or fails. Widgets read `data`, `error` and await `ready`.
 */
import type {ReactiveControllerHost} from 'lit';
import {builtinDatasetUrl, loadDataset, type DatasetError} from '../core/data/loader.js';
import type {Dataset} from '../core/data/types.js';
import {JsonController} from './json-controller.js';

/** Editors see the full problem list in the console. */
function describe(error: DatasetError) {
  const lines = error.problems.slice(0, 50).map((p) => `  ${p.path}: ${p.message} → ${p.fix}`);
  return (
    `fukushi-widgets: the dataset ${error.url} could not be used: ${error.message}.` +
    (lines.length ? `\n${lines.join('\n')}${error.problems.length > 50 ? `\n  … and ${error.problems.length - 50} more` : ''}` : '') +
    '\nResidents see the city\'s phone number instead. Check the file with `npx fukushi-widgets validate FILE`.'
  );
}

/** The controller of a widget's dataset: its `src`, or the built-in one. */
export const datasetController = (host: ReactiveControllerHost & {src?: string | undefined}) =>
  new JsonController<Dataset>(host, {url: () => host.src || builtinDatasetUrl(), load: loadDataset, report: describe});
