// The published JSON Schemas and the validator agree.
// - Both published schemas (dataset, help request) compile with strict ajv and ajv-formats.
// - The datasets the project ships and tests with are valid for both.
// - Property: on generated datasets (valid ones, mutated at random: wrong types, missing fields,
//   extra fields, bad strings, URLs with raw spaces or Japanese, bad ids, out-of-range numbers),
//   validateDataset and strict ajv give the same verdict, valid or invalid.
//
// What a JSON Schema cannot say, and only the validator checks: ids that must exist or be unique,
// the sources of a verified fact, a verified fallback number, javascript: inside free text, a
// reading on every kanji of a built dataset, and rules between fields (opening before closing).
// The mutations leave those alone, so that both sides can judge every case: ids and the fields
// that depend on each other (times, days, date ranges) only become invalid, never another valid
// value; a provenance never loses its `sources`; enums only get values outside their list; and
// generated free text holds no kanji and no ":".
// Run: node --import tsx --test test/node/schema-agreement.test.ts
import {before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import type {ValidateFunction} from 'ajv';
import {strictAjv} from '../lib/strict-ajv.js';
import {datasetJsonSchema} from '../../src/cli/schema.js';
import {helpRequestJsonSchema, REGISTER_EXAMPLE} from '../../src/core/help-request/schema.js';
import {buildDataset, readDatasetSource, readOverrides} from '../../src/cli/build-data.js';
import {validateDataset} from '../../src/core/data/validate.js';
import {definitions, datasetSpec, ID, ID_PATTERN, LINK, type Spec} from '../../src/core/data/spec.js';

const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'src/cli/index.ts', ...args], {encoding: 'utf8'});
const FIXTURE = JSON.parse(readFileSync('test/fixtures/fictional-town.json', 'utf8')) as Record<string, unknown>;

describe('the published schemas', () => {
  for (const command of ['schema', 'help-request-schema']) {
    test(`${command}: compiles with strict ajv (draft 2020-12) and ajv-formats`, () => {
      const r = cli(command);
      assert.equal(r.status, 0, r.stderr);
      const warnings: string[] = [];
      const ajv = strictAjv({logger: {log: () => {}, warn: (...m: unknown[]) => warnings.push(m.join(' ')), error: (...m: unknown[]) => warnings.push(m.join(' '))}});
      assert.doesNotThrow(() => ajv.compile(JSON.parse(r.stdout)));
      assert.deepEqual(warnings, []);
    });
  }

  test('hold no Nishitokyo-only value (the help request\'s examples aside)', () => {
    const helpRequest = helpRequestJsonSchema() as Record<string, unknown>;
    delete helpRequest.examples;
    for (const schema of [datasetJsonSchema(), helpRequest]) {
      const text = JSON.stringify(schema);
      for (const value of ['田無', '保谷', '西東京', 'nishitokyo', 'town-', '042-464', '188-']) assert.ok(!text.includes(value), value);
    }
  });

  test("a help request from another city's form: its own town ids and 丁目 numbers", () => {
    const validate = strictAjv().compile(helpRequestJsonSchema());
    const request = structuredClone(REGISTER_EXAMPLE);
    request.address = {town_id: 'aozora.1', chome: 12, banchi: '3-4'};
    assert.equal(validate(request), true, JSON.stringify(validate.errors));
    request.address.town_id = 'あおぞら';
    assert.equal(validate(request), false);
  });
});

// The datasets, as the property starts from them.
let bases: Array<{name: string; data: Record<string, unknown>}>;
let schemaValid: ValidateFunction;

before(async () => {
  schemaValid = strictAjv().compile(datasetJsonSchema());
  const source = readDatasetSource('data/nishitokyo');
  const built = (await buildDataset(source, readOverrides('data/readings.json'))).dataset as unknown as Record<string, unknown>;
  bases = [
    {name: 'fictional town', data: FIXTURE},
    {name: 'Nishitokyo source', data: source},
    {name: 'Nishitokyo built', data: built},
  ];
});

describe('the datasets', () => {
  test('are valid for the validator and for strict ajv with formats', () => {
    for (const {name, data} of bases) {
      assert.deepEqual(validateDataset(data), [], name);
      assert.equal(schemaValid(data), true, `${name}: ${JSON.stringify(schemaValid.errors?.slice(0, 3))}`);
    }
  });

  test('a town needs no former city, and a former city is free text', () => {
    const towns = (FIXTURE.towns as Array<Record<string, unknown>>);
    assert.ok(towns.some((t) => !('former_city' in t)) && towns.some((t) => t.former_city === '旧あおぞら村'));
  });

  test('a URL with raw Japanese is refused by both, with the fix to percent-encode it', () => {
    const data = structuredClone(FIXTURE) as {sources: Array<{url?: string}>};
    data.sources[0]!.url = 'https://city.example/article/東京都/';
    assert.equal(schemaValid(data), false);
    const [problem] = validateDataset(data);
    assert.equal(problem?.path, '$.sources[0].url');
    assert.match(problem!.message, /"東"/);
    assert.match(problem!.fix, /percent-encode/);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations

type Path = Array<string | number>;
interface Site {
  path: Path;
  spec: Spec;
  value: unknown;
}
type Mutation = {path: Path; set: unknown} | {path: Path; remove: true};

/** Fields whose valid values depend on other fields (the validator may compare them): only made invalid. */
const INVALID_ONLY = new Set(['opens_at', 'closes_at', 'byday', 'valid_from', 'valid_to', 'from', 'to']);

function sitesOf(spec: Spec, value: unknown, path: Path, out: Site[]): Site[] {
  if (spec.t === 'ref') return sitesOf(definitions[spec.name]!, value, path, out);
  out.push({path, spec, value});
  if (spec.t === 'array' && Array.isArray(value)) value.forEach((v, i) => sitesOf(spec.of, v, [...path, i], out));
  if (spec.t === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, field] of Object.entries(spec.fields)) {
      const child = (value as Record<string, unknown>)[name];
      if (child !== undefined) sitesOf(field.spec, child, [...path, name], out);
    }
  }
  if (spec.t === 'union' && value && typeof value === 'object') {
    const chosen = spec.cases[(value as Record<string, string>)[spec.key]!];
    if (chosen) sitesOf(chosen, value, path, out);
  }
  return out;
}

const kind = (spec: Spec) => (spec.t === 'url' || spec.t === 'enum' ? 'string' : spec.t === 'text' || spec.t === 'union' ? 'object' : spec.t);
const WRONG_TYPES: Record<string, unknown[]> = {
  string: [null, 0, true, [], {}],
  number: [null, '1', true, [], {}],
  boolean: [null, 0, 'true', [], {}],
  array: [null, 0, 'x', {}],
  object: [null, 0, 'x', []],
};
/** Free text without kanji (a built dataset needs readings on kanji) and without ":" (no javascript:). */
const freeText = fc.string({unit: fc.constantFrom('あ', 'い', 'ア', 'ー', '・', 'a', 'B', '1', ' ', '　', '。', '(', '\n'), maxLength: 12});
const blank = fc.constantFrom('', ' ', '　', '\n\t');
const URL_UNITS = ['h', 't', 'p', 's', ':', '/', '/', 'w', '.', 'e', 'x', '%', '2', '0', 'F', ' ', 'あ', '#', '?', '=', '&', '@', '-', '[', ']', '\\', '~', 'T', 'L', '+'];
const link = fc.oneof(
  fc.stringMatching(LINK),
  fc.constantFrom(
    'https://city.example/東京/', 'https://city.example/a b', 'https://city.example/%zz', 'HTTPS://city.example/', 'https://', 'https:///x',
    'https://192.0.2.1/', 'ftp://city.example/', 'javascript:alert(1)', ' https://city.example/', 'https://city.example/\n', 'tel:', 'tel:+81-3-0000-0000',
    'mailto:', 'mailto:a@b', 'mailto:name@city.example?subject=%E7%9B%B8', 'https://city.example:8080/a?b=c#d', 'http:city.example', 'https://city.example#a#b',
  ),
  fc.string({unit: fc.constantFrom(...URL_UNITS), maxLength: 30}).map((s) => (s.startsWith('h') ? s : `https://${s}`)),
);
const anyString = fc.string({unit: fc.constantFrom('0', '1', '9', '-', ':', '(', ')', 'a', 'Z', 'T', 'M', 'O', '_', '.', ',', ' ', '　', 'あ', 'ー', '・', '@', '１', '+'), maxLength: 16});

const matching = new Map<RegExp, fc.Arbitrary<string>>();
const stringMatching = (pattern: RegExp) => matching.get(pattern) ?? matching.set(pattern, fc.stringMatching(pattern)).get(pattern)!;

/**
 * Mutations by kind, each with the sites it applies to: a case picks a kind first, then a site,
 * so that rare sites (a text's variant, a union's tag) are tried as often as common ones.
 */
const at = (site: Site, ...rest: Path): Path => [...site.path, ...rest];
const setTo = (site: Site, v: fc.Arbitrary<unknown>) => v.map((x): Mutation[] => [{path: site.path, set: x}]);
const isString = (site: Site) => site.spec.t === 'string';
const invalidOnly = (site: Site) => isString(site) && (site.spec === ID || INVALID_ONLY.has(String(site.path[site.path.length - 1])));
const isText = (site: Site) => site.spec.t === 'text';
const TEXT_VARIANTS = ['ja', 'ja-x-easy', 'en'] as const;

const MUTATIONS: Record<string, {applies: (site: Site) => boolean; make: (site: Site) => fc.Arbitrary<Mutation[]>}> = {
  'wrong type': {applies: () => true, make: (site) => setTo(site, fc.constantFrom(...WRONG_TYPES[kind(site.spec)]!))},
  'invalid id or time': {
    applies: invalidOnly,
    make: (site) => {
      const pattern = (site.spec as {pattern?: RegExp}).pattern ?? ID_PATTERN;
      return setTo(site, fc.oneof(blank, fc.constantFrom('-x', 'has space', 'アイディー', 'a/b', '_x', '25:00', 'XX'), anyString).filter((s) => !pattern.test(s) || !s.trim()));
    },
  },
  'patterned string': {
    applies: (site) => isString(site) && !invalidOnly(site) && Boolean((site.spec as {pattern?: RegExp}).pattern),
    make: (site) => setTo(site, fc.oneof(stringMatching((site.spec as {pattern: RegExp}).pattern), anyString, blank)),
  },
  'free string': {applies: (site) => isString(site) && !(site.spec as {pattern?: RegExp}).pattern, make: (site) => setTo(site, fc.oneof(freeText, blank))},
  link: {applies: (site) => site.spec.t === 'url', make: (site) => setTo(site, link)},
  number: {
    applies: (site) => site.spec.t === 'number',
    make: (site) => {
      const {min = 0, max = 0} = site.spec as {min?: number; max?: number};
      return setTo(site, fc.oneof(fc.double({noNaN: true, noDefaultInfinity: true}), fc.integer({min: -200, max: 3000}), fc.constantFrom(min, max, min - 0.5, max + 1)));
    },
  },
  'enum value outside the list': {
    applies: (site) => site.spec.t === 'enum',
    make: (site) => setTo(site, fc.oneof(fc.constantFrom('', 'x', 'ACTIVE', ' verified'), fc.string()).filter((v) => !(site.spec as {values: readonly string[]}).values.includes(v))),
  },
  'empty list that needs an item': {applies: (site) => site.spec.t === 'array' && Boolean(site.spec.min), make: (site) => fc.constant([{path: site.path, set: []}])},
  'other union case': {
    applies: (site) => site.spec.t === 'union',
    make: (site) => {
      const spec = site.spec as {key: string; cases: Record<string, Spec>};
      return fc.constantFrom(...Object.keys(spec.cases)).map((tag): Mutation[] => [{path: at(site, spec.key), set: tag}]);
    },
  },
  'field removed': {
    applies: (site) => site.spec.t === 'object' && removable(site).length > 0,
    make: (site) => fc.constantFrom(...removable(site)).map((k): Mutation[] => [{path: at(site, k), remove: true}]),
  },
  'unknown field': {
    applies: (site) => site.spec.t === 'object' || isText(site),
    make: (site) => fc.constantFrom('x_extra', 'colour', 'Name', 'fr').map((k): Mutation[] => [{path: at(site, k), set: 1}]),
  },
  'text rewritten': {applies: isText, make: (site) => fc.tuple(fc.constantFrom(...TEXT_VARIANTS), freeText).map(([k, v]): Mutation[] => [{path: at(site, k), set: v}])},
  'text blanked': {applies: isText, make: (site) => fc.tuple(fc.constantFrom(...TEXT_VARIANTS), blank).map(([k, v]): Mutation[] => [{path: at(site, k), set: v}])},
  'text variant removed': {applies: isText, make: (site) => fc.constantFrom(...TEXT_VARIANTS).map((k): Mutation[] => [{path: at(site, k), remove: true}])},
  // Not yet translated: valid when listed once, invalid when listed twice.
  'text marked untranslated': {
    applies: isText,
    make: (site) => {
      const listed = ((site.value as {untranslated?: string[]}).untranslated ?? []) as string[];
      return fc.constantFrom('ja-x-easy', 'en').map((k): Mutation[] => [{path: at(site, k), remove: true}, {path: at(site, 'untranslated'), set: [...listed, k]}]);
    },
  },
  'bad untranslated': {applies: isText, make: (site) => fc.constantFrom<unknown>(['ja'], 'en', [1], ['en', 'en'], []).map((u): Mutation[] => [{path: at(site, 'untranslated'), set: u}])},
};

/** Fields of an object that may go; a provenance keeps its sources (a verified fact without one is the validator's business). */
function removable(site: Site): string[] {
  const spec = site.spec as {fields: Record<string, unknown>};
  return Object.keys(site.value as object).filter((k) => k in spec.fields && !(k === 'sources' && 'status' in spec.fields));
}

/**
 * Applies mutations to `base` without changing it: only the objects on the mutated paths are
 * copied (a whole copy of the built dataset per case would take most of the test's time).
 */
function mutated(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const copies = new Set<unknown>();
  const copy = <T>(v: T): T => {
    const c = (Array.isArray(v) ? [...v] : {...v}) as T;
    copies.add(c);
    return c;
  };
  const root = copy(base);
  for (const mutation of mutations) {
    let node: Record<string | number, unknown> = root;
    const last = mutation.path[mutation.path.length - 1]!;
    let reachable = true;
    for (const step of mutation.path.slice(0, -1)) {
      const child = node[step];
      if (!child || typeof child !== 'object') {
        reachable = false;
        break;
      }
      if (!copies.has(child)) node[step] = copy(child);
      node = node[step] as Record<string | number, unknown>;
    }
    if (!reachable) continue;
    if (!('remove' in mutation)) node[last] = mutation.set;
    else if (!Array.isArray(node)) delete node[last];
  }
  return root;
}

describe('validateDataset and strict ajv give the same verdict', () => {
  test('on generated datasets: the fictional town and Nishitokyo (source and built), mutated at random', (t) => {
    // For each dataset, each kind of mutation and the sites it applies to.
    const sites = bases.map(({data}) => {
      const all = sitesOf(datasetSpec, data, [], []);
      return Object.entries(MUTATIONS)
        .map(([name, m]) => ({name, make: m.make, sites: all.filter(m.applies)}))
        .filter((k) => k.sites.length);
    });
    const seen = {runs: 0, valid: 0, invalid: 0};
    const kinds = new Map<string, number>();
    const generated = fc.integer({min: 0, max: bases.length - 1}).chain((b) =>
      fc
        .array(
          fc.constantFrom(...sites[b]!).chain((k) => fc.integer({min: 0, max: k.sites.length - 1}).chain((i) => k.make(k.sites[i]!).map((m) => ({kind: k.name, m})))),
          {maxLength: 3},
        )
        .map((list) => ({base: b, kinds: list.map((x) => x.kind), mutations: list.flatMap((x) => x.m)})),
    );
    fc.assert(
      fc.property(generated, ({base, kinds: used, mutations}) => {
        const data = mutated(bases[base]!.data, mutations);
        const problems = validateDataset(data);
        const schema = schemaValid(data);
        assert.equal(
          schema,
          problems.length === 0,
          `${bases[base]!.name} with ${JSON.stringify(mutations)}:\n validator: ${JSON.stringify(problems.slice(0, 3))}\n ajv: ${JSON.stringify(schemaValid.errors?.slice(0, 3))}`,
        );
        seen.runs++;
        seen[schema ? 'valid' : 'invalid']++;
        for (const k of used) kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }),
      {numRuns: 1000},
    );
    t.diagnostic(`${seen.runs} datasets, ${seen.valid} valid and ${seen.invalid} invalid for both; the verdicts agreed on every one`);
    t.diagnostic(`mutations: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    assert.equal(kinds.size, Object.keys(MUTATIONS).length, 'every kind of mutation was tried');
    // Both verdicts must be common, or the property proves little.
    assert.ok(seen.valid > seen.runs / 10 && seen.invalid > seen.runs / 10, JSON.stringify(seen));
  });

  test('on links: whatever the validator accepts, ajv accepts and browsers parse', (t) => {
    const seen = {runs: 0, valid: 0, invalid: 0};
    fc.assert(
      fc.property(link, (url) => {
        const data = mutated(FIXTURE, [{path: ['sources', 0, 'url'], set: url}]);
        const valid = validateDataset(data).length === 0;
        assert.equal(schemaValid(data), valid, `${JSON.stringify(url)}: ${JSON.stringify(schemaValid.errors)}`);
        if (valid) assert.doesNotThrow(() => new URL(url), url);
        seen.runs++;
        seen[valid ? 'valid' : 'invalid']++;
      }),
      {numRuns: 3000},
    );
    t.diagnostic(`${seen.runs} links, ${seen.valid} valid and ${seen.invalid} invalid for both`);
    assert.ok(seen.valid > seen.runs / 10 && seen.invalid > seen.runs / 10, JSON.stringify(seen));
  });
});
