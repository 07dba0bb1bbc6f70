/**
 * Generates the published JSON Schema (draft 2020-12) from the same spec the validator uses.
 * Cross-references between ids cannot be expressed in JSON Schema; the schema says so and
 * `fukushi-widgets validate` checks them.
 */
import {datasetSpec, definitions, type Spec} from '../core/data/spec.js';

type Json = Record<string, unknown>;

/** A string with a character other than white space: the validator trims before it checks. */
const NOT_BLANK = '\\S';

// Strict ajv: `required` names a property of its own schema object, and `items` says "array".
const textSchema: Json = {
  type: 'object',
  description: 'A text in three reading modes. ja is required; ja-x-easy and en may be missing only when listed in untranslated. Japanese may hold ruby notation ｜漢字《かんじ》.',
  required: ['ja'],
  additionalProperties: false,
  properties: {
    ja: {type: 'string', minLength: 1, pattern: NOT_BLANK},
    'ja-x-easy': {type: 'string', minLength: 1, pattern: NOT_BLANK},
    en: {type: 'string', minLength: 1, pattern: NOT_BLANK},
    untranslated: {type: 'array', items: {enum: ['ja-x-easy', 'en']}, uniqueItems: true},
  },
  allOf: ['ja-x-easy', 'en'].map((variant) => ({
    anyOf: [
      {required: [variant], properties: {[variant]: true}},
      // "Lists the variant", written without `contains`: ajv 8 lets an empty list through
      // `contains` here once an earlier array item has passed it.
      {required: ['untranslated'], properties: {untranslated: {type: 'array', not: {type: 'array', items: {not: {const: variant}}}}}},
    ],
  })),
};

function convert(spec: Spec): Json {
  switch (spec.t) {
    case 'text':
      return {$ref: '#/$defs/text'};
    case 'ref':
      return {$ref: `#/$defs/${spec.name}`};
    case 'string':
    case 'url': {
      // The validator refuses blank strings before it tries the pattern; the schema needs the pattern to.
      if (spec.pattern && [' ', '\u3000'].some((blank) => spec.pattern!.test(blank))) {
        throw new Error(`the pattern ${spec.pattern} accepts a blank string, which the validator refuses: make it require a character`);
      }
      const out: Json = {type: 'string', minLength: 1, pattern: spec.pattern?.source ?? NOT_BLANK};
      if (spec.t === 'url') Object.assign(out, {format: 'uri', description: 'an https:, http:, tel: or mailto: URL in RFC 3986 characters: percent-encode spaces and Japanese'});
      else if (spec.hint) out.description = spec.hint;
      return out;
    }
    case 'number': {
      const out: Json = {type: 'number'};
      if (spec.min !== undefined) out.minimum = spec.min;
      if (spec.max !== undefined) out.maximum = spec.max;
      return out;
    }
    case 'boolean':
      return {type: 'boolean'};
    case 'enum':
      return {enum: [...spec.values]};
    case 'array': {
      const out: Json = {type: 'array', items: convert(spec.of)};
      if (spec.min) out.minItems = spec.min;
      return out;
    }
    case 'union':
      return {oneOf: Object.values(spec.cases).map(convert)};
    case 'object': {
      const properties: Json = {};
      const required: string[] = [];
      for (const [name, field] of Object.entries(spec.fields)) {
        const converted = convert(field.spec);
        properties[name] = field.doc ? {...converted, description: field.doc} : converted;
        if (!field.optional) required.push(name);
      }
      return {type: 'object', properties, required, additionalProperties: Boolean(spec.open)};
    }
  }
}

export function datasetJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://fukushi-widgets.example/schema/dataset.schema.json',
    title: 'fukushi-widgets dataset',
    description:
      'Services, consultation desks, towns, shelters and the plan for fukushi-widgets, using Open Referral HSDS 3.0 names with Japan-specific fields under x_jp. ' +
      'Ids referenced across the file (organization_id, location_id, taxonomy_term_id, town_id, plan ids, source ids) must exist; `fukushi-widgets validate` checks that.',
    ...convert(datasetSpec),
    $defs: {
      text: textSchema,
      ...Object.fromEntries(Object.entries(definitions).map(([name, spec]) => [name, convert(spec)])),
    },
  };
}
