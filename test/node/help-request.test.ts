// The published help-request schema: its examples are valid for ajv and for the form's own
// validator, the form's payload builder reproduces them, and the schema refuses what the form refuses.
// Run: node --import tsx --test test/node/help-request.test.ts
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import {helpRequestJsonSchema, REGISTER_EXAMPLE, URGENT_EXAMPLE} from '../../src/core/help-request/schema.js';
import {answersOf, buildPayload} from '../../src/components/disaster-help-form/payload.js';
import {validateAll} from '../../src/components/disaster-help-form/validate.js';
import type {Dataset} from '../../src/core/data/types.js';
import type {HelpRequest} from '../../src/core/help-request/types.js';

const data = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8')) as Dataset;
const schema = helpRequestJsonSchema();
// Formats (date-time, date) are annotations here; the patterns carry the checks.
const ajv = new Ajv2020({allErrors: true, strict: true, validateFormats: false});
const validate = ajv.compile(schema);

const clone = <T>(x: T): T => structuredClone(x);

test('the schema has one register and one urgent example', () => {
  const examples = schema.examples as HelpRequest[];
  assert.deepEqual(examples.map((e) => e.mode).sort(), ['register', 'urgent']);
});

for (const example of [REGISTER_EXAMPLE, URGENT_EXAMPLE]) {
  test(`${example.mode} example: valid for ajv`, () => {
    assert.ok(validate(example), JSON.stringify(validate.errors, null, 1));
  });

  test(`${example.mode} example: valid for the form's validator`, () => {
    const answers = answersOf(example.mode, example, data, example.locale);
    const problems = validateAll(example.mode, answers, data, example.locale, new Date('2026-04-01T12:00:00Z'));
    assert.deepEqual(problems.map(([s, e]) => [s.id, e]), []);
  });

  test(`${example.mode} example: the payload builder gives it back unchanged`, () => {
    const answers = answersOf(example.mode, example, data, example.locale);
    const again = buildPayload(example.mode, answers, {id: example.id, createdAt: example.created_at, locale: example.locale}, data);
    assert.deepEqual(again, example);
  });
}

test('the examples use ids that exist in the dataset', () => {
  const towns = new Map(data.towns.map((t) => [t.id, t]));
  assert.ok(towns.get(REGISTER_EXAMPLE.address.town_id)?.chome.some((c) => c.number === REGISTER_EXAMPLE.address.chome));
  assert.ok(towns.get(URGENT_EXAMPLE.location.town_id!)?.chome.some((c) => c.number === URGENT_EXAMPLE.location.chome));
  assert.ok(data.shelters.some((s) => s.id === REGISTER_EXAMPLE.preferred_shelter_id && s.kind === 'shelter'));
});

const refused: Array<[string, (x: Record<string, unknown> & HelpRequest) => void]> = [
  ['no id', (x) => delete (x as Partial<HelpRequest>).id],
  ['an id that is not a UUID v4', (x) => (x.id = '12345')],
  ['an unknown field (derived junk)', (x) => (x.postal_code = '188-0012')],
  ['an unknown mode', (x) => ((x as {mode: string}).mode = 'other')],
];
for (const [name, spoil] of refused) {
  test(`the schema refuses ${name}`, () => {
    const x = clone(REGISTER_EXAMPLE) as Record<string, unknown> & HelpRequest;
    spoil(x);
    assert.equal(validate(x), false);
  });
}

test('the schema refuses a register request without a way to contact, or with hiragana フリガナ, or a proxy without details', () => {
  const noContact = clone(REGISTER_EXAMPLE);
  noContact.contact = {preferred: 'writing'};
  assert.equal(validate(noContact), false);
  const hira = clone(REGISTER_EXAMPLE);
  hira.person.name_kana = 'にしとうきょう';
  assert.equal(validate(hira), false);
  const proxy = clone(REGISTER_EXAMPLE);
  delete proxy.proxy;
  assert.equal(validate(proxy), false);
  const self = clone(REGISTER_EXAMPLE);
  self.filled_by = 'self';
  assert.equal(validate(self), false, 'proxy details only with filled_by proxy');
  delete self.proxy;
  assert.ok(validate(self));
});

test('the schema refuses an urgent request with no place, or a phone callback without a phone', () => {
  const nowhere = clone(URGENT_EXAMPLE);
  nowhere.location = {landmark: '公園'};
  assert.equal(validate(nowhere), false);
  const noPhone = clone(URGENT_EXAMPLE);
  delete noPhone.contact.phone;
  assert.equal(validate(noPhone), false);
  const geoOnly = clone(URGENT_EXAMPLE);
  delete geoOnly.location.town_id;
  delete geoOnly.location.chome;
  assert.ok(validate(geoOnly), JSON.stringify(validate.errors));
});

test('the form refuses what the schema refuses (phone, kana)', () => {
  const bad = clone(REGISTER_EXAMPLE);
  bad.contact.phone = '12345';
  bad.person.name_kana = 'Taro';
  const answers = answersOf('register', bad, data);
  const fields = validateAll('register', answers, data).flatMap(([, e]) => e.map((x) => x.field));
  assert.deepEqual(fields, ['person.name_kana', 'contact.phone']);
  assert.equal(validate(bad), false);
});
