/**
 * The help form as data: what <fukushi-disaster-help-form> asks, in which steps, with which
 * words. Nishitokyo's is data/help-form/nishitokyo.json (another town writes its own:
 * docs/your-own-data.md); `fukushi-widgets build-help-form` checks it, adds readings to every kanji
 * and writes dist/data/help-form.json, which the element loads next to its script for the
 * built-in dataset (or from its `form-src`). The element is a generic engine: it renders
 * each field by its kind (field-kinds.ts), validates by the rules below plus the kind's own
 * check, and sends the answers under the fields' keys, so every key is a path of the
 * help-request schema (schema.ts).
 *
 * A `Text` is `{ja, 'ja-x-easy', en}` as in the dataset; Japanese may hold ruby notation
 * (｜漢字《かんじ》). In the source file, a Text may instead be the name of an entry of `texts`
 * (e.g. "phone"): the build puts the Text in its place. Placeholders are `{name}`.
 * Facts that are the city's rules (who is listed, who may receive the information) carry
 * `x_jp` provenance with ids from the dataset's `sources`.
 */
import type {Provenance, Text} from '../data/types.js';
import type {FieldKind} from './field-kinds.js';

export const FORM_FORMAT = 1;

/**
 * Holds when the answer at `key` is one of `in` (a choice) or includes one of them (a list of
 * choices); `not` turns it round. A list of conditions holds when any of them does.
 */
export interface Condition {
  key: string;
  in: string[];
  not?: boolean;
  x_jp?: Provenance;
}
export type When = Condition | Condition[];

export interface Option {
  value: string;
  label: Text;
}

export interface Field {
  /** The dotted path of the answer in the payload: "person.name_kana", "emergency_contacts.0.phone". */
  key: string;
  /** How it is asked, checked and sent: a row of the table in field-kinds.ts. */
  kind: FieldKind;
  label: Text;
  hint?: Text;
  /** The message when a required answer is missing, where the generic one reads badly. */
  error?: Text;
  /** true: 「※必須」. "group": required once another field of its group has an answer (a 2nd contact). */
  required?: boolean | 'group';
  /** Other answers that can stand in for this one: missing only when all are empty (then `error`). */
  or?: string[];
  /** The id of a group of the step: fields of one group share a fieldset. */
  group?: string;
  /** An HTML autocomplete token (for date: the prefix of -year, -month, -day; without one a date says "off"). */
  autocomplete?: string;
  /** The answer is about the person registered: its token is used only while the mode's `self` holds. */
  own?: boolean;
  /** Longest answer, in characters. */
  max?: number;
  options?: Option[];
  /** The town field this one depends on (chome, shelter); choosing another town clears this answer. */
  from?: string;
  /** town: show the town's postal code under it. */
  postal?: boolean;
  /** Asked only when this holds. */
  when?: When;
  x_jp?: Provenance;
}

export interface Group {
  legend: Text;
  hint?: Text;
  /** Messages name a field with the legend ("1人目の名前"): for repeated groups of the same fields. */
  prefix?: boolean;
}

/**
 * A piece of text around the fields. `as`: p (a paragraph, the default), h (a sub-heading),
 * ul (a list of `text`), notice or warning (a box of paragraphs), contact (the city's phone number).
 */
export interface Block {
  as?: 'p' | 'h' | 'ul' | 'notice' | 'warning' | 'contact';
  text?: Text | Text[];
}

export interface Step {
  /** Also what the `step` property and saved drafts hold. */
  id: string;
  title: Text;
  intro?: Block[];
  /** Shown only when this holds. */
  when?: When;
  fields?: Field[];
  groups?: Record<string, Group>;
  /** The check-your-answers page: every step with questions, with a change link. */
  check?: boolean;
  /** Lists the shelters nearest to the answers at these keys. */
  shelters?: {town: string; geo?: string};
}

export interface Mode {
  /** How the resident's waiting requests are listed ("要援護者の登録"). */
  name: Text;
  /** Above each step with its number (n/N); none for a one-step mode. */
  caption?: Text;
  /** The button of the last step; without it 「送信する」. */
  submit?: Text;
  /** What happens next, under the receipt. */
  after: Text[];
  /** The person registered is filling in the form themselves (autocomplete of `own` fields). */
  self?: When;
  /** A life is at risk: 119 and 110 go above the form. */
  emergency?: When;
  /** In order; the last one sends. */
  steps: Step[];
}

/**
 * The texts the engine itself shows, by key. Messages take `{label}` (the field's label) and
 * `{max}`; `groupLabel` takes `{group}` and `{label}`; `chome` `{n}`; `distance` and `geoUsing`
 * `{m}` (metres); `postal` `{code}`.
 */
export const ENGINE_TEXTS = [
  // validation messages
  'errorRequired', 'errorChoose', 'errorChooseSome', 'errorMax', 'errorTel', 'errorEmail', 'errorKana', 'errorNum',
  'errorDate', 'errorDatePast', 'errorList', 'groupLabel',
  // answers that come from the dataset
  'chome', 'postal', 'noShelter', 'distance', 'welfare', 'welfareFor', 'nearest',
  'geoNote', 'geoUse', 'geoUsing', 'geoStop', 'geoError',
  // 119 / 110 while the form is on screen
  'emergency', 'emergencyNote', 'lifeRisk',
  // drafts and the outbox
  'saved', 'notSaved', 'forget', 'forgetAsk', 'forgetYes', 'forgetNo', 'forgotten',
  'queue', 'cancel', 'cancelled',
  'received', 'receipt', 'next', 'queued', 'queuedText', 'queuedUnsaved', 'failed', 'failedText', 'meanwhile', 'backToForm',
] as const;
export type EngineText = (typeof ENGINE_TEXTS)[number];

export interface FormDefinition {
  format: typeof FORM_FORMAT;
  id: string;
  title: Text;
  modes: {register: Mode; urgent: Mode};
  texts: Record<EngineText, Text> & Record<string, Text>;
  /** Set by the build once every kanji has a reading; the element uses nothing else. */
  readings_complete?: boolean;
  x_jp?: Provenance;
}
