/**
 * The data build: merges a dataset folder, adds readings to every Japanese text, validates,
 * and writes one JSON file for the widgets. Fails, naming the text and the kanji, wherever a
 * reading is missing.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {basename, join} from 'node:path';
import type {Dataset} from '../core/data/types.js';
import {key, validateDataset, type Problem} from '../core/data/validate.js';
import {Annotator, loadTokenizer, readingsAdvice, type ReadingOverride} from './readings.js';
import {contextMisreadings} from './reading-rules.js';

export class DataFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** JSON.parse with the line and column of a syntax error. */
export function parseJsonFile(file: string): unknown {
  if (!existsSync(file)) throw new DataFileError('no such file', file);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    if (Number.isFinite(position)) {
      const before = text.slice(0, position);
      const line = before.split('\n').length;
      const column = position - before.lastIndexOf('\n');
      throw new DataFileError(`line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`, file);
    }
    throw new DataFileError(message, file);
  }
}

/**
 * Reads a dataset: one JSON file, or a folder of JSON files each holding some of the
 * top-level keys (lists with the same key are joined in file-name order).
 */
export function readDatasetSource(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new DataFileError('no such file or folder', path);
  if (!statSync(path).isDirectory()) return parseJsonFile(path) as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  const files = readdirSync(path).filter((f) => f.endsWith('.json')).sort();
  if (!files.length) throw new DataFileError('the folder has no .json files', path);
  for (const file of files) {
    const part = parseJsonFile(join(path, file));
    if (!part || typeof part !== 'object' || Array.isArray(part)) {
      throw new DataFileError('must be a JSON object whose keys are dataset fields (e.g. {"services": [...]})', join(path, file));
    }
    for (const [key, value] of Object.entries(part)) {
      if (Array.isArray(value) && Array.isArray(merged[key])) merged[key] = [...(merged[key] as unknown[]), ...value];
      else if (key in merged) throw new DataFileError(`"${key}" is also set in ${owner[key]}; keep it in one file`, join(path, file));
      else merged[key] = value;
      owner[key] ??= basename(file);
    }
  }
  return merged;
}

/**
 * Where a JSON path of a merged dataset folder comes from: the file, and the path inside it
 * ($.services[40] may be $.services[3] of the second file with services). Undefined for a file.
 */
export function locateInSource(path: string, jsonPath: string): {file: string; path: string} | undefined {
  if (!existsSync(path) || !statSync(path).isDirectory()) return undefined;
  const m = /^\$\.([A-Za-z_$][\w$]*)(?:\[(\d+)\])?/.exec(jsonPath);
  if (!m) return undefined;
  const [head, key, index] = m;
  let before = 0;
  for (const file of readdirSync(path).filter((f) => f.endsWith('.json')).sort()) {
    const value = (parseJsonFile(join(path, file)) as Record<string, unknown>)[key!];
    if (value === undefined) continue;
    if (index === undefined || !Array.isArray(value)) return {file: join(path, file), path: jsonPath};
    if (Number(index) < before + value.length) return {file: join(path, file), path: `$.${key}[${Number(index) - before}]${jsonPath.slice(head!.length)}`};
    before += value.length;
  }
  return undefined;
}

export function readOverrides(file: string): ReadingOverride[] {
  const data = parseJsonFile(file) as {readings?: ReadingOverride[]};
  const list = data.readings;
  if (!Array.isArray(list)) throw new DataFileError('must be {"readings": [{"text": "本町", "reading": "ほんちょう", …}]}', file);
  list.forEach((o, i) => {
    if (typeof o?.text !== 'string' || typeof o.reading !== 'string' || !/^[ぁ-ゖー]+$/.test(o.reading)) {
      throw new DataFileError(`$.readings[${i}] (entry ${i + 1}) needs "text" and a "reading" in hiragana`, file);
    }
    const [wrong] = contextMisreadings(`｜${o.text}《${o.reading}》`);
    if (wrong) throw new DataFileError(`$.readings[${i}] (entry ${i + 1}): ${wrong.message}. Correct its "reading".`, file);
  });
  return list;
}

const TEXT_KEYS = new Set(['ja', 'ja-x-easy', 'en', 'untranslated']);
const isText = (v: Record<string, unknown>) =>
  typeof v.ja === 'string' && Object.keys(v).every((k) => TEXT_KEYS.has(k));

export interface BuildReport {
  dataset: Dataset;
  problems: Problem[];
  texts: number;
  overridesUsed: Map<string, number>;
  unreviewedUsed: string[];
}

/**
 * Adds readings to every Japanese text and address, then validates. `overrides`: the town's own
 * readings list (the CLI's common words are always used under it), read from `readingsFile`.
 */
export async function buildDataset(source: Record<string, unknown>, overrides: ReadingOverride[], readingsFile?: string): Promise<BuildReport> {
  // Shape first: readings are pointless on data that does not validate.
  const shape = validateDataset(source);
  if (shape.length) return {dataset: source as unknown as Dataset, problems: shape, texts: 0, overridesUsed: new Map(), unreviewedUsed: []};

  const annotator = new Annotator(await loadTokenizer(), overrides, readingsFile);
  const dataset = structuredClone(source) as unknown as Dataset;
  const problems: Problem[] = [];
  let texts = 0;
  const annotate = (value: string, path: string) => {
    const {notation, missing, misread} = annotator.annotate(value);
    if (missing.length) {
      problems.push({
        path,
        message: `no reading for ${[...new Set(missing)].join('')} in "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`,
        fix: `write ｜漢字《かんじ》 in the text, or ${readingsAdvice(readingsFile)}`,
      });
    }
    for (const m of misread) problems.push({path, ...m});
    texts++;
    return notation;
  };
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (isText(record)) {
      for (const variant of ['ja', 'ja-x-easy'] as const) {
        if (typeof record[variant] === 'string') record[variant] = annotate(record[variant] as string, key(path, variant));
      }
      return;
    }
    for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`);
  };
  walk(dataset, '$');

  dataset.locations.forEach((location, i) =>
    location.addresses.forEach((a, j) => {
      const full = `${a.state_province}${a.city}${a.address_1}${a.address_2 ? ` ${a.address_2}` : ''}`;
      a.x_jp.ruby = annotate(full, `$.locations[${i}].addresses[${j}]`);
    }),
  );

  // Glossary readings are written by editors next to the term: the same context rules hold.
  dataset.glossary.forEach((entry, i) => {
    for (const {message} of contextMisreadings(`｜${entry.term}《${entry.reading}》`)) {
      problems.push({path: `$.glossary[${i}].reading`, message, fix: 'correct the reading of the term'});
    }
  });

  dataset.readings_complete = true;
  // A kanji reported above without a reading is not reported again by the validator's reading check.
  problems.push(...validateDataset(dataset).filter((p) => !problems.some((q) => q.path === p.path)));
  const unreviewed = new Set(overrides.filter((o) => o.status !== 'reviewed').map((o) => o.text));
  return {
    dataset,
    problems,
    texts,
    overridesUsed: annotator.used,
    unreviewedUsed: [...annotator.used.keys()].filter((t) => unreviewed.has(t)),
  };
}
