// Readings that depend on context (src/cli/reading-rules.ts): 後 is あと in 後で/後に/後から, ご in
// 午後 and 以後, こう in 後見. A built text, a glossary reading or a reviewed reading that says
// otherwise fails the build with the path and the fix.
// Run: node --import tsx --test test/node/reading-rules.test.ts
import {before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {contextMisreadings} from '../../src/cli/reading-rules.js';
import {Annotator, loadTokenizer} from '../../src/cli/readings.js';
import {buildDataset, DataFileError, readDatasetSource, readOverrides} from '../../src/cli/build-data.js';
import {buildDefinition} from '../../src/core/help-request/build-definition.js';

const wrong = (notation: string) => contextMisreadings(notation).map((m) => m.message);

describe('the 後 table', () => {
  test('a lone 後 before で, に or から is あと', () => {
    assert.deepEqual(wrong('｜送信《そう|しん》した｜後《あと》に、'), []);
    assert.deepEqual(wrong('｜送《おく》った ｜後《あと》で'), []);
    assert.deepEqual(wrong('｜終《お》わった｜後《あと》から'), []);
    assert.deepEqual(wrong('｜送信《そう|しん》した｜後《のち》に、｜登録《とう|ろく》'), ['「送信した後に、登録」: 後 is read のち, but in 後で・後に・後から it is あと']);
    assert.equal(wrong('した｜後《ご》で').length, 1);
  });

  test('午後 ご, 以後 いご, 今後 こんご, 前後 ぜんご, 最後 さいご, 後見 こうけん', () => {
    for (const right of ['｜午後《ご|ご》1｜時《じ》', '｜以後《い|ご》', '｜今後《こん|ご》', '｜前後《ぜん|ご》', '｜最後《さい|ご》', '｜後見人《こう|けん|にん》', '｜成年後見《せい|ねん|こう|けん》']) {
      assert.deepEqual(wrong(right), [], right);
    }
    assert.deepEqual(wrong('｜午後《ご|あと》'), ['「午後」: 後 is read あと, but in 午後 it is ごご']);
    assert.equal(wrong('｜以後《い|のち》').length, 1);
    assert.equal(wrong('｜今後《こん|あと》').length, 1);
    assert.equal(wrong('｜成年後見《せい|ねん|ご|けん》').length, 1);
  });

  test('a whole-word reading is split with the dictionary, or must hold the word', () => {
    assert.deepEqual(wrong('｜午後《ごご》'), []);
    assert.deepEqual(wrong('｜成年後見制度《せいねんこうけんせいど》'), []);
    assert.deepEqual(wrong('｜成年後見制度《せいねんごけんせいど》'), ['「成年後見制度」: 後 is read ご, but in 後見 it is こうけん']);
    // No dictionary split fits a long vowel mark: the whole reading is judged.
    assert.deepEqual(wrong('｜成年後見《せいねんこーけん》'), ['「成年後見」: 成年後見 is read せいねんこーけん, but in 後見 it is こうけん']);
  });

  test('leaves alone what the table does not decide, and 後 without a reading', () => {
    // 移転後に: 後 after a noun is ご; その後 may be そのご or そのあと.
    assert.deepEqual(wrong('｜移転《い|てん》｜後《ご》に'), []);
    assert.deepEqual(wrong('その｜後《ご》、'), []);
    assert.deepEqual(wrong('送信した後に'), []);
  });
});

describe('the builds', () => {
  let annotator: Annotator;
  before(async () => {
    annotator = new Annotator(await loadTokenizer(), readOverrides('data/readings.json'));
  });

  test('the analyzer reads 「送信した後に」 のち, and the annotator reports it', () => {
    const {notation, misread} = annotator.annotate('送信した後に、登録を変えたいとき');
    assert.match(notation, /｜?後《のち》/);
    assert.equal(misread.length, 1);
    assert.match(misread[0]!.fix, /｜後《あと》/);
    assert.deepEqual(annotator.annotate('送信した｜後《あと》に、登録を変えたいとき').misread, []);
  });

  test('the data build fails at the text, with the fix', async () => {
    const source = readDatasetSource('data/nishitokyo') as {services: Array<{description: {ja: string}}>; glossary: Array<{reading: string; term: string}>};
    source.services[5]!.description.ja = '申し込んだ後で、電話してください。';
    const guardianship = source.glossary.findIndex((g) => g.term === '成年後見制度');
    source.glossary[guardianship]!.reading = 'せいねんごけんせいど';
    const {problems} = await buildDataset(source, readOverrides('data/readings.json'), 'data/readings.json');
    assert.deepEqual(
      problems.map((p) => [p.path, p.fix]),
      [
        ['$.services[5].description.ja', 'write ｜後《あと》 in the text (or correct the word in data/readings.json)'],
        [`$.glossary[${guardianship}].reading`, 'correct the reading of the term'],
      ],
    );
  });

  test('the CLI names the file of a dataset folder, the path in it and the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fukushi-readings-'));
    try {
      cpSync('data/nishitokyo', join(dir, 'data'), {recursive: true});
      // A second file of services: the merged $.services[n] is $.services[0] of this file.
      const {services} = JSON.parse(readFileSync(join(dir, 'data', 'services.json'), 'utf8'));
      const extra = {...services[5], id: 'service-extra', description: {...services[5].description, ja: '申し込んだ後で、電話してください。'}};
      const file = join(dir, 'data', 'services2.json');
      writeFileSync(file, JSON.stringify({services: [extra]}));
      const r = spawnSync('node', ['--import', 'tsx', 'src/cli/index.ts', 'build-data', join(dir, 'data'), '--readings', 'data/readings.json', '--out', join(dir, 'out.json')], {encoding: 'utf8'});
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.ok(r.stderr.includes(`${file} $.services[0].description.ja`), r.stderr);
      assert.match(r.stderr, /後 is read のち, but in 後で・後に・後から it is あと/);
      assert.match(r.stderr, /fix: write ｜後《あと》 in the text/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('the help form build fails at the text', () => {
    const form = JSON.parse(readFileSync('data/help-form/nishitokyo.json', 'utf8'));
    const annotate = (text: string) => annotator.annotate(text);
    assert.deepEqual(buildDefinition(structuredClone(form), annotate).problems, []);
    form.title.ja = '送信した後に';
    assert.deepEqual(
      buildDefinition(form, annotate).problems.map((p) => [p.path, p.message]),
      [['$.title.ja', '「送信した後に」: 後 is read のち, but in 後で・後に・後から it is あと']],
    );
  });

  test('a reviewed reading that contradicts the table is refused with its entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fukushi-readings-'));
    try {
      const file = join(dir, 'readings.json');
      writeFileSync(file, JSON.stringify({readings: [{text: '後見人', reading: 'ごけんにん', kind: 'term', status: 'reviewed'}]}));
      assert.throws(() => readOverrides(file), (e: unknown) => e instanceof DataFileError && /\$\.readings\[0\].*後見.*こうけん/.test(e.message));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
