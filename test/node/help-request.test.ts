// The published help-request schema: its examples are valid for ajv and for the form's own
// validator, the form's payload builder reproduces them, and the schema refuses what the form refuses.
// The form definition (data/help-form/nishitokyo.json): it builds with a reading on every kanji,
// broken definitions are refused with the JSON path of the problem, and its keys are schema paths.
// Run: node --import tsx --test test/node/help-request.test.ts
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import {helpRequestJsonSchema, REGISTER_EXAMPLE, URGENT_EXAMPLE} from '../../src/core/help-request/schema.js';
import {answersOf, buildPayload, validateAll} from '../../src/core/help-request/engine.js';
import {buildDefinition, checkDefinition, resolveTexts, type Annotate} from '../../src/core/help-request/build-definition.js';
import type {FormDefinition} from '../../src/core/help-request/form-definition.js';
import type {Dataset, Text} from '../../src/core/data/types.js';
import type {HelpRequest} from '../../src/core/help-request/types.js';
import {kanjiWithoutReading} from '../../src/core/data/validate.js';
import {Annotator, loadTokenizer} from '../../src/cli/readings.js';
import {readOverrides} from '../../src/cli/build-data.js';

/** Builds from the sources with the CLI, so that the test never reads a stale or missing dist/. */
function buildFresh(): {data: Dataset; def: FormDefinition} {
  const dir = mkdtempSync(join(tmpdir(), 'fukushi-help-build-'));
  try {
    for (const args of [
      ['build-data', 'data/nishitokyo', '--readings', 'data/readings.json', '--out', join(dir, 'nishitokyo.json')],
      ['build-help-form', SOURCE, '--readings', 'data/readings.json', '--dataset', 'data/nishitokyo', '--out', join(dir, 'help-form.json')],
    ]) {
      const r = spawnSync('node', ['--import', 'tsx', 'src/cli/index.ts', ...args], {encoding: 'utf8'});
      assert.equal(r.status, 0, `${args[0]} failed:\n${r.stdout}${r.stderr}`);
    }
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    return {data: read('nishitokyo.json') as Dataset, def: read('help-form.json') as FormDefinition};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
const SOURCE = 'data/help-form/nishitokyo.json';
/** The built dataset and form definition, as the element loads them. */
const {data, def} = buildFresh();
const source = () => JSON.parse(readFileSync(SOURCE, 'utf8')) as Record<string, any>;
const sources = (JSON.parse(readFileSync('data/nishitokyo/sources.json', 'utf8')).sources as Array<{id: string}>).map((s) => s.id);
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
    const answers = answersOf(def, example.mode, example);
    const problems = validateAll({def, data, locale: example.locale}, example.mode, answers, new Date('2026-04-01T12:00:00Z'));
    assert.deepEqual(problems.map(([s, e]) => [s.id, e]), []);
  });

  test(`${example.mode} example: the payload builder gives it back unchanged`, () => {
    const answers = answersOf(def, example.mode, example);
    const again = buildPayload(def, example.mode, answers, {id: example.id, createdAt: example.created_at, locale: example.locale});
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
  const answers = answersOf(def, 'register', bad);
  const fields = validateAll({def, data, locale: 'ja'}, 'register', answers).flatMap(([, e]) => e.map((x) => x.field));
  assert.deepEqual(fields, ['person.name_kana', 'contact.phone']);
  assert.equal(validate(bad), false);
});

// ---- the form definition ----------------------------------------------------------------

let annotate: Annotate;
before(async () => {
  const annotator = new Annotator(await loadTokenizer(), readOverrides('data/readings.json'));
  annotate = (text) => annotator.annotate(text);
});

/** Every Text in a definition, with its JSON path. */
function texts(value: unknown, path = '$', out: Array<[string, Text]> = []): Array<[string, Text]> {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    if (typeof (value as Text).ja === 'string') out.push([path, value as Text]);
    else for (const [k, v] of Object.entries(value)) texts(v, `${path}.${k}`, out);
  }
  return out;
}

test('the definition builds, with a reading on every kanji of every Japanese text', () => {
  const report = buildDefinition(source(), annotate, sources);
  assert.deepEqual(report.problems, []);
  assert.equal(report.definition.readings_complete, true);
  for (const built of [report.definition, def]) {
    const all = texts(built);
    assert.ok(all.length > 250, `${all.length} texts`);
    for (const [path, text] of all) {
      for (const lang of ['ja', 'ja-x-easy'] as const) assert.deepEqual(kanjiWithoutReading(text[lang]!), [], `${path}.${lang}: ${text[lang]}`);
      assert.ok(text.en, `${path}.en`);
    }
  }
  // Shared texts are put in place of their names; editors' own readings are kept.
  const who = report.definition.modes.register.steps.find((s) => s.id === 'who')!;
  assert.equal(typeof who.fields![2]!.label, 'object');
  assert.match(who.fields![2]!.label['ja-x-easy']!, /｜本人《ほんにん》/);
  assert.match(report.definition.modes.register.steps[0]!.title.ja, /｜登録《とう\|ろく》/);
  // The build in dist/ is this build.
  assert.deepEqual(def, JSON.parse(JSON.stringify(report.definition)));
});

const problemsOf = (change: (d: Record<string, any>) => void) => {
  const d = source();
  change(d);
  return buildDefinition(d, annotate, sources).problems;
};
const paths = (problems: Array<{path: string}>) => problems.map((p) => p.path);

test('a definition missing a text is refused with the path of the text', () => {
  assert.deepEqual(paths(problemsOf((d) => delete d.texts.received)), ['$.texts.received']);
  const noEnglish = problemsOf((d) => delete d.modes.register.steps[3].fields[0].label.en);
  assert.deepEqual(paths(noEnglish), ['$.modes.register.steps[3].fields[0].label.en']);
  assert.match(noEnglish[0]!.message, /the en text is missing/);
  const unknownName = problemsOf((d) => (d.modes.urgent.steps[0].fields[0].hint = 'selectEverything'));
  assert.deepEqual(paths(unknownName), ['$.modes.urgent.steps[0].fields[0].hint']);
  assert.match(unknownName[0]!.message, /no text named "selectEverything"/);
  const noLabel = problemsOf((d) => delete d.modes.urgent.steps[0].fields[1].label);
  assert.deepEqual(paths(noLabel), ['$.modes.urgent.steps[0].fields[1].label']);
  const placeholder = problemsOf((d) => (d.texts.errorMax.en = 'Too long'));
  assert.deepEqual(paths(placeholder), ['$.texts.errorMax.en']);
});

test('a definition with a bad condition is refused with the path of the condition', () => {
  const unknownValue = problemsOf((d) => (d.modes.register.steps[2].fields[1].when.in = ['someone']));
  assert.deepEqual(paths(unknownValue), ['$.modes.register.steps[2].fields[1].when.in[0]']);
  assert.match(unknownValue[0]!.message, /"someone" is not an option of filled_by/);
  const unknownKey = problemsOf((d) => (d.modes.register.steps[1].when.key = 'eligibility.criterion'));
  assert.deepEqual(paths(unknownKey), ['$.modes.register.steps[1].when.key']);
  assert.deepEqual(paths(problemsOf((d) => (d.modes.urgent.emergency[1] = {key: 'situation'}))), ['$.modes.urgent.emergency[1]']);
  assert.deepEqual(paths(problemsOf((d) => (d.modes.register.self.nope = true))), ['$.modes.register.self.nope']);
});

test('other mistakes name their path: kinds, groups, references, provenance, readings', () => {
  assert.deepEqual(paths(problemsOf((d) => (d.modes.register.steps[3].fields[1].kind = 'katakana'))), ['$.modes.register.steps[3].fields[1].kind']);
  assert.deepEqual(paths(problemsOf((d) => (d.modes.register.steps[9].fields[0].group = 'third'))), ['$.modes.register.steps[9].fields[0].group']);
  assert.deepEqual(paths(problemsOf((d) => (d.modes.register.steps[4].fields[1].from = 'address.banchi'))), ['$.modes.register.steps[4].fields[1].from']);
  assert.deepEqual(paths(problemsOf((d) => (d.modes.register.steps[0].fields[0].x_jp.sources = ['city-nowhere']))), ['$.modes.register.steps[0].fields[0].x_jp.sources[0]']);
  assert.deepEqual(paths(problemsOf((d) => (d.modes.register.steps[3].fields[0].lable = d.modes.register.steps[3].fields[0].label))), [
    '$.modes.register.steps[3].fields[0].lable',
  ]);
  // Like the data build: a kanji without a reading fails, naming the text and the kanji.
  const d = source();
  d.modes.register.steps[3].fields[0].label.ja = '氏名（𠮷）';
  const noReading = buildDefinition(d, (s) => ({notation: s, missing: s.includes('𠮷') ? ['𠮷'] : []}), sources).problems;
  assert.deepEqual(paths(noReading), ['$.modes.register.steps[3].fields[0].label.ja']);
  assert.match(noReading[0]!.message, /^no reading for 𠮷 in "氏名（𠮷）"/);
});

/** The sub-schema at a dotted payload path, walked independently of the build's own check. */
function schemaAt(schema: any, key: string): any {
  return key.split('.').reduce((node, part) => (node === undefined ? undefined : /^\d+$/.test(part) ? node.items : node.properties?.[part]), schema);
}

test('every field key of the definition is a path of the help-request schema, with options the schema allows', () => {
  const schema = helpRequestJsonSchema() as any;
  for (const mode of ['register', 'urgent'] as const) {
    const keys: string[] = [];
    for (const step of def.modes[mode].steps) {
      for (const f of step.fields ?? []) {
        keys.push(f.key);
        const at = schemaAt(schema.$defs[mode], f.key);
        assert.ok(at, `${mode}: ${f.key} is not a path of the schema`);
        const allowed = f.kind === 'flags' ? Object.keys(at.properties) : (at.items?.enum ?? at.enum);
        if (f.options) assert.deepEqual(f.options.map((o) => o.value).filter((v) => !allowed.includes(v)), [], `${mode}: ${f.key}`);
        if (f.kind === 'flags') assert.deepEqual(f.options!.map((o) => o.value), Object.keys(at.properties), 'every consent group is asked');
      }
    }
    // Every answer the schema requires is asked somewhere.
    for (const required of schema.$defs[mode].required as string[]) {
      if (['schema_version', 'id', 'mode', 'created_at', 'locale'].includes(required)) continue;
      assert.ok(keys.some((k) => k === required || k.startsWith(`${required}.`)), `${mode}: nothing asks for ${required}`);
    }
  }
  // The build refuses a key the schema does not have, and an option it does not allow.
  const bad = resolveTexts(source()) as any;
  bad.modes.register.steps[3].fields[0].key = 'person.full_name';
  bad.modes.register.steps[3].fields[3].options[0].value = 'woman';
  assert.deepEqual(paths(checkDefinition(bad, sources)), ['$.modes.register.steps[3].fields[0].key', '$.modes.register.steps[3].fields[3].options[0].value']);
});

test('fukushi-widgets build-help-form writes the built definition, or names the problems and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'help-form-'));
  const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/index.ts', 'build-help-form', ...args], {encoding: 'utf8'});
  try {
    const ok = cli(SOURCE, '--readings', 'data/readings.json', '--out', join(dir, 'help-form.json'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'help-form.json'), 'utf8')).readings_complete, true);
    const d = source();
    delete d.texts.queued;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(d));
    const broken = cli(join(dir, 'broken.json'), '--readings', 'data/readings.json', '--out', join(dir, 'broken-out.json'));
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /\$\.texts\.queued\n\s+問題 \/ what: the form needs the text "queued"/);
    assert.throws(() => readFileSync(join(dir, 'broken-out.json')));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
