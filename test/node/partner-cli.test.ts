// The editors' CLI for any town (issue 15): a fictional town (test/fixtures/kamome, かもめ市) built
// from its CSV and JSON with no readings list of Nishitokyo's, the readings that ship with the
// CLI, and messages that name the file and the JSON path and never point at Nishitokyo's files.
// The same steps from the packed tarball, outside the repository: test/e2e/partner-package.test.mjs.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {main} from '../../src/cli/index.js';
import {readOverrides} from '../../src/cli/build-data.js';
import {COMMON_READINGS} from '../../src/cli/readings.js';
import {isRuby, parseRuby, plainText, readingOf} from '../../src/core/text/ruby.js';
import type {Dataset} from '../../src/core/data/types.js';

const FIXTURE = 'test/fixtures/kamome';
/** What points at Nishitokyo: its files, its name, its number. */
const NISHITOKYO = /data\/readings\.json|data\/nishitokyo|nishitokyo|西東京|042-464-1311/i;

/** Runs the CLI in this process; returns the exit code and everything it printed. */
async function cli(...argv: string[]): Promise<{code: number; out: string}> {
  const lines: string[] = [];
  const {log, error} = console;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  console.error = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    const code = await main(argv);
    return {code, out: lines.join('\n')};
  } finally {
    Object.assign(console, {log, error});
  }
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fukushi-partner-cli-'));
  cpSync(FIXTURE, join(dir, 'town'), {recursive: true});
});
after(() => rmSync(dir, {recursive: true, force: true}));
const at = (...parts: string[]) => join(dir, 'town', ...parts);

describe('the readings that ship with the CLI', () => {
  test('are common words only, each checked like a town list and none repeated in Nishitokyo\'s', () => {
    assert.ok(COMMON_READINGS.length > 40, `${COMMON_READINGS.length} words`);
    assert.deepEqual(readOverrides('src/cli/common-readings.json'), COMMON_READINGS);
    const towns = (JSON.parse(readFileSync('data/nishitokyo/towns.json', 'utf8')) as Pick<Dataset, 'towns'>).towns.map((t) => plainText(t.name.ja));
    const local = readOverrides('data/readings.json');
    const names = [...towns, ...local.filter((o) => o.kind !== 'word').map((o) => o.text), '西東京', '田無', '保谷'];
    for (const word of COMMON_READINGS) {
      assert.equal(word.status, 'reviewed', word.text);
      assert.ok(!names.some((name) => word.text.includes(name)), `${word.text} is a local name`);
      assert.ok(!local.some((o) => o.text === word.text), `${word.text} is also in data/readings.json`);
    }
  });
});

describe('a fictional town built from its CSV and JSON (test/fixtures/kamome)', () => {
  let built: Dataset;

  test('import-csv needs the town\'s city for addresses, and takes it from --city and --prefecture', async () => {
    const refused = await cli('import-csv', at('services.csv'), '--org', 'org-kamome', '--out', at('data', 'services.json'));
    assert.equal(refused.code, 1);
    assert.ok(refused.out.includes(`${at('services.csv')} line 2, 「市区町村」`), refused.out);
    assert.match(refused.out, /--city/);
    const ok = await cli('import-csv', at('services.csv'), '--org', 'org-kamome', '--city', 'かもめ市', '--prefecture', '架空県', '--out', at('data', 'services.json'));
    assert.equal(ok.code, 0, ok.out);
    const {locations} = JSON.parse(readFileSync(at('data', 'services.json'), 'utf8')) as Pick<Dataset, 'locations'>;
    assert.deepEqual(locations.flatMap((l) => l.addresses.map((a) => `${a.state_province}${a.city}`)), ['架空県かもめ市', '架空県かもめ市']);
    assert.doesNotMatch(refused.out + ok.out, NISHITOKYO);
  });

  test('build-data works without --readings: common words are read as reviewed', async () => {
    const result = await cli('build-data', at('data'), '--out', at('kamome.json'));
    assert.equal(result.code, 0, result.out);
    built = JSON.parse(readFileSync(at('kamome.json'), 'utf8')) as Dataset;
    // 避難所 is ひなんしょ to the analyzer; the common list says ひなんじょ.
    const paragraph = built.plan!.summary[0]!.blocks.find((b) => b.type === 'paragraph' && plainText(b.text.ja).includes('避難所'));
    assert.ok(paragraph?.type === 'paragraph');
    const shelter = parseRuby(paragraph.text.ja).find((s) => isRuby(s) && s.base === '避難所');
    assert.ok(shelter && isRuby(shelter), paragraph.text.ja);
    assert.equal(readingOf(shelter), 'ひなんじょ');
    assert.doesNotMatch(result.out, NISHITOKYO);
  });

  test('--readings adds the town\'s own list: its place names in addresses are read as the town reads them', async () => {
    const result = await cli('build-data', at('data'), '--readings', at('readings.json'), '--out', at('kamome.json'));
    assert.equal(result.code, 0, result.out);
    built = JSON.parse(readFileSync(at('kamome.json'), 'utf8')) as Dataset;
    assert.match(built.locations[0]!.addresses[0]!.x_jp.ruby!, /｜浜風町《=はまかぜちょう》/);
    assert.equal((await cli('validate', at('kamome.json'))).code, 0);
  });

  test('its easy Japanese passes lint-easy, which needs a folder or file', async () => {
    const lint = await cli('lint-easy', at('data'));
    assert.equal(lint.code, 0, lint.out);
    assert.match(lint.out, /0 errors/);
    assert.equal((await cli('lint-easy')).code, 2, 'no default folder of any town');
  });

  test('build-help-form checks the cited sources against the dataset given', async () => {
    const result = await cli('build-help-form', at('help-form.json'), '--readings', at('readings.json'), '--dataset', at('data'), '--out', at('help-form.built.json'));
    assert.equal(result.code, 0, result.out);
    assert.equal(JSON.parse(readFileSync(at('help-form.built.json'), 'utf8')).readings_complete, true);
    const unchecked = await cli('build-help-form', at('help-form.json'), '--out', at('help-form.built.json'));
    assert.equal(unchecked.code, 0, unchecked.out);
    assert.match(unchecked.out, /not checked: pass --dataset/);
  });

  test('no text of the built town holds Nishitokyo\'s name, number or towns', () => {
    const towns = (JSON.parse(readFileSync('data/nishitokyo/towns.json', 'utf8')) as Pick<Dataset, 'towns'>).towns.map((t) => plainText(t.name.ja));
    const text = readFileSync(at('kamome.json'), 'utf8') + readFileSync(at('help-form.built.json'), 'utf8');
    assert.doesNotMatch(text, NISHITOKYO);
    for (const town of towns) assert.ok(!plainText(text).includes(town), town);
  });
});

describe('messages name the file and the JSON path, and never Nishitokyo\'s files', () => {
  test('a kanji without a reading: the file of the folder, the path, and how to add the reading', async () => {
    const plan = at('data', 'plan.json');
    const original = readFileSync(plan, 'utf8');
    try {
      writeFileSync(plan, original.replace('困りごとを 1つの 窓口で 聞きます。', '𩸽の 窓口で 聞きます。'));
      const without = await cli('build-data', at('data'), '--out', at('out.json'));
      assert.equal(without.code, 1);
      assert.ok(without.out.includes(`${plan} $.plan.goals[0].measures[0].description["ja-x-easy"]`), without.out);
      assert.match(without.out, /no reading for 𩸽/);
      assert.match(without.out, /write ｜漢字《かんじ》 in the text, or list the word in a readings file of your own and pass it with --readings FILE/);
      assert.equal(without.out.match(/no reading for 𩸽/g)?.length, 1, 'reported once');
      const withList = await cli('build-data', at('data'), '--readings', at('readings.json'), '--out', at('out.json'));
      assert.match(withList.out, new RegExp(`or add the word to ${at('readings.json').replace(/[.]/g, '\\.')}`));
      assert.doesNotMatch(without.out + withList.out, NISHITOKYO);
    } finally {
      writeFileSync(plan, original);
    }
  });

  test('a bad file in a folder, a key no file sets, a readings list that is wrong', async () => {
    writeFileSync(at('data', 'zz-extra.json'), JSON.stringify({services: [{id: 3}]}));
    const bad = await cli('validate', at('data'));
    rmSync(at('data', 'zz-extra.json'));
    assert.equal(bad.code, 1);
    assert.ok(bad.out.includes(`${at('data', 'zz-extra.json')} $.services[0].id`), bad.out);
    const folder = join(dir, 'no-fallback');
    cpSync(at('data'), folder, {recursive: true});
    rmSync(join(folder, 'fallback.json'));
    const missing = await cli('validate', folder);
    assert.ok(missing.out.includes(`${folder} (no file of the folder sets it) $.fallback_contact`), missing.out);
    const list = join(dir, 'bad-readings.json');
    writeFileSync(list, JSON.stringify({readings: [{text: '浜風町', reading: 'ハマカゼ'}]}));
    await assert.rejects(cli('build-data', at('data'), '--readings', list), (e: Error & {file?: string}) => e.file === list && /\$\.readings\[0\]/.test(e.message));
    assert.doesNotMatch(bad.out + missing.out, NISHITOKYO);
  });

  test('build-help-form names the dataset given, not Nishitokyo\'s sources', async () => {
    const form = join(dir, 'bad-form.json');
    writeFileSync(form, readFileSync(at('help-form.json'), 'utf8').replaceAll('src-kamome-guide', 'src-nowhere'));
    const result = await cli('build-help-form', form, '--dataset', at('data'), '--out', join(dir, 'bad-form.built.json'));
    assert.equal(result.code, 1);
    assert.ok(result.out.includes(`${form} $.modes.register.steps[0].fields[0].x_jp.sources[0]`), result.out);
    assert.ok(result.out.includes(`no source "src-nowhere" in the dataset ${at('data')}`), result.out);
    assert.doesNotMatch(result.out, NISHITOKYO);
  });
});
