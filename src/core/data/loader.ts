/**
 * Loads a dataset by URL, validates it and caches it per URL for every widget on the page.
 * Datasets from `build-data` (validated there) get a structural check; others the full validator.
 * Every failure becomes a typed DatasetError; callers never see a raw exception.
 */
import type {Dataset, FallbackContact} from './types.js';
import {builtAndSound} from './quick-check.js';
import type {Problem} from './validate.js';

export type DatasetErrorKind = 'network' | 'http' | 'json' | 'schema';

export class DatasetError extends Error {
  constructor(
    readonly kind: DatasetErrorKind,
    readonly url: string,
    message: string,
    readonly problems: readonly Problem[] = [],
    readonly status?: number,
    /** The dataset's own fallback number, when the file was readable and that part of it is sound. */
    readonly fallback?: FallbackContact,
  ) {
    super(message);
    this.name = 'DatasetError';
  }
}

// Built without a string literal so that bundlers leave the URL alone: the dataset is a file
// next to the script (dist/data/nishitokyo.json), fetched at run time, never inlined.
const BUILTIN = ['data', 'nishitokyo.json'].join('/');

/** The built-in Nishitokyo dataset, next to the script that defines the widgets. */
export function builtinDatasetUrl(): string {
  return new URL(BUILTIN, import.meta.url).href;
}

/**
 * A page-wide setting an editor writes once, as `<meta name="fukushi-widgets:src" content="…">`
 * (every widget's dataset) or `fukushi-widgets:form-src` (every help form's definition).
 * URLs are resolved against the page.
 */
export function pageSetting(name: 'src' | 'form-src'): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const content = document.querySelector(`meta[name="fukushi-widgets:${name}"]`)?.getAttribute('content')?.trim();
  return content ? new URL(content, document.baseURI).href : undefined;
}

/** The dataset a widget uses: its own `src`, else the page's, else the built-in one. */
export const datasetUrl = (src?: string): string => src || pageSetting('src') || builtinDatasetUrl();

/** True for the built-in dataset's URL: Nishitokyo's own facts apply only then. */
export const isBuiltinDataset = (url: string): boolean => new URL(url, globalThis.location?.href).href === builtinDatasetUrl();

const cache = new Map<string, Promise<unknown>>();
const TIMEOUT_MS = 20000;

/** Fetches and parses a JSON file; every failure is a DatasetError. */
async function fetchJson(url: string): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {signal: controller.signal, credentials: 'same-origin'});
  } catch (error) {
    throw new DatasetError('network', url, `could not fetch the dataset (${(error as Error).name === 'AbortError' ? 'timed out' : 'network error'})`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new DatasetError('http', url, `the server answered ${response.status}`, [], response.status);
  let data: unknown;
  try {
    data = await response.json();
  } catch (error) {
    throw new DatasetError('json', url, `the file is not valid JSON (${(error as Error).message})`);
  }
  return data;
}

/** A dataset with problems may still hold a sound fallback number: residents get it. */
function soundFallback(data: unknown, problems: readonly Problem[]): FallbackContact | undefined {
  if (problems.some((p) => p.path === '$' || p.path.startsWith('$.fallback_contact'))) return undefined;
  return (data as {fallback_contact?: FallbackContact}).fallback_contact;
}

async function fetchDataset(url: string): Promise<Dataset> {
  const data = await fetchJson(url);
  // Built data was validated by build-data; anything else (or anything odd) gets the full
  // validator, which loads only then.
  if (builtAndSound(data)) return data;
  const {validateDataset} = await import('./validate.js');
  const problems = validateDataset(data);
  if (problems.length) {
    throw new DatasetError('schema', url, `the dataset has ${problems.length} problem(s)`, problems, undefined, soundFallback(data, problems));
  }
  return data as Dataset;
}

/** Loads `url` once per page with `load`; a failed load is retried on the next call. */
function once<T>(url: string, load: (url: string) => Promise<T>, kind = ''): Promise<T> {
  const key = new URL(url, globalThis.location?.href).href;
  let pending = cache.get(kind + key) as Promise<T> | undefined;
  if (!pending) {
    pending = load(key);
    cache.set(kind + key, pending);
    pending.catch(() => cache.delete(kind + key));
  }
  return pending;
}

/** Loads and validates `url` once per page; a failed load is retried on the next call. */
export const loadDataset = (url: string = builtinDatasetUrl()): Promise<Dataset> => once(url, fetchDataset);

/**
 * Loads any JSON file once per page, the same way (a widget's other data, such as the help
 * form's definition); failures are DatasetErrors. The caller checks what it got.
 */
export const loadJson = (url: string): Promise<unknown> => once(url, fetchJson, 'json:');

/** Forgets cached datasets (tests, or a page that republished its data). */
export function clearDatasetCache() {
  cache.clear();
}
