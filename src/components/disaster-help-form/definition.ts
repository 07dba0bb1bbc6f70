/**
 * The help form's definition (core/help-request/form-definition.ts): the element's `form-src`,
 * else the page's `<meta name="fukushi-widgets:form-src">`, else, for the built-in dataset only,
 * Nishitokyo's definition next to the script. A town's own dataset never gets Nishitokyo's
 * rules (手帳 names, subsidies, addresses): without a definition of its own the form says it
 * is not available there and shows the dataset's number. A definition that did not go through
 * `fukushi-widgets build-help-form` (which adds every reading) is refused, and residents see
 * phone numbers.
 */
import type {ReactiveControllerHost} from 'lit';
import {datasetUrl, DatasetError, isBuiltinDataset, loadJson, pageSetting} from '../../core/data/loader.js';
import type {FormDefinition} from '../../core/help-request/form-definition.js';
import {JsonController} from '../../ui/json-controller.js';

// Built without a string literal so that bundlers leave the URL alone (as the dataset's).
const BUILTIN = ['data', 'help-form.json'].join('/');

const loadDefinition = (url: string) =>
  loadJson(url).then((definition) => {
    if ((definition as FormDefinition | null)?.readings_complete !== true) {
      throw new DatasetError('schema', url, 'not built by `fukushi-widgets build-help-form`');
    }
    return definition as FormDefinition;
  });

/** Loads the form definition for `host`; `loaded` runs as it arrives, before the form re-renders. */
export const definitionController = (host: ReactiveControllerHost & {formSrc?: string | undefined; src?: string | undefined}, loaded: () => void) =>
  new JsonController<FormDefinition>(host, {
    url: () => host.formSrc || pageSetting('form-src') || (isBuiltinDataset(datasetUrl(host.src)) ? new URL(BUILTIN, import.meta.url).href : undefined),
    load: loadDefinition,
    report: (error, url) => `fukushi-widgets: help form definition ${url}: ${error.message}; residents see phone numbers instead.`,
    loaded,
  });
