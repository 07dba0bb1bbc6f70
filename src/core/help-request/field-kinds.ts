/**
 * Every kind of field the help form knows, in one table: how it is drawn, where its choices come
 * from, how a typed answer is normalised and checked, and how it is sent. A definition names a
 * kind per field (form-definition.ts); the build checks fields against this table
 * (build-definition.ts), the engine validates and sends by it (engine.ts), and the element draws
 * each `control` with one renderer (components/disaster-help-form/fields.ts).
 *
 * Adding a kind is a row here, plus a renderer only when it needs a control not drawn yet
 * (docs/architecture.md, "Add a field kind").
 */
import type {EngineText} from './form-definition.js';
import {normalizeBanchi, normalizeEmail, normalizeKana, normalizeNumber, normalizePhone, normalizeText, normalizeYear} from './normalize.js';
import {PATTERNS} from './types.js';

/**
 * How a field is drawn: one line of text, several lines, year / month / day, radio buttons,
 * checkboxes, a select, or the buttons that share the device location.
 */
export type Control = 'input' | 'area' | 'date' | 'radio' | 'checkbox' | 'select' | 'geo';

export interface Kind {
  /** How it is drawn; without one, a line of text (input). */
  control?: Control;
  /** An input's type (tel, email) or, for digits, its inputmode. */
  type?: 'tel' | 'email' | 'numeric';
  /** The choices are the field's `options`, written by editors; other choice kinds take theirs from the dataset. */
  options?: true;
  /** The answer belongs to the town answered at the field's `from` (a 丁目, a shelter near it). */
  from?: true;
  /** A typed answer's one canonical form, applied when the resident leaves the field (else normalizeText). */
  normalize?: (typed: string) => string;
  /** The form a typed answer must have, and the message when it does not. */
  check?: [RegExp, EngineText];
  /** Sent as a number, or (flags) as `{option: true|false}` with every option; else as answered. */
  send?: 'number' | 'flags';
}

const table = {
  text: {},
  /** Free text on several lines. */
  area: {control: 'area'},
  /** フリガナ, typed in either kana, sent in katakana. */
  kana: {normalize: normalizeKana, check: [RegExp(PATTERNS.katakana), 'errorKana']},
  tel: {type: 'tel', normalize: normalizePhone, check: [RegExp(PATTERNS.phone), 'errorTel']},
  email: {type: 'email', normalize: normalizeEmail, check: [RegExp(PATTERNS.email), 'errorEmail']},
  /** 番地・号, sent as 5-6-13. */
  banchi: {normalize: normalizeBanchi},
  /** A whole number from 1 to 99. */
  num: {type: 'numeric', normalize: normalizeNumber, check: [/^(?!0+$)\d{1,2}$/, 'errorNum'], send: 'number'},
  /** Year (also 和暦), month and day, sent as YYYY-MM-DD. */
  date: {control: 'date', normalize: normalizeNumber},
  select: {control: 'select', options: true},
  radio: {control: 'radio', options: true},
  /** Any of the options, sent as a list. */
  checks: {control: 'checkbox', options: true},
  /** Any of the options, sent as `{option: true|false}` with every option (consent). */
  flags: {control: 'checkbox', options: true, send: 'flags'},
  /** A town of the dataset. */
  town: {control: 'select'},
  /** A 丁目 of the town at `from`, sent as a number; its hint shows only while no town is chosen. */
  chome: {control: 'select', from: true, send: 'number'},
  /** One of the dataset's shelters near the town at `from`. */
  shelter: {control: 'radio', from: true},
  /** The device location, sent only when the resident chooses to share it. */
  geo: {control: 'geo'},
} satisfies Record<string, Kind>;

export type FieldKind = keyof typeof table;
export const KINDS: Record<FieldKind, Kind> = table;

/** How a field of this kind is drawn. */
export const controlOf = (kind: FieldKind): Control => KINDS[kind].control ?? 'input';

/** Kinds answered by choosing (radio buttons, checkboxes or a select), not by typing. */
export const isChoice = (kind: FieldKind) => /^(radio|checkbox|select)$/.test(controlOf(kind));

/** The canonical form of a typed answer of this kind; `name` ending in .year is a date's year (also 和暦). */
export const normalizeAnswer = (kind: FieldKind, name: string, typed: string) =>
  (name.endsWith('.year') ? normalizeYear : KINDS[kind].normalize ?? normalizeText)(typed);
