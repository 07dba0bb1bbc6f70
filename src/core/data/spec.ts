/**
 * The dataset's shape as data: one description that drives both the validator (browser and CLI)
 * and the published JSON Schema (scripts generate dist/schema/dataset.schema.json from it), so
 * the two cannot drift. Cross-references (ids that must exist) are checked in validate.ts.
 * It mirrors the TypeScript types in types.ts; test/node/data.test.ts checks the built dataset
 * (typed as Dataset) against both the validator and the generated schema.
 */
import {SCHEMA_VERSION} from './types.js';

export type Spec =
  | {t: 'string'; pattern?: RegExp; hint?: string; min?: number}
  | {t: 'number'; min?: number; max?: number}
  | {t: 'boolean'}
  | {t: 'enum'; values: readonly string[]}
  | {t: 'array'; of: Spec; min?: number}
  | {t: 'object'; fields: Record<string, Field>; open?: boolean}
  | {t: 'text'}
  | {t: 'url'; pattern: RegExp}
  | {t: 'union'; key: string; cases: Record<string, Spec>}
  | {t: 'ref'; name: string};

export interface Field {
  spec: Spec;
  optional?: boolean;
  /** What the field means, for the JSON Schema and editors' messages. */
  doc?: string;
}

const s = (pattern?: RegExp, hint?: string): Spec => ({t: 'string', pattern, hint, min: 1});
const req = (spec: Spec, doc?: string): Field => ({spec, doc});
const opt = (spec: Spec, doc?: string): Field => ({spec, optional: true, doc});
const arr = (of: Spec, min?: number): Spec => ({t: 'array', of, min});
const obj = (fields: Record<string, Field>, open = false): Spec => ({t: 'object', fields, open});
const en = (...values: string[]): Spec => ({t: 'enum', values});
const text: Spec = {t: 'text'};
const num = (min?: number, max?: number): Spec => ({t: 'number', min, max});

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const ID = s(ID_PATTERN, 'letters, digits, "-", "_" or "." (e.g. desk-chiiki-kyosei)');
const ids = arr(ID);
const TIME = s(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a 24-hour time such as 08:30');
const MONTH_DAY = s(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD such as 12-29');
const DATE = s(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
const BYDAY = s(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/, 'days such as MO,TU,WE,TH,FR');
const PHONE = s(/^[0-9()-]{3,20}$/, 'digits and hyphens as printed, e.g. 03-1234-5678');
const POSTAL = s(/^\d{3}-\d{4}$/, 'seven digits with a hyphen, e.g. 123-4567');
const EMAIL = s(/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, 'an address such as name@city.example.lg.jp');

// Links may be web pages, phone calls or mail; never javascript: or anything else. Only RFC 3986
// characters: a space or Japanese is percent-encoded (東京 → %E6%9D%B1%E4%BA%AC), so every link
// this accepts is also a `format: "uri"` for the published schema, and a URL browsers parse.
const PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
const HOST = '(?:[A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*';
const AFTER = `(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?`;
export const LINK = new RegExp(
  `^(?:https?://${HOST}(?::[0-9]{1,4})?(?:/(?:${PCHAR}|/)*)?${AFTER}` +
    `|tel:\\+?[0-9][0-9()-]*` +
    `|mailto:(?:[A-Za-z0-9._~!$&'*+=-]|%[0-9A-Fa-f]{2})+@${HOST}${AFTER})$`,
);
const WEB: Spec = {t: 'url', pattern: LINK};

const provenanceFields: Record<string, Field> = {
  status: req(en('verified', 'dated', 'unverified'), 'verified: stated by the cited source; dated: old or secondary source (shown as 要確認); unverified: never shown as fact'),
  sources: opt(ids, 'ids from sources[]; required unless status is unverified'),
  note: opt(s()),
};
const provenance = obj(provenanceFields);

const phone = obj({
  id: req(ID),
  number: req(PHONE),
  type: req(en('voice', 'fax', 'text', 'textphone', 'video', 'cell')),
  description: opt(text),
  x_jp: req(provenance),
});

const address = obj({
  id: req(ID),
  address_1: req(s(), '町字 and 番地, e.g. 本町1-2-3'),
  address_2: opt(s(), '方書: building and floor'),
  city: req(s()),
  state_province: req(s()),
  postal_code: req(POSTAL),
  country: req(en('JP')),
  address_type: req(en('physical', 'postal')),
  x_jp: req(obj({...provenanceFields, machiaza_id: opt(s(/^\d{7}$/, 'the 7-digit ABR 町字ID')), ruby: opt(s(), 'added by the data build')})),
});

const schedule = obj({
  id: req(ID),
  freq: req(en('WEEKLY')),
  byday: req(BYDAY),
  opens_at: req(TIME),
  closes_at: req(TIME),
  valid_from: opt(DATE),
  valid_to: opt(DATE),
  description: opt(text),
  x_jp: req(provenance),
});

const location = obj({
  id: req(ID),
  location_type: req(en('physical', 'virtual')),
  organization_id: req(ID),
  name: req(text),
  description: opt(text),
  transportation: opt(text),
  latitude: opt(num(-90, 90)),
  longitude: opt(num(-180, 180)),
  email: opt(EMAIL),
  url: opt(WEB),
  addresses: req(arr(address)),
  phones: req(arr(phone)),
  schedules: req(arr(schedule)),
  hours_note: opt(text),
  x_jp: req(
    obj({
      closures: opt(
        obj({
          public_holidays: req({t: 'boolean'}),
          year_end: opt(obj({from: req(MONTH_DAY), to: req(MONTH_DAY)})),
          dates: opt(arr(obj({from: req(MONTH_DAY), to: req(MONTH_DAY)}), 1), 'other days closed every year, e.g. [{"from": "05-01", "to": "05-01"}]'),
          x_jp: req(provenance),
        }),
      ),
      contact: opt(provenance, 'provenance of email and url'),
      accessibility: opt(text),
      languages: opt(arr(s(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 tag such as ja or en'))),
      last_verified: opt(DATE),
    }),
  ),
});

const service = obj({
  id: req(ID),
  organization_id: req(ID),
  name: req(text),
  alternate_name: opt(text),
  description: req(text, 'one line for result lists'),
  status: req(en('active', 'inactive', 'defunct', 'temporarily closed')),
  url: opt(WEB),
  email: opt(EMAIL),
  eligibility_description: opt(text),
  application_process: opt(text),
  fees_description: opt(text),
  service_at_locations: req(arr(obj({location_id: req(ID)}))),
  service_areas: req(
    arr(obj({id: req(ID), name: req(text), extent_type: req(en('city', 'towns')), towns: opt(ids)})),
  ),
  attributes: req(arr(obj({taxonomy_term_id: req(ID)}))),
  x_jp: req(
    obj({
      kind: req(en('desk', 'program', 'measure', 'emergency', 'information')),
      details: opt(text),
      plan_refs: req(
        arr(
          obj({
            goal: opt(ID),
            measure: opt(ID),
            sub_plan: opt(en('guardianship', 'reoffending')),
            item: opt(ID),
          }),
        ),
      ),
      priority: opt(ID),
      keywords: opt(arr(s())),
      provenance: req(provenance),
    }),
  ),
});

const town = obj({
  id: req(ID),
  name: req(text),
  reading: req(s(/^[ぁ-ゖー]+$/, 'hiragana only, e.g. みなみちょう')),
  romaji: req(s()),
  postal_code: req(POSTAL),
  chome: req(arr(obj({number: req(num(1, 99)), machiaza_id: req(s(/^\d{7}$/, 'the 7-digit ABR 町字ID'))}), 1)),
  former_city: opt(s(), 'the former municipality the town belonged to, where the city was formed by a merger'),
  area_id: opt(ID),
  x_jp: req(provenance),
});

const shelter = obj({
  id: req(ID),
  kind: req(en('shelter', 'emergency_site')),
  name: req(text),
  town_id: req(ID),
  address_1: req(s()),
  latitude: req(num(-90, 90)),
  longitude: req(num(-180, 180)),
  welfare_for: opt(text),
  hazards: opt(arr(en('flood', 'landslide', 'storm_surge', 'earthquake', 'tsunami', 'large_fire', 'inland_flood', 'volcano'))),
  also_other_kind: opt({t: 'boolean'}),
  x_jp: req(provenance),
});

const numbered = (extra: Record<string, Field> = {}) =>
  obj({id: req(ID), number: req(num(1, 99)), title: req(text), ...extra});

const summaryBlock: Spec = {
  t: 'union',
  key: 'type',
  cases: {
    paragraph: obj({type: req(en('paragraph')), text: req(text)}),
    list: obj({type: req(en('list')), items: req(arr(text, 1))}),
    levels: obj({
      type: req(en('levels')),
      levels: req(arr(obj({name: req(text), roles: req(arr(text))}), 1)),
    }),
    desks: obj({type: req(en('desks')), location_ids: req(arr(ID, 1))}),
  },
};

export const definitions: Record<string, Spec> = {
  summarySection: obj({
    id: req(ID),
    heading: req(text),
    blocks: req(arr(summaryBlock)),
    sections: opt(arr({t: 'ref', name: 'summarySection'})),
  }),
};

const plan = obj({
  id: req(ID),
  name: req(text),
  period: req(obj({from_fiscal_year: req(num(2000, 2100)), to_fiscal_year: req(num(2000, 2100))})),
  adopted: req(DATE),
  philosophy: req(text),
  policies: req(arr(numbered())),
  goals: req(arr(numbered({policy_id: opt(ID), measures: req(arr(numbered({description: req(text)})))}))),
  priorities: req(arr(numbered({challenge: req(text), directions: req(arr(text))}))),
  sub_plans: req(
    arr(
      obj({
        id: req(en('guardianship', 'reoffending')),
        name: req(text),
        purpose: req(text),
        items: req(arr(numbered({description: req(text)}))),
      }),
    ),
  ),
  summary: req(arr({t: 'ref', name: 'summarySection'})),
  x_jp: req(provenance),
});

export const datasetSpec = obj({
  $schema: opt(s()),
  schema_version: req(en(SCHEMA_VERSION)),
  id: req(ID),
  name: req(text),
  publisher: req(text),
  last_modified: req(DATE),
  readings_complete: opt({t: 'boolean'}, 'set by the data build when every kanji has a reading'),
  sources: req(arr(obj({id: req(ID), title: req(s()), url: opt(WEB), date: opt(DATE)}))),
  organizations: req(
    arr(obj({id: req(ID), name: req(text), description: opt(text), url: opt(WEB), x_jp: req(provenance)})),
  ),
  locations: req(arr(location)),
  services: req(arr(service)),
  taxonomies: req(arr(obj({id: req(en('need', 'audience', 'goal')), name: req(text), description: req(text)}))),
  taxonomy_terms: req(
    arr(
      obj({
        id: req(ID),
        taxonomy_id: req(en('need', 'audience', 'goal')),
        name: req(text),
        description: req(text),
        parent_id: opt(ID),
      }),
    ),
  ),
  towns: req(arr(town)),
  areas: req(arr(obj({id: req(ID), name: req(text), towns: req(ids), x_jp: req(provenance)}))),
  shelters: req(arr(shelter)),
  plan: opt(plan),
  intents: req(
    arr(
      obj({
        id: req(ID),
        phrases: req(obj({ja: req(arr(s(), 1)), en: opt(arr(s()))})),
        services: req(arr(ID, 1)),
        need: opt(ID),
      }),
    ),
  ),
  glossary: req(
    arr(
      obj({
        id: req(ID),
        term: req(s()),
        variants: opt(arr(s())),
        reading: req(s(/^[ぁ-ゖー・]+( [ぁ-ゖー・]+)*$/, 'hiragana, e.g. せいねんこうけんせいど')),
        explanation: req(text),
      }),
    ),
  ),
  fallback_contact: req(obj({name: req(text), phone: req(PHONE), location_id: opt(ID), x_jp: req(provenance)})),
});
