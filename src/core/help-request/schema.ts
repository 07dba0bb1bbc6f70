/**
 * The published JSON Schema (draft 2020-12) of a help request, written by the build to
 * dist/schema/help-request.schema.json (`fukushi-widgets help-request-schema --out FILE`).
 * Receivers validate what they are sent with it; its `examples` are checked by the tests against
 * this schema and against the form's own validator.
 * What a schema cannot say: ids that must exist in the dataset (town_id, preferred_shelter_id),
 * 丁目 numbers that must exist in their town, and a birth date that must be a real past day.
 */
import {
  CALLBACK, CONSENT, PATTERNS, CONTACT_METHODS, CRITERIA, FILLED_BY, HELP_REQUEST_SCHEMA_VERSION, HOUSEHOLD, REASONS, SEX,
  SITUATIONS, SUPPORT, URGENCY, WHO, type RegisterRequest, type UrgentRequest,
} from './types.js';
import {ID_PATTERN} from '../data/spec.js';

type Json = Record<string, unknown>;


const s = (description: string, extra: Json = {}): Json => ({type: 'string', minLength: 1, description, ...extra});
const codes = (values: readonly string[], description: string, min = 0): Json => ({
  type: 'array',
  description,
  items: {enum: [...values]},
  uniqueItems: true,
  ...(min ? {minItems: min} : {}),
});
const obj = (properties: Json, required: string[], description?: string): Json => ({
  type: 'object',
  ...(description ? {description} : {}),
  additionalProperties: false,
  required,
  properties,
});
/** `required` in a sub-schema, with the property named so that ajv's strict mode accepts it. */
const has = (...keys: string[]): Json => ({required: keys, properties: Object.fromEntries(keys.map((k) => [k, true]))});
const phone = (description: string) => s(description, {pattern: PATTERNS.phone});
// Town ids and 丁目 numbers are the dataset's own (its id pattern and range): the city is the dataset's.
const townId = s('A town id from the dataset (Dataset.towns[].id). The city is the one the dataset describes.', {pattern: ID_PATTERN.source});
const chome = {type: 'integer', minimum: 1, maximum: 99, description: '丁目, a number that exists in the town (Dataset.towns[].chome).'};
const banchi = s('番地・号 as digits and hyphens, e.g. "5-6-13".', {maxLength: 40});

const base: Json = {
  schema_version: {const: HELP_REQUEST_SCHEMA_VERSION},
  id: s('UUID v4 made on the device before the first attempt; also the Idempotency-Key header.', {pattern: PATTERNS.uuid}),
  created_at: s('When the resident sent it (device clock), ISO 8601 date-time.', {format: 'date-time'}),
  locale: {enum: ['ja', 'ja-x-easy', 'en'], description: 'The reading mode the resident used; free text is in this language.'},
};
const baseRequired = ['schema_version', 'id', 'mode', 'created_at', 'locale'];

const person = (withEmail: boolean, description: string) =>
  obj(
    {
      name: s('Name.', {maxLength: 60}),
      relationship: s('続柄 or role (長女, 民生委員, ケアマネジャー …).', {maxLength: 40}),
      phone: phone('Phone number, digits and hyphens.'),
      ...(withEmail ? {email: s('Email address.', {pattern: PATTERNS.email})} : {}),
    },
    withEmail ? ['name', 'relationship', 'phone'] : ['name'],
    description,
  );

const register = obj(
  {
    ...base,
    mode: {const: 'register'},
    eligibility: obj(
      {
        criteria: codes(
          CRITERIA,
          "What applies to the resident. Which of these put a resident on the city's 避難行動要支援者 list without an application is the city's rule, stated with its source in the city's form definition (help-form.json).",
          1,
        ),
      },
      ['criteria'],
    ),
    filled_by: {enum: [...FILLED_BY], description: 'The resident (self) or someone for them (proxy).'},
    proxy: obj(
      {name: s('Name of the person filling in.', {maxLength: 60}), relationship: s('Relationship to the resident.', {maxLength: 40}), phone: phone('Their phone.')},
      ['name', 'relationship', 'phone'],
      'Only when filled_by is proxy.',
    ),
    person: obj(
      {
        name: s('氏名.', {maxLength: 60}),
        name_kana: s('フリガナ, katakana.', {maxLength: 60, pattern: PATTERNS.katakana}),
        birth_date: s('生年月日, YYYY-MM-DD.', {pattern: PATTERNS.date, format: 'date'}),
        sex: {enum: [...SEX], description: '性別 (optional; no_answer = 答えない).'},
      },
      ['name', 'name_kana', 'birth_date'],
    ),
    address: obj(
      {town_id: townId, chome, banchi, building: s('方書: building and room.', {maxLength: 80})},
      ['town_id', 'chome', 'banchi'],
      "Address in the dataset's city. The postal code follows from the town and is not sent.",
    ),
    contact: {
      ...obj(
        {
          phone: phone('Home phone.'),
          mobile: phone('Mobile phone.'),
          fax: phone('FAX.'),
          email: s('Email address.', {pattern: PATTERNS.email}),
          preferred: {enum: [...CONTACT_METHODS], description: 'How the resident prefers to be contacted (sign_language = 手話通訳, writing = 筆談).'},
        },
        [],
        'At least one of phone, mobile, fax, email.',
      ),
      anyOf: ['phone', 'mobile', 'fax', 'email'].map((k) => has(k)),
    },
    household: obj(
      {type: {enum: [...HOUSEHOLD]}, members: {type: 'integer', minimum: 1, maximum: 99, description: 'People in the household, the resident included.'}},
      ['type'],
      '世帯構成.',
    ),
    needs: obj(
      {
        reasons: codes(REASONS, '支援が必要な理由.', 1),
        support: codes(SUPPORT, 'What is needed during evacuation (power_medical_device: 人工呼吸器・酸素・吸引・透析).'),
        notes: s('Anything else: medicines, how to communicate, pets, what to take.', {maxLength: 500}),
      },
      ['reasons'],
    ),
    emergency_contacts: {type: 'array', minItems: 1, maxItems: 2, items: person(true, '緊急連絡先.'), description: 'One or two emergency contacts.'},
    supporters: {type: 'array', minItems: 1, maxItems: 2, items: person(false, '避難支援者.'), description: 'Up to two people who help with evacuation.'},
    preferred_shelter_id: s('A shelter id from the dataset (Dataset.shelters[].id, GSI 共通ID).'),
    consent: obj(
      Object.fromEntries(CONSENT.map((c) => [c, {type: 'boolean'}])),
      [...CONSENT],
      'For each recipient group, whether the resident allows the information to be given to it. Unticked boxes are false.',
    ),
  },
  [...baseRequired, 'eligibility', 'filled_by', 'person', 'address', 'contact', 'household', 'needs', 'emergency_contacts', 'consent'],
  'Pre-registration for the 災害時要援護者 list.',
);
(register as {if?: Json}).if = {properties: {filled_by: {const: 'proxy'}}};
Object.assign(register, {then: has('proxy'), else: {not: has('proxy')}});

const urgent = obj(
  {
    ...base,
    mode: {const: 'urgent'},
    situation: codes(SITUATIONS, 'What is happening.', 1),
    urgency: {enum: [...URGENCY], description: 'life_threatening (命の危険がある), today, not_urgent.'},
    location: {
      ...obj(
        {
          town_id: townId,
          chome,
          banchi,
          landmark: s('Building, floor, room or a landmark.', {maxLength: 100}),
          geo: obj(
            {
              latitude: {type: 'number', minimum: -90, maximum: 90},
              longitude: {type: 'number', minimum: -180, maximum: 180},
              accuracy_m: {type: 'number', minimum: 0, description: 'Accuracy radius in metres, as the device reported it.'},
            },
            ['latitude', 'longitude', 'accuracy_m'],
            'Device location, only when the resident chose to share it.',
          ),
        },
        [],
        'Where: a town, or the device location, or both.',
      ),
      anyOf: [has('town_id'), has('geo')],
    },
    people: obj({who: {enum: [...WHO]}, count: {type: 'integer', minimum: 1, maximum: 99}}, ['who', 'count'], 'Who needs help and how many.'),
    needs: obj({support: codes(SUPPORT, 'Special needs.', 1)}, ['support']),
    contact: {
      ...obj({method: {enum: [...CALLBACK]}, phone: phone('Phone to call back or text.')}, ['method'], 'How to reach them.'),
      if: {properties: {method: {enum: ['phone', 'sms']}}},
      then: has('phone'),
    },
    details: s('Free text.', {maxLength: 500}),
  },
  [...baseRequired, 'situation', 'urgency', 'location', 'people', 'contact'],
  'A request for help now.',
);

export const REGISTER_EXAMPLE: RegisterRequest = {
  schema_version: HELP_REQUEST_SCHEMA_VERSION,
  id: '6f1c2a4e-8d0b-4c55-9a6e-2b7f0c1d9e33',
  mode: 'register',
  created_at: '2026-04-01T01:23:45.000Z',
  locale: 'ja',
  eligibility: {criteria: ['elderly_household', 'care_certified']},
  filled_by: 'proxy',
  proxy: {name: '西東京 花子', relationship: '長女', phone: '090-1234-5678'},
  person: {name: '西東京 太郎', name_kana: 'ニシトウキョウ　タロウ', birth_date: '1948-04-01', sex: 'male'},
  address: {town_id: 'town-minamicho', chome: 5, banchi: '6-13', building: '〇〇ハイツ101'},
  contact: {phone: '042-000-0000', preferred: 'phone'},
  household: {type: 'elderly_only', members: 2},
  needs: {reasons: ['walking', 'hearing'], support: ['hearing_aid', 'medication'], notes: '血圧の薬を毎日飲んでいます。'},
  emergency_contacts: [{name: '西東京 花子', relationship: '長女', phone: '090-1234-5678', email: 'hanako@example.jp'}],
  supporters: [{name: '田無 次郎', relationship: '近所の人', phone: '042-000-0001'}],
  preferred_shelter_id: 'E1322900056111',
  consent: {
    city_departments: true,
    police: true,
    fire: true,
    minsei_iin: true,
    bousai_soshiki: false,
    shakyo: true,
    houkatsu: true,
  },
};

export const URGENT_EXAMPLE: UrgentRequest = {
  schema_version: HELP_REQUEST_SCHEMA_VERSION,
  id: '0b8e3c9d-2f4a-4e6b-8c1d-5a7f9e0b1c2d',
  mode: 'urgent',
  created_at: '2026-04-01T02:00:00.000Z',
  locale: 'ja-x-easy',
  situation: ['cannot_evacuate', 'supplies'],
  urgency: 'today',
  location: {town_id: 'town-yagisawa', chome: 3, landmark: '〇〇マンション3階', geo: {latitude: 35.722, longitude: 139.5567, accuracy_m: 30}},
  people: {who: 'family', count: 2},
  needs: {support: ['wheelchair_or_stretcher']},
  contact: {method: 'phone', phone: '090-0000-0000'},
  details: '父が車いすで、階段をおりられません。',
};

/** The schema, with one register and one urgent example. */
export function helpRequestJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Help request (fukushi-disaster-help-form)',
    description:
      'What <fukushi-disaster-help-form> posts to its endpoint, with the header Idempotency-Key equal to id (docs/help-request-api.md). ' +
      'mode "register": pre-registration for the city\'s 災害時要援護者 list; mode "urgent": a request for help now. ' +
      'Only answers are sent: codes, no labels, no derived values. Ids must exist in the dataset the form used.',
    oneOf: [{$ref: '#/$defs/register'}, {$ref: '#/$defs/urgent'}],
    $defs: {register, urgent},
    examples: [REGISTER_EXAMPLE, URGENT_EXAMPLE],
  };
}
