/**
 * The form engine without the DOM: which steps and fields apply to the answers so far, their
 * checks, and answers ⇄ payload, all driven by the form definition (form-definition.ts) and the
 * table of field kinds (field-kinds.ts). A field shown is a field validated and a field sent.
 *
 * Answers are flat: each key is the field's dotted path in the payload ("person.name_kana",
 * "emergency_contacts.0.phone"), so the receiver's error paths point straight at a field.
 * Dates keep their parts under `<key>.year|month|day`.
 */
import type {Dataset, Shelter, Text} from '../data/types.js';
import {pick} from '../data/text.js';
import type {Locale} from '../prefs/prefs.js';
import type {FieldError} from '../outbox/types.js';
import {HELP_REQUEST_SCHEMA_VERSION, type HelpMode, type HelpRequest} from './types.js';
import type {EngineText, Field, FormDefinition, Mode, Step, When} from './form-definition.js';
import {controlOf, isChoice, KINDS, normalizeAnswer} from './field-kinds.js';

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

/** The answer at `key` as a string: '' when it is a list, a location or missing. */
export const answerText = (answers: Answers, key: string) => {
  const value = answers[key];
  return typeof value === 'string' ? value : '';
};
/** The answer at `key` as a list of chosen values: [] when it is not a list. */
export const answerList = (answers: Answers, key: string) => {
  const value = answers[key];
  return Array.isArray(value) ? value : [];
};
/** An answer is there: a non-empty string or list, or a location. */
const has = (answers: Answers, key: string) => {
  const value = answers[key];
  return Array.isArray(value) ? value.length > 0 : !!value;
};
const filled = (answers: Answers, field: Field) =>
  controlOf(field.kind) === 'date' ? DATE_PARTS.some((p) => has(answers, `${field.key}.${p}`)) : has(answers, field.key);

/** Whether `when` holds (no condition always does). */
export const holds = (when: When | undefined, answers: Answers) =>
  !when || [when].flat().some((c) => c.in.some((v) => v === answers[c.key] || answerList(answers, c.key).includes(v)) !== !!c.not);

/** The steps of a mode that apply to the answers, each with the fields that apply. */
export const shown = (mode: Mode, answers: Answers): Step[] =>
  mode.steps.filter((s) => holds(s.when, answers)).map((s) => ({...s, fields: (s.fields ?? []).filter((f) => holds(f.when, answers))}));

/** The field an answer's name belongs to among `steps` (a date's parts belong to the date). */
export function fieldNamed(steps: Step[], name: string): Field | undefined {
  const key = name.replace(/\.(year|month|day)$/, '');
  for (const step of steps) for (const field of step.fields!) if (field.key === key) return field;
  return undefined;
}

/** The answers with every typed one in its canonical form (before validating). */
export function normalizeTyped(steps: Step[], answers: Answers): Answers {
  const out = {...answers};
  for (const [key, value] of Object.entries(out)) {
    const field = typeof value === 'string' && fieldNamed(steps, key);
    if (field && !isChoice(field.kind)) out[key] = normalizeAnswer(field.kind, key, value as string);
  }
  return out;
}

/**
 * The answers after a control changed. A checkbox adds or removes its value; a choice (radio
 * button or select) replaces the answer and clears the answers that belonged to the old one (a
 * town's 丁目, the shelters near it); a typed answer takes its canonical form, unless `composing`
 * (an IME composition is open, and rewriting the text would break it). Undefined when `name` is
 * not a field of these steps.
 */
export function changeAnswer(
  steps: Step[],
  answers: Answers,
  change: {name: string; value: string; control: 'checkbox' | 'choice' | 'typed'; checked?: boolean; composing?: boolean},
): Answers | undefined {
  const {name, value} = change;
  const field = fieldNamed(steps, name);
  if (!field) return undefined;
  const out = {...answers};
  if (change.control === 'checkbox') {
    const others = answerList(out, name).filter((v) => v !== value);
    out[name] = change.checked ? [...others, value] : others;
  } else if (change.control === 'choice') {
    out[name] = value;
    for (const step of steps) for (const dependent of step.fields!) if (dependent.from === name) out[dependent.key] = '';
  } else if (!change.composing) {
    out[name] = normalizeAnswer(field.kind, name, value);
  }
  return out;
}

/** A text in the reading mode, as ruby notation, with `{name}` placeholders filled in. */
export const say = (ctx: Ctx, text: Text | EngineText | undefined, vars: Record<string, unknown> = {}) =>
  pick(typeof text === 'string' ? ctx.def.texts[text] : text, ctx.locale).value.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m));

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

export const townOf = (ctx: Ctx, answers: Answers, key = '') => ctx.data?.towns.find((t) => t.id === answerText(answers, key));

/** The values a choice field offers for these answers (towns, 丁目 and shelters from the dataset). */
export function optionValues(ctx: Ctx, field: Field, answers: Answers): string[] {
  if (field.kind === 'town') return ctx.data?.towns.map((t) => t.id) ?? [];
  if (field.kind === 'chome') return townOf(ctx, answers, field.from)?.chome.map((c) => String(c.number)) ?? [];
  if (field.kind === 'shelter') return ['', ...nearShelters(ctx.data, answerText(answers, field.from ?? '')).map(([s]) => s.id)];
  return field.options?.map((o) => o.value) ?? [];
}

/** "Full name" → "full name" inside an English sentence; Japanese is unchanged. */
const lc = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The date's parts as a date, or null if it is not a real date. */
export function dateOf(answers: Answers, key: string): Date | null {
  const [y, m, d] = DATE_PARTS.map((p) => answerText(answers, `${key}.${p}`)) as [string, string, string];
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return null;
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  return date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d && +y >= 1900 ? date : null;
}

/** The problem with one answer, as a message in ruby notation; undefined when there is none. */
function check(ctx: Ctx, field: Field, answers: Answers, step: Step, now: Date): string | undefined {
  const group = field.group ? step.groups?.[field.group] : undefined;
  const label = lc(group?.prefix ? say(ctx, 'groupLabel', {group: say(ctx, group.legend), label: say(ctx, field.label)}) : say(ctx, field.label));
  const message = (key: EngineText) => say(ctx, key, {label, max: field.max});
  const kind = KINDS[field.kind];
  if (!filled(answers, field)) {
    // Another answer may stand in for this one (the town, or the device location).
    if (field.or) return field.or.some((k) => has(answers, k)) ? undefined : say(ctx, field.error);
    const required =
      field.required === true ||
      (field.required === 'group' && step.fields!.some((other) => other.group === field.group && other !== field && filled(answers, other)));
    if (!required) return undefined;
    if (field.error) return say(ctx, field.error);
    return message(controlOf(field.kind) === 'checkbox' ? 'errorChooseSome' : isChoice(field.kind) ? 'errorChoose' : 'errorRequired');
  }
  const typed = answerText(answers, field.key);
  if (field.max && typed.length > field.max) return message('errorMax');
  if (kind.check) return kind.check[0].test(typed) ? undefined : message(kind.check[1]);
  if (controlOf(field.kind) === 'date') {
    const date = dateOf(answers, field.key);
    return !date ? message('errorDate') : date > now ? message('errorDatePast') : undefined;
  }
  if (isChoice(field.kind)) {
    const known = optionValues(ctx, field, answers);
    const chosen = Array.isArray(answers[field.key]) ? answerList(answers, field.key) : [typed];
    if (!chosen.every((value) => known.includes(value))) return message('errorList');
  }
  return undefined;
}

/** Errors of one step, in the order of its fields. */
export function validateStep(ctx: Ctx, step: Step, answers: Answers, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of step.fields ?? []) {
    const message = check(ctx, field, answers, step, now);
    if (message) errors.push({field: field.key, message});
  }
  return errors;
}

/** Every step's errors: `[step, errors]` for the steps that have any. */
export const validateAll = (ctx: Ctx, mode: HelpMode, answers: Answers, now = new Date()) =>
  shown(ctx.def.modes[mode], answers)
    .map((s): [Step, FieldError[]] => [s, validateStep(ctx, s, answers, now)])
    .filter(([, errors]) => errors.length);

/**
 * Where a receiver's refusal sends the resident: the step of its first error, with the errors of
 * that step. A receiver's path names a field ("emergency_contacts.0.phone") or lies inside one
 * ("consent.police"); a path that names no field shown goes to the last step, with no field.
 */
export function refusedStep(steps: Step[], errors: FieldError[]): {step: string; errors: FieldError[]} {
  const last = steps.at(-1)!.id;
  const placed = errors.map((error) => {
    const names = (field: Field) => error.field === field.key || error.field.startsWith(`${field.key}.`);
    const step = steps.find((s) => s.fields!.some(names));
    return {step: step?.id ?? last, error: {field: step?.fields!.find(names)!.key ?? '', message: error.message}};
  });
  const first = placed[0]?.step ?? last;
  return {step: first, errors: placed.filter((p) => p.step === first).map((p) => p.error)};
}

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
const compact = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.filter((x) => x !== undefined).map(compact)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, x]) => [k, compact(x)]))
      : value;

export interface Meta {
  id: string;
  createdAt: string;
  locale: Locale;
}

/**
 * The payload as posted: only the fields that apply, no empty answers, numbers as numbers,
 * flags with every option true or false.
 */
export function buildPayload(def: FormDefinition | undefined, mode: HelpMode, answers: Answers, meta: Meta): HelpRequest {
  const out: Json = {schema_version: HELP_REQUEST_SCHEMA_VERSION, id: meta.id, mode, created_at: meta.createdAt, locale: meta.locale};
  for (const step of def ? shown(def.modes[mode], answers) : []) {
    for (const field of step.fields!) {
      const kind = KINDS[field.kind];
      const value = answers[field.key];
      if (kind.send === 'flags') {
        put(out, field.key, Object.fromEntries(field.options!.map((o) => [o.value, answerList(answers, field.key).includes(o.value)])));
      } else if (controlOf(field.kind) === 'date') {
        const [y, m, d] = DATE_PARTS.map((p) => answerText(answers, `${field.key}.${p}`));
        if (y || m || d) put(out, field.key, `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`);
      } else if (has(answers, field.key)) {
        put(out, field.key, Array.isArray(value) ? [...value] : kind.send === 'number' ? Number(value) : value);
      }
    }
  }
  return compact(out) as HelpRequest;
}

/** The answers a payload holds (the inverse of buildPayload, for the `data` setter). */
export function answersOf(def: FormDefinition, mode: HelpMode, payload: unknown): Answers {
  const answers: Answers = {};
  // Two passes: the first reveals fields that depend on earlier answers (proxy, callback phone).
  for (let pass = 0; pass < 2; pass++) {
    for (const step of shown(def.modes[mode], answers)) {
      for (const field of step.fields!) {
        const {send} = KINDS[field.kind];
        const control = controlOf(field.kind);
        const value = get(payload, field.key);
        if (send === 'flags') {
          answers[field.key] = field.options!.map((o) => o.value).filter((k) => (value as Json | undefined)?.[k] === true);
        } else if (control === 'date' && typeof value === 'string') {
          const [y, m, d] = value.split('-');
          Object.assign(answers, {[`${field.key}.year`]: y, [`${field.key}.month`]: String(Number(m)), [`${field.key}.day`]: String(Number(d))});
        } else if (Array.isArray(value)) {
          answers[field.key] = value.map(String);
        } else if (control === 'geo' ? value : typeof value === 'string' || typeof value === 'number') {
          answers[field.key] = control === 'geo' ? (value as Geo) : String(value);
        }
      }
    }
  }
  return answers;
}
