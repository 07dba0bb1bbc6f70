// The dataset: the built Nishitokyo data, the schema and validator, the data build, the CLI.
import {test, describe, before} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import iconv from 'iconv-lite';
import type {Dataset} from '../../src/core/data/types.js';
import {validateDataset, kanjiWithoutReading} from '../../src/core/data/validate.js';
import {datasetJsonSchema} from '../../src/cli/schema.js';
import {buildDataset, readDatasetSource, readOverrides} from '../../src/cli/build-data.js';
import {importServicesCsv} from '../../src/cli/import-csv.js';
import {parseRuby, isRuby, readingOf} from '../../src/core/text/ruby.js';
import {generate as generateHolidays} from '../../scripts/gen-holidays.mjs';
import {strictAjv} from '../lib/strict-ajv.js';

/** The dataset built fresh from data/ by the test (never a stale dist/), written here for the CLI checks. */
const BUILT = join(mkdtempSync(join(tmpdir(), 'fukushi-data-')), 'nishitokyo.json');
const cli = (...args: string[]) =>
  spawnSync('node', ['--import', 'tsx', 'src/cli/index.ts', ...args], {encoding: 'utf8'});

let built: Dataset;
let source: Record<string, unknown>;
// As consumers check it: strict mode, with formats (test/node/schema-agreement.test.ts compares the two at length).
const schemaValid = strictAjv({allErrors: true}).compile(datasetJsonSchema());

before(async () => {
  source = readDatasetSource('data/nishitokyo');
  built = (await buildDataset(source, readOverrides('data/readings.json'))).dataset;
  writeFileSync(BUILT, JSON.stringify(built));
});

// The reviewed town readings and postal codes: ABR 町字マスター and Japan Post (docs/sources.md, "Towns").
const TOWNS: Record<string, [string, string]> = {
  谷戸町: ['やとちょう', '188-0001'], 緑町: ['みどりちょう', '188-0002'], 北原町: ['きたはらちょう', '188-0003'],
  西原町: ['にしはらちょう', '188-0004'], 田無町: ['たなしちょう', '188-0011'], 南町: ['みなみちょう', '188-0012'],
  向台町: ['むこうだいちょう', '188-0013'], 芝久保町: ['しばくぼちょう', '188-0014'], ひばりが丘: ['ひばりがおか', '202-0001'],
  ひばりが丘北: ['ひばりがおかきた', '202-0002'], 北町: ['きたまち', '202-0003'], 下保谷: ['しもほうや', '202-0004'],
  住吉町: ['すみよしちょう', '202-0005'], 栄町: ['さかえちょう', '202-0006'], 泉町: ['いずみちょう', '202-0011'],
  東町: ['ひがしちょう', '202-0012'], 中町: ['なかまち', '202-0013'], 富士町: ['ふじまち', '202-0014'],
  保谷町: ['ほうやちょう', '202-0015'], 東伏見: ['ひがしふしみ', '202-0021'], 柳沢: ['やぎさわ', '202-0022'],
  新町: ['しんまち', '202-0023'],
};

const plain = (notation: string) => parseRuby(notation).map((s) => (isRuby(s) ? s.base : s.text)).join('');
const spoken = (notation: string) => parseRuby(notation).map((s) => (isRuby(s) ? readingOf(s) : s.text)).join('');

describe('the built Nishitokyo dataset', () => {
  test('passes the validator and the published JSON Schema', () => {
    assert.deepEqual(validateDataset(built), []);
    assert.equal(schemaValid(built), true, JSON.stringify(schemaValid.errors?.slice(0, 5), null, 1));
    assert.equal(built.readings_complete, true);
  });

  test('has a reading for every kanji of every Japanese text', () => {
    const missing: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
      if (!v || typeof v !== 'object') return;
      const r = v as Record<string, unknown>;
      for (const key of ['ja', 'ja-x-easy']) {
        if (typeof r[key] === 'string' && ('en' in r || 'untranslated' in r)) {
          const left = kanjiWithoutReading(r[key] as string);
          if (left.length) missing.push(`${path}.${key}: ${left.join('')}`);
        }
      }
      for (const [k, x] of Object.entries(r)) walk(x, `${path}.${k}`);
    };
    walk(built, '$');
    assert.deepEqual(missing, []);
    for (const location of built.locations) for (const a of location.addresses) assert.deepEqual(kanjiWithoutReading(a.x_jp.ruby ?? ''), [], a.id);
  });

  test('holds the whole plan summary', () => {
    const plan = built.plan!;
    assert.equal(plan.period.from_fiscal_year, 2024);
    assert.equal(plan.period.to_fiscal_year, 2028);
    assert.match(plain(plan.philosophy.ja), /地域でふれあい 支え合う 心のかようまち 西東京/);
    assert.equal(plan.policies.length, 3);
    assert.equal(plan.goals.length, 6);
    assert.deepEqual(plan.goals.map((g) => g.measures.length), [3, 3, 3, 3, 2, 3]);
    assert.equal(plan.priorities.length, 3);
    const subPlans = Object.fromEntries(plan.sub_plans.map((p) => [p.id, p.items.length]));
    assert.deepEqual(subPlans, {guardianship: 6, reoffending: 5});
    const summaryIds = plan.summary.map((s) => s.id);
    for (const id of ['about', 'philosophy', 'levels', 'policies', 'priorities', 'guardianship', 'reoffending', 'contact']) {
      assert.ok(summaryIds.includes(id), `summary section ${id}`);
    }
  });

  test('links every measure, priority and sub-plan item to a service residents can find', () => {
    const refs = built.services.flatMap((s) => s.x_jp.plan_refs);
    for (const goal of built.plan!.goals) {
      for (const m of goal.measures) assert.ok(refs.some((r) => r.measure === m.id), `measure ${m.id} has no service`);
    }
    for (const sub of built.plan!.sub_plans) {
      for (const item of sub.items) assert.ok(refs.some((r) => r.item === item.id), `${sub.id} ${item.id} has no service`);
    }
    const priorities = new Set(built.services.map((s) => s.x_jp.priority).filter(Boolean));
    assert.deepEqual([...priorities].sort(), ['priority-1', 'priority-2', 'priority-3']);
    for (const s of built.services) assert.ok(s.attributes.length, `${s.id} has no need or audience`);
  });

  test('has the consultation desks with the contacts from the seed and the notes', () => {
    const desk = (id: string) => built.locations.find((l) => l.id === id)!;
    const numbers = (id: string, type: string) => desk(id).phones.filter((p) => p.type === type).map((p) => p.number);
    assert.deepEqual(numbers('desk-chiiki-kyosei', 'fax'), ['042-420-2896']);
    assert.deepEqual(numbers('desk-chiiki-kyosei', 'voice'), ['042-464-1311']);
    assert.equal(desk('desk-chiiki-kyosei').email, 'fukushisougou@city.nishitokyo.lg.jp');
    assert.equal(desk('desk-chiiki-kyosei').addresses[0]!.postal_code, '188-8666');
    for (const line of ['119', '110', '189', '188']) assert.deepEqual(numbers(`line-${line}`, 'voice'), [line]);
    assert.equal(built.fallback_contact.phone, '042-464-1311');
    assert.equal(built.fallback_contact.x_jp.status, 'verified');
  });

  test('never states an unverified contact without marking it', () => {
    // The desks whose contacts the notes could not verify carry no phone at all.
    for (const id of ['desk-anshin', 'desk-houkatsu', 'desk-hotnet-tanashi', 'desk-hotnet-hoya']) {
      const desk = built.locations.find((l) => l.id === id)!;
      assert.ok(desk.phones.every((p) => p.x_jp.status !== 'verified'), id);
    }
    const dated = built.locations.find((l) => l.id === 'desk-seikatsu-support')!.phones[0]!;
    assert.equal(dated.number, '042-438-4023');
    assert.equal(dated.x_jp.status, 'dated');
  });

  test('has the 22 towns and 114 丁目 with the reviewed readings and postal codes', () => {
    assert.equal(built.towns.length, 22);
    assert.equal(built.towns.reduce((n, t) => n + t.chome.length, 0), 114);
    for (const town of built.towns) {
      const name = plain(town.name.ja);
      const [reading, postal] = TOWNS[name] ?? [];
      assert.equal(town.reading, reading, name);
      assert.equal(spoken(town.name.ja), reading, `${name} as rendered`);
      assert.equal(town.postal_code, postal, name);
    }
    const spokenOf = (name: string) => spoken(built.towns.find((t) => plain(t.name.ja) === name)!.name.ja);
    assert.equal(spokenOf('柳沢'), 'やぎさわ');
    assert.equal(spokenOf('谷戸町'), 'やとちょう');
    assert.equal(spokenOf('保谷町'), 'ほうやちょう');
  });

  test('uses the reviewed readings for local names everywhere, not the analyzer\'s', () => {
    const text = JSON.stringify(built);
    for (const wrong of ['やなぎさわ', 'たにと', 'ほやちょう', 'むかえだい', 'ひさやす', 'ひなんしょ》']) {
      assert.ok(!text.includes(wrong), `found ${wrong}`);
    }
  });

  test('has the GSI shelters and emergency sites', () => {
    const shelters = built.shelters.filter((s) => s.kind === 'shelter');
    assert.equal(shelters.length, 61);
    assert.equal(shelters.filter((s) => s.welfare_for).length, 28);
    assert.equal(built.shelters.filter((s) => s.kind === 'emergency_site').length, 49);
    const towns = new Set(built.towns.map((t) => t.id));
    assert.ok(built.shelters.every((s) => towns.has(s.town_id)));
  });

  test('maps everyday phrasing to 生活困窮 support in the intent layer', () => {
    const intent = built.intents.find((i) => i.phrases.ja.some((p) => p.includes('お金がない')))!;
    assert.ok(intent.phrases.ja.some((p) => p.includes('家賃')) || built.intents.some((i) => i.phrases.ja.some((p) => p.includes('家賃が払えない'))));
    const names = intent.services.map((id) => plain(built.services.find((s) => s.id === id)!.name.ja)).join(' ');
    assert.match(names, /生活|困窮|自立/);
  });
});

describe('the validator and the schema reject bad data, saying where and what to do', () => {
  const mutate = (change: (d: Record<string, any>) => void) => {
    const copy = structuredClone(source) as Record<string, any>;
    change(copy);
    return copy;
  };
  const cases: Array<[string, (d: Record<string, any>) => void, RegExp, RegExp, boolean]> = [
    ['missing English text', (d) => delete d.services[0].name.en, /^\$\.services\[0\]\.name\.en$/, /English \(en\) text is missing/, true],
    ['empty Japanese text', (d) => (d.services[0].name.ja = ''), /^\$\.services\[0\]\.name\.ja$/, /missing or empty/, true],
    ['bad phone number', (d) => (d.locations[0].phones[0].number = '042-464-131x'), /phones\[0\]\.number$/, /is not valid here/, true],
    ['javascript: URL in a link', (d) => (d.locations[0].url = 'javascript:alert(1)'), /\.url$/, /not an http\(s\), tel: or mailto: URL/, true],
    ['space in a link', (d) => (d.sources[0].url = 'https://www.city.example.lg.jp/a b.html'), /^\$\.sources\[0\]\.url$/, /holds a space/, true],
    ['untranslated listed twice', (d) => (d.services[0].name = {ja: '相談', untranslated: ['en', 'en']}), /name\.untranslated$/, /twice/, true],
    ['javascript: URL hidden in a text', (d) => (d.services[1].description.en = ' JaVa\tScRiPt:alert(1)'), /services\[1\]\.description\.en$/, /javascript:/, false],
    ['unknown field', (d) => (d.services[0].colour = 'red'), /services\[0\]\.colour$/, /not a known field/, true],
    ['wrong enum', (d) => (d.services[0].x_jp.kind = 'shop'), /x_jp\.kind$/, /"shop" is not allowed/, true],
    ['bad time', (d) => (d.locations.find((l: any) => l.schedules.length).schedules[0].opens_at = '8時半'), /opens_at$/, /not valid here/, true],
    ['dangling reference', (d) => (d.services[0].service_at_locations = [{location_id: 'desk-nowhere'}]), /location_id$/, /does not exist/, false],
    ['duplicate id', (d) => (d.services[1].id = d.services[0].id), /services\[1\]\.id$/, /used twice/, false],
    ['verified fact without a source', (d) => (d.locations[0].phones[0].x_jp = {status: 'verified'}), /x_jp\.sources$/, /has no source/, false],
    ['unverified fallback number', (d) => (d.fallback_contact.x_jp = {status: 'unverified'}), /fallback_contact/, /must be verified/, false],
    ['list instead of object', (d) => (d.plan = []), /^\$\.plan$/, /must be an object/, true],
  ];
  for (const [name, change, path, message, schemaToo] of cases) {
    test(name, () => {
      const bad = mutate(change);
      const problems = validateDataset(bad);
      const hit = problems.find((p) => path.test(p.path) && message.test(p.message));
      assert.ok(hit, `expected ${path} / ${message}, got:\n${JSON.stringify(problems.slice(0, 5), null, 1)}`);
      assert.ok(hit.fix.length > 5, 'says what to do');
      if (schemaToo) assert.equal(schemaValid(bad), false, 'the JSON Schema rejects it too');
    });
  }

  test('a built dataset with a kanji left without reading is rejected', () => {
    const bad = structuredClone(built) as Dataset;
    bad.services[0]!.name.ja = '成年後見制度';
    const problems = validateDataset(bad);
    assert.ok(problems.some((p) => p.path === '$.services[0].name.ja' && /no reading for 成年後見制度/.test(p.message)));
  });

  test('never throws, whatever it is given', () => {
    for (const value of [null, 1, 'x', [], {}, {services: 'x'}, {schema_version: '1.0', services: [null]}]) {
      assert.ok(Array.isArray(validateDataset(value)));
    }
  });
});

describe('the data build', () => {
  test('fails naming the text and the kanji when no reading can be found', async () => {
    const broken = structuredClone(source) as Record<string, any>;
    broken.services[0].name.ja = '彁の相談';
    const report = await buildDataset(broken, readOverrides('data/readings.json'));
    const problem = report.problems.find((p) => p.path === '$.services[0].name.ja');
    assert.ok(problem, JSON.stringify(report.problems.slice(0, 3)));
    assert.match(problem.message, /no reading for 彁 in "彁の相談"/);
    assert.match(problem.fix, /｜漢字《かんじ》|readings\.json/);
  });

  test('keeps an editor\'s own reading and applies the reviewed list before the analyzer', async () => {
    const copy = structuredClone(source) as Record<string, any>;
    copy.services[0].name.ja = '｜市場《いちば》と柳沢の避難所';
    const report = await buildDataset(copy, readOverrides('data/readings.json'));
    assert.equal(report.dataset.services[0]!.name.ja, '｜市場《いちば》と｜柳沢《=やぎさわ》の｜避難所《ひ|なん|じょ》');
  });

  test('the generated holiday table is current with @holiday-jp/holiday_jp', () => {
    assert.equal(readFileSync('src/core/hours/holidays.generated.ts', 'utf8'), generateHolidays(), 'run node scripts/gen-holidays.mjs');
  });
});

describe('the editors\' CLI', () => {
  test('validate prints each problem with its path, what is wrong and what to do, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-'));
    const bad = structuredClone(source) as Record<string, any>;
    bad.locations[0].phones[0].number = '０４２ー４６４';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const result = cli('validate', join(dir, 'bad.json'));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /\$\.locations\[0\]\.phones\[0\]\.number/);
    assert.match(result.stderr, /問題 \/ what: .*not valid here/);
    assert.match(result.stderr, /直し方 \/ fix: write digits and hyphens/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    rmSync(dir, {recursive: true});
  });

  test('validate reports JSON syntax errors by line and column, and missing files plainly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-'));
    writeFileSync(join(dir, 'broken.json'), '{\n  "services": [\n    {"id": "a",}\n  ]\n}\n');
    const syntax = cli('validate', join(dir, 'broken.json'));
    assert.equal(syntax.status, 1);
    assert.match(syntax.stderr, /broken\.json: line 3, column \d+/);
    const missing = cli('validate', join(dir, 'nope.json'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.json: no such file or folder/);
    assert.doesNotMatch(syntax.stderr + missing.stderr, /\n\s+at /);
    rmSync(dir, {recursive: true});
  });

  test('validate accepts the source folder and the built file', () => {
    assert.equal(cli('validate', 'data/nishitokyo').status, 0);
    assert.equal(cli('validate', BUILT).status, 0);
  });
});

describe('CSV import', () => {
  const header = 'id,名称,名称（やさしい日本語）,名称（英語）,説明,説明（やさしい日本語）,説明（英語）,種類,困りごと,対象,キーワード,窓口名,電話,FAX,メール,郵便番号,住所,方書,URL,受付時間,確認状況,出典';
  const rows = [
    'svc-food,フードパントリー,たべものを わたす ところ,Food pantry,食料を無料で渡します。,たべものを ただで わたします。,Free food for households in need.,事業,need-money;need-housing,aud-everyone,"食べ物、食料",ＮＰＯ みらい,０４２－４００－１２３４,042-400-1235,food@example.jp,188-0012,南町1-2-3,2階,https://example.jp/food,"Mo-Fr 10:00-16:00; PH off; Dec 29-Jan 03 off",確認済,https://example.jp/about',
    'svc-talk,話し相手,はなしあいて,Someone to talk to,"電話で話を聞きます。""さみしい""ときに。",でんわで はなしを ききます。,We listen by phone.,窓口,need-isolation,aud-elderly,,ＮＰＯ みらい,,,,,,,,,確認済,https://example.jp/about',
  ];
  const csv = [header, ...rows].join('\r\n') + '\r\n';

  const roundTrip = (bytes: Uint8Array) => {
    const result = importServicesCsv(bytes, {organizationId: 'org-city', city: '西東京市', prefecture: '東京都'});
    assert.deepEqual(result.problems, []);
    assert.equal(result.rows, 2);
    const [food, talk] = result.data.services;
    assert.equal(food!.name.ja, 'フードパントリー');
    assert.equal(food!.name['ja-x-easy'], 'たべものを わたす ところ');
    assert.equal(talk!.description.ja, '電話で話を聞きます。"さみしい"ときに。');
    assert.deepEqual(food!.x_jp.keywords, ['食べ物', '食料']);
    const desk = result.data.locations[0]!;
    assert.equal(result.data.locations.length, 1, 'both rows share one desk');
    assert.equal(desk.phones[0]!.number, '042-400-1234', 'full-width digits and dashes normalised');
    assert.deepEqual(desk.schedules.map((s) => [s.byday, s.opens_at, s.closes_at]), [['MO,TU,WE,TH,FR', '10:00', '16:00']]);
    assert.deepEqual(desk.x_jp.closures!.year_end, {from: '12-29', to: '01-03'});
    // The imported services fit into a dataset and validate.
    const merged = structuredClone(source) as Record<string, any>;
    merged.sources.push(...result.data.sources);
    merged.locations.push(...result.data.locations);
    merged.services.push(...result.data.services);
    assert.deepEqual(validateDataset(merged), []);
  };

  test('reads UTF-8 with a byte order mark, as Excel writes it', () => {
    roundTrip(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
  });

  test('reads Shift_JIS', () => {
    roundTrip(iconv.encode(csv, 'Shift_JIS'));
  });

  test('reports bad rows by line number and column, and writes nothing', () => {
    const bad = [
      header,
      rows[0],
      'bad id!,名前,,,説明,,,施設,,,,窓口A,042-abc,,mail@,1880012,南町,,javascript:alert(1),Mo-Fri 9-5,確認済,',
    ].join('\n');
    const {problems} = importServicesCsv(Buffer.from(bad), {organizationId: 'org-city'});
    const at = (column: string) => problems.find((p) => p.path === `line 3, 「${column}」`);
    assert.match(at('id')!.message, /not a valid id/);
    assert.match(at('種類')!.fix, /窓口, 事業, 施策, 緊急 or 情報/);
    assert.match(at('電話')!.message, /not a phone number/);
    assert.match(at('メール')!.message, /not an email/);
    assert.match(at('郵便番号')!.message, /not a postal code/);
    assert.match(at('URL')!.message, /not an http\(s\), tel: or mailto:/);
    assert.match(at('受付時間')!.message, /^rule 1 "Mo-Fri 9-5": "Mo-Fri" is not a day/);
    assert.match(at('出典')!.message, /has no source/);
    // No town's city is assumed: an address needs its 市区町村 and 都道府県, or --city and --prefecture.
    assert.match(at('市区町村')!.message, /empty although there is an address/);
    assert.match(at('都道府県')!.fix, /--prefecture/);
    const dir = mkdtempSync(join(tmpdir(), 'fw-'));
    writeFileSync(join(dir, 'bad.csv'), bad);
    const result = cli('import-csv', join(dir, 'bad.csv'), '--out', join(dir, 'out.json'));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /line 3, 「電話」/);
    assert.equal(existsSync(join(dir, 'out.json')), false);
    rmSync(dir, {recursive: true});
  });

  test('refuses a link with a raw space or Japanese, saying to percent-encode it', () => {
    const cells = rows[0]!.split(',');
    const urlColumn = header.split(',').indexOf('URL');
    for (const url of ['https://www.city.example.lg.jp/a b.html', 'https://www.city.example.lg.jp/東京/']) {
      cells[urlColumn] = url;
      const {problems} = importServicesCsv(Buffer.from([header, cells.join(',')].join('\n')), {organizationId: 'org-city'});
      const problem = problems.find((p) => p.path === 'line 2, 「URL」');
      assert.ok(problem, JSON.stringify(problems));
      assert.match(problem.fix, /percent-encode/);
    }
  });

  test('says which column is unknown or missing', () => {
    const {problems} = importServicesCsv(Buffer.from('id,名前,説明\na,b,c\n'), {organizationId: 'org-city'});
    assert.ok(problems.some((p) => /「名称」 is missing/.test(p.message)));
    assert.ok(problems.some((p) => /「名前」 is not known/.test(p.message)));
  });

  test('the CLI writes dataset JSON that a folder build can merge', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-'));
    writeFileSync(join(dir, 'services.csv'), iconv.encode(csv, 'Shift_JIS'));
    const result = cli('import-csv', join(dir, 'services.csv'), '--org', 'org-city', '--city', '西東京市', '--prefecture', '東京都');
    assert.equal(result.status, 0, result.stderr);
    const folder = join(dir, 'dataset');
    cpSync('data/nishitokyo', folder, {recursive: true});
    cpSync(join(dir, 'services.json'), join(folder, 'zz-imported.json'));
    assert.equal(cli('validate', folder).status, 0);
    rmSync(dir, {recursive: true});
  });
});
