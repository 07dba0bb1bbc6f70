/**
 * The form engine without the DOM: which steps and fields apply to the answers so far, their
 * checks, and answers ⇄ payload, all driven by the form definition (form-definition.ts). A field
 * shown is a field validated and a field sent.
 *
 * Answers are flat: each key is the field's dotted path in the payload ("person.name_kana",
 * "emergency_contacts.0.phone"), so the receiver's error paths point straight at a field.
 * Dates keep their parts under `<key>.year|month|day`.
 */
import type {Dataset, Shelter, Text} from '../data/types.js';
import {pick} from '../data/text.js';
import type {Locale} from '../prefs/prefs.js';
import type {FieldError} from '../outbox/types.js';
import {HELP_REQUEST_SCHEMA_VERSION, PATTERNS, type HelpMode, type HelpRequest} from './types.js';
import type {EngineText, Field, FormDefinition, Mode, Step, When} from './form-definition.js';

export interface Geo {
  latitude: number;
  longitude: number;
  accuracy_m: number;
}
export type Value = string | string[] | Geo;
export type Answers = Record<string, Value | undefined>;

/** What the engine reads: the definition, the dataset (towns, 丁目, shelters) and the reading mode. */
export interface Ctx {
  def: FormDefinition;
  data?: Dataset | undefined;
  locale: Locale;
}

export const DATE_PARTS = ['year', 'month', 'day'] as const;

export const str1 = (a: Answers, k: string) => {
  const v = a[k];
  return typeof v === 'string' ? v : '';
};
export const list = (a: Answers, k: string) => {
  const v = a[k];
  return Array.isArray(v) ? v : [];
};
/** An answer is there: a non-empty string or list, or a location. */
const has = (a: Answers, k: string) => {
  const v = a[k];
  return Array.isArray(v) ? v.length > 0 : !!v;
};
const filled = (a: Answers, f: Field) => (f.kind === 'date' ? DATE_PARTS.some((p) => has(a, `${f.key}.${p}`)) : has(a, f.key));

/** Whether `when` holds (no condition always does). */
export const holds = (when: When | undefined, a: Answers) =>
  !when || [when].flat().some((c) => c.in.some((v) => v === a[c.key] || list(a, c.key).includes(v)) !== !!c.not);

/** The steps of a mode that apply to the answers, each with the fields that apply. */
export const shown = (mode: Mode, a: Answers): Step[] =>
  mode.steps.filter((s) => holds(s.when, a)).map((s) => ({...s, fields: (s.fields ?? []).filter((f) => holds(f.when, a))}));

/** A text in the reading mode, as ruby notation, with `{name}` placeholders filled in. */
export const say = (c: Ctx, t: Text | EngineText | undefined, vars: Record<string, unknown> = {}) =>
  pick(typeof t === 'string' ? c.def.texts[t] : t, c.locale).value.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m));

/** Great-circle distance in metres. */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

/**
 * Shelters (指定避難所, not emergency-only sites) nearest to a point, or, without one, to the
 * middle of the town's shelters: the town's own first, then the nearest others. With distances.
 */
export function nearShelters(data: Dataset | undefined, townId: string, geo?: Geo, count = 6): Array<[Shelter, number | undefined]> {
  const all = (data?.shelters ?? []).filter((s) => s.kind === 'shelter' && s.x_jp.status !== 'unverified');
  const own = all.filter((s) => s.town_id === townId);
  if (!geo && !own.length) return [];
  const mid = (f: (s: Shelter) => number) => own.reduce((n, s) => n + f(s), 0) / own.length;
  const lat = geo ? geo.latitude : mid((s) => s.latitude);
  const lon = geo ? geo.longitude : mid((s) => s.longitude);
  return all
    .map((s): [Shelter, number, number] => {
      const d = haversine(lat, lon, s.latitude, s.longitude);
      return [s, d, !geo && s.town_id === townId ? -1 : d];
    })
    .sort((x, y) => x[2] - y[2])
    .slice(0, count)
    .map(([s, d]) => [s, geo ? d : undefined]);
}

export const townOf = (c: Ctx, a: Answers, key = '') => c.data?.towns.find((t) => t.id === str1(a, key));

/** The values a choice field offers for these answers (towns, 丁目 and shelters from the dataset). */
export function optionValues(c: Ctx, f: Field, a: Answers): string[] {
  if (f.kind === 'town') return c.data?.towns.map((t) => t.id) ?? [];
  if (f.kind === 'chome') return townOf(c, a, f.from)?.chome.map((x) => String(x.number)) ?? [];
  if (f.kind === 'shelter') return ['', ...nearShelters(c.data, str1(a, f.from ?? '')).map(([s]) => s.id)];
  return f.options?.map((o) => o.value) ?? [];
}

/** Kinds answered by choosing, shown as a fieldset of choices (or a select). */
export const CHOICE = /^(select|radio|checks|flags|town|chome|shelter)$/;

/** "Full name" → "full name" inside an English sentence; Japanese is unchanged. */
const lc = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The date's parts as a date, or null if it is not a real date. */
export function dateOf(a: Answers, k: string): Date | null {
  const [y, m, d] = DATE_PARTS.map((p) => str1(a, `${k}.${p}`)) as [string, string, string];
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return null;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  return date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d && +y >= 1900 ? date : null;
}

const CHECKS: Record<string, [RegExp, EngineText]> = {
  tel: [RegExp(PATTERNS.phone), 'errorTel'],
  email: [RegExp(PATTERNS.email), 'errorEmail'],
  kana: [RegExp(PATTERNS.katakana), 'errorKana'],
  num: [/^(?!0+$)\d{1,2}$/, 'errorNum'],
};

/** The problem with one answer, as a message in ruby notation; undefined when there is none. */
function check(c: Ctx, f: Field, a: Answers, step: Step, now: Date): string | undefined {
  const g = f.group ? step.groups?.[f.group] : undefined;
  const label = lc(g?.prefix ? say(c, 'groupLabel', {group: say(c, g.legend), label: say(c, f.label)}) : say(c, f.label));
  const m = (key: EngineText) => say(c, key, {label, max: f.max});
  if (!filled(a, f)) {
    // Another answer may stand in for this one (the town, or the device location).
    if (f.or) return f.or.some((k) => has(a, k)) ? undefined : say(c, f.error);
    const required =
      f.required === true || (f.required === 'group' && step.fields!.some((o) => o.group === f.group && o !== f && filled(a, o)));
    if (!required) return undefined;
    if (f.error) return say(c, f.error);
    return m(/checks|flags/.test(f.kind) ? 'errorChooseSome' : CHOICE.test(f.kind) ? 'errorChoose' : 'errorRequired');
  }
  const v = str1(a, f.key);
  if (f.max && v.length > f.max) return m('errorMax');
  const rule = CHECKS[f.kind];
  if (rule) return rule[0].test(v) ? undefined : m(rule[1]);
  if (f.kind === 'date') {
    const date = dateOf(a, f.key);
    return !date ? m('errorDate') : date > now ? m('errorDatePast') : undefined;
  }
  if (CHOICE.test(f.kind)) {
    const known = optionValues(c, f, a);
    if (!(Array.isArray(a[f.key]) ? list(a, f.key) : [v]).every((x) => known.includes(x))) return m('errorList');
  }
  return undefined;
}

/** Errors of one step, in the order of its fields. */
export function validateStep(c: Ctx, step: Step, a: Answers, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of step.fields ?? []) {
    const message = check(c, f, a, step, now);
    if (message) errors.push({field: f.key, message});
  }
  return errors;
}

/** Every step's errors: `[step, errors]` for the steps that have any. */
export const validateAll = (c: Ctx, mode: HelpMode, a: Answers, now = new Date()) =>
  shown(c.def.modes[mode], a)
    .map((s): [Step, FieldError[]] => [s, validateStep(c, s, a, now)])
    .filter(([, e]) => e.length);

// ---- answers ⇄ payload --------------------------------------------------------------------

type Json = Record<string, unknown>;

function put(target: Json, path: string, value: unknown) {
  const keys = path.split('.');
  let node: Json = target;
  keys.slice(0, -1).forEach((k, i) => {
    node = (node[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}) as Json;
  });
  node[keys.at(-1)!] = value;
}

const get = (source: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Json)[k] : undefined), source);

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

/**
 * The payload as posted: only the fields that apply, no empty answers, numbers as numbers,
 * flags with every option true or false.
 */
export function buildPayload(def: FormDefinition | undefined, mode: HelpMode, a: Answers, meta: Meta): HelpRequest {
  const out: Json = {schema_version: HELP_REQUEST_SCHEMA_VERSION, id: meta.id, mode, created_at: meta.createdAt, locale: meta.locale};
  for (const step of def ? shown(def.modes[mode], a) : []) {
    for (const f of step.fields!) {
      const v = a[f.key];
      if (f.kind === 'flags') {
        put(out, f.key, Object.fromEntries(f.options!.map((o) => [o.value, list(a, f.key).includes(o.value)])));
      } else if (f.kind === 'date') {
        const [y, m, d] = DATE_PARTS.map((p) => str1(a, `${f.key}.${p}`));
        if (y || m || d) put(out, f.key, `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`);
      } else if (has(a, f.key)) {
        put(out, f.key, Array.isArray(v) ? [...v] : f.kind === 'num' || f.kind === 'chome' ? Number(v) : v);
      }
    }
  }
  return compact(out) as HelpRequest;
}

/** The answers a payload holds (the inverse of buildPayload, for the `data` setter). */
export function answersOf(def: FormDefinition, mode: HelpMode, payload: unknown): Answers {
  const a: Answers = {};
  // Two passes: the first reveals fields that depend on earlier answers (proxy, callback phone).
  for (let pass = 0; pass < 2; pass++) {
    for (const step of shown(def.modes[mode], a)) {
      for (const f of step.fields!) {
        const v = get(payload, f.key);
        if (f.kind === 'flags') {
          a[f.key] = f.options!.map((o) => o.value).filter((k) => (v as Json | undefined)?.[k] === true);
        } else if (f.kind === 'date' && typeof v === 'string') {
          const [y, m, d] = v.split('-');
          Object.assign(a, {[`${f.key}.year`]: y, [`${f.key}.month`]: String(Number(m)), [`${f.key}.day`]: String(Number(d))});
        } else if (Array.isArray(v)) {
          a[f.key] = v.map(String);
        } else if (f.kind === 'geo' ? v : typeof v === 'string' || typeof v === 'number') {
          a[f.key] = f.kind === 'geo' ? (v as Geo) : String(v);
        }
      }
    }
  }
  return a;
}

/** A UUID v4: crypto.randomUUID where there is one (secure contexts), else getRandomValues. */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16));

export const isUuid = (s: unknown) => typeof s === 'string' && RegExp(PATTERNS.uuid).test(s);
