/**
 * Loads the widget's dataset (its `src`, else the page's `<meta name="fukushi-widgets:src">`,
 * else the built-in one) and re-renders the widget when it arrives or fails. Widgets read
 * `data`, `error` and `url`, and await `ready`.
 */
import type {ReactiveControllerHost} from 'lit';
import {datasetUrl, isBuiltinDataset, loadDataset, type DatasetError} from '../core/data/loader.js';
import type {Dataset} from '../core/data/types.js';
import {JsonController} from './json-controller.js';

/** What a resident gets when this dataset fails (ui/fallback.ts decides it the same way). */
const residentsSee = (error: DatasetError) =>
  error.fallback
    ? `the dataset's fallback number (${error.fallback.phone}) and the page's own content inside the widget`
    : isBuiltinDataset(error.url)
      ? "the city's main number"
      : "only the page's own content inside the widget (no number is known: add one there, e.g. <p>電話 …</p>)";

/** Editors see the full problem list in the console. */
function describe(error: DatasetError) {
  const lines = error.problems.slice(0, 50).map((p) => `  ${p.path}: ${p.message} → ${p.fix}`);
  return (
    `fukushi-widgets: the dataset ${error.url} could not be used: ${error.message}.` +
    (lines.length ? `\n${lines.join('\n')}${error.problems.length > 50 ? `\n  … and ${error.problems.length - 50} more` : ''}` : '') +
    `\nResidents see ${residentsSee(error)} instead. Check the file with \`npx fukushi-widgets validate FILE\`.`
  );
}

/** The controller of a widget's dataset. */
export const datasetController = (host: ReactiveControllerHost & {src?: string | undefined}) =>
  new JsonController<Dataset>(host, {url: () => datasetUrl(host.src), load: loadDataset, report: describe});
