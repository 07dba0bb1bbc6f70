/**
 * Answers ⇄ the JSON payload (core/help-request/types.ts). Only fields that apply to the
 * answers are sent (a proxy's name only when a proxy fills in the form), empty answers are
 * left out, numbers are numbers, and consent lists every group as true or false.
 */
import type {Dataset} from '../../core/data/types.js';
import {CONSENT, HELP_REQUEST_SCHEMA_VERSION, PATTERNS, type HelpMode, type HelpRequest} from '../../core/help-request/types.js';
import type {Locale} from '../../core/prefs/prefs.js';
import {list, steps, str1, type Answers, type Geo} from './model.js';

/** A UUID v4: crypto.randomUUID where there is one (secure contexts), else getRandomValues. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const isUuid = (s: unknown) => typeof s === 'string' && new RegExp(PATTERNS.uuid).test(s);

type Json = Record<string, unknown>;

function put(target: Json, path: string, value: unknown) {
  const keys = path.split('.');
  let node: Json = target;
  keys.slice(0, -1).forEach((k, i) => {
    node = (node[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Json;
  });
  node[keys.at(-1)!] = value;
}

function get(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Json)[k] : undefined), source);
}

/** Arrays of contacts close up (a second supporter without a first becomes the first). */
const compact = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.filter((x) => x !== undefined).map(compact)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]))
      : v;

export interface Meta {
  id: string;
  createdAt: string;
  locale: Locale;
}

/** The payload as posted. */
export function buildPayload(mode: HelpMode, a: Answers, meta: Meta, data?: Dataset): HelpRequest {
  const out: Json = {schema_version: HELP_REQUEST_SCHEMA_VERSION, id: meta.id, mode, created_at: meta.createdAt, locale: meta.locale};
  for (const step of steps(mode, a, data, meta.locale)) {
    for (const f of step.fields) {
      const v = str1(a, f.k);
      if (f.k === 'consent') {
        put(out, 'consent', Object.fromEntries(CONSENT.map((c) => [c, list(a, f.k).includes(c)])));
      } else if (f.kind === 'checks') {
        if (list(a, f.k).length) put(out, f.k, [...list(a, f.k)]);
      } else if (f.kind === 'date') {
        const [y, m, d] = ['year', 'month', 'day'].map((p) => str1(a, `${f.k}.${p}`));
        if (y || m || d) put(out, f.k, `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`);
      } else if (v) {
        put(out, f.k, f.kind === 'num' || f.k.endsWith('.chome') ? Number(v) : v);
      }
    }
  }
  const geo = a['location.geo'];
  if (mode === 'urgent') {
    if (geo) put(out, 'location.geo', geo);
    out.location ??= {};
  }
  return compact(out) as HelpRequest;
}

/** The answers a payload holds (the inverse of buildPayload, for the `data` setter). */
export function answersOf(mode: HelpMode, payload: unknown, data?: Dataset, locale: Locale = 'ja'): Answers {
  const a: Answers = {};
  // Two passes: the first reveals fields that depend on earlier answers (proxy, callback phone).
  for (let pass = 0; pass < 2; pass++) {
    for (const step of steps(mode, a, data, locale)) {
      for (const f of step.fields) {
        const v = get(payload, f.k);
        if (f.k === 'consent') {
          a.consent = CONSENT.filter((c) => (v as Json | undefined)?.[c] === true);
        } else if (f.kind === 'date' && typeof v === 'string') {
          const [y, m, d] = v.split('-');
          Object.assign(a, {[`${f.k}.year`]: y, [`${f.k}.month`]: String(Number(m)), [`${f.k}.day`]: String(Number(d))});
        } else if (Array.isArray(v)) {
          a[f.k] = v.map(String);
        } else if (typeof v === 'string' || typeof v === 'number') {
          a[f.k] = String(v);
        }
      }
    }
  }
  const geo = get(payload, 'location.geo') as Geo | undefined;
  if (mode === 'urgent' && geo) a['location.geo'] = geo;
  return a;
}
