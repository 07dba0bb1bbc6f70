// The easy-Japanese linter: every rule with texts that must pass and texts that must fail,
// the Tateishi score, the dataset walk and the CLI on the built-in data.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {
  easyTexts,
  lintEasyDataset,
  lintEasyText,
  sentences,
  summaryReadability,
  tateishi,
  type EasyRule,
} from '../../src/core/text/easy-lint.js';
import {lintEasy} from '../../src/cli/lint-easy.js';
import {main} from '../../src/cli/index.js';

const rules = (text: string, options = {}) => lintEasyText(text, options).map((f) => `${f.rule}:${f.severity}`);
const has = (text: string, rule: EasyRule, severity?: 'error' | 'warning') =>
  lintEasyText(text).some((f) => f.rule === rule && (!severity || f.severity === severity));

describe('easy-Japanese lint rules', () => {
  test('a good easy text passes every rule', () => {
    assert.deepEqual(rules('｜地域《ちいき》の 人が ささえあう ことです。 市に 聞いて ください。'), []);
  });

  test('sentence length: warning over 40, error over 60 (ruby and spaces removed first)', () => {
    const s40 = 'あ'.repeat(37) + 'です。'; // 40 characters: fine
    const s41 = 'あ'.repeat(38) + 'です。';
    const s61 = 'あ'.repeat(58) + 'です。';
    assert.ok(!has(s40, 'sentence-length'));
    assert.ok(has(s41, 'sentence-length', 'warning'));
    assert.ok(!has(s41, 'sentence-length', 'error'));
    assert.ok(has(s61, 'sentence-length', 'error'));
    // 分かち書き spaces and readings are not counted
    const spaced = 'あ '.repeat(37) + 'です。';
    assert.ok(!has(spaced, 'sentence-length'));
    assert.ok(!has('｜相談《そうだんそうだんそうだんそうだんそうだんそうだんそうだんそうだん》します。', 'sentence-length'));
    // each sentence is measured on its own
    assert.ok(!has(s40 + s40, 'sentence-length'));
  });

  test('sentences split at 。！？ outside brackets', () => {
    assert.deepEqual(sentences('あです。「いです。」とうです。え'), ['あです。', '「いです。」とうです。', 'え']);
  });

  test('kanji runs: at most 4; an unsplit word is an error, a spaced compound a warning', () => {
    assert.ok(!has('西東京市の ことです。', 'kanji-run'));
    assert.ok(has('地域福祉計画です。', 'kanji-run', 'error'));
    assert.ok(has('地域福祉 計画です。', 'kanji-run', 'warning'));
    assert.ok(!has('地域福祉 計画です。', 'kanji-run', 'error'));
    assert.ok(!has('地域の 計画です。', 'kanji-run'));
    // official names (name fields) keep their form: a warning only
    assert.deepEqual(rules('地域福祉計画', {name: true}), ['kanji-run:warning']);
    // readings in ruby notation do not break the run
    assert.ok(has('｜地域《ちいき》｜福祉《ふくし》｜計画《けいかく》です。', 'kanji-run', 'error'));
  });

  test('常用漢字 only, accepting the four common variants', () => {
    assert.ok(has('これは 鬱蒼と して います。', 'joyo'));
    assert.ok(has('｜嘘《うそ》は いけません。', 'joyo'));
    assert.ok(!has('叱る ことが あります。', 'joyo'));
    assert.ok(!has('頬と 剥がす ことと 填める ことです。', 'joyo'));
    assert.ok(!has('人々が 来ます。', 'joyo'));
  });

  test('です／ます endings for sentences; headings and list items are not sentences', () => {
    assert.ok(has('地域で ささえあう。', 'desu-masu'));
    assert.ok(has('ささえあいます。 市が 進める。', 'desu-masu'));
    assert.ok(has('ささえあいます。 市が 進める', 'desu-masu'), 'a paragraph’s last sentence needs 。 and です／ます');
    for (const ok of [
      '大切です。',
      '進めました。',
      '使えません。',
      '電話して ください。',
      'いっしょに 考えましょう。',
      'だれに 聞きますか。',
      '大切でした。',
      '会議（サミット）で 決めた 目標です。',
      '「ささえる 人」です。',
      '会議で 決めます（2015年）。',
    ]) {
      assert.ok(!has(ok, 'desu-masu'), ok);
    }
    assert.ok(!has('地域の 活動を 応援する', 'desu-masu'), 'a heading');
    assert.ok(!has('自助： 自分で する こと', 'desu-masu'), 'a list item');
  });

  test('double negatives', () => {
    for (const bad of [
      '行けないでもない ことです。',
      'できないことはないです。',
      'できないことはありません。',
      '使えないわけではありません。',
      '少なくはないです。',
      '安全でないとは限りません。',
      '出さなければなりません。',
      '行かなくてはいけません。',
      '認めざるを得ません。',
    ]) {
      assert.ok(has(bad, 'double-negative'), bad);
    }
    for (const ok of ['行けません。', 'ないものは ありません。', '使う ことが できます。', 'なくした 物を 探します。']) {
      assert.ok(!has(ok, 'double-negative'), ok);
    }
  });

  test('和暦 needs a 西暦 year nearby', () => {
    assert.ok(has('令和6年に 始まりました。', 'wareki'));
    assert.ok(has('平成27年9月です。', 'wareki'));
    assert.ok(has('昭和元年です。', 'wareki'));
    assert.ok(!has('令和6（2024）年に 始まりました。', 'wareki'));
    assert.ok(!has('2024年（令和6年）に 始まりました。', 'wareki'));
    assert.ok(!has('令和６年度（２０２４年度）です。', 'wareki'));
    assert.ok(!has('2024年に 始まりました。', 'wareki'));
  });

  test('24-hour times need 午前／午後', () => {
    assert.ok(has('17時まで あいて います。', 'time-24h'));
    assert.ok(has('8:30から あいて います。', 'time-24h'));
    assert.ok(has('１７時まで あいて います。', 'time-24h'));
    assert.ok(!has('午後5時まで あいて います。', 'time-24h'));
    assert.ok(!has('午前8:30から あいて います。', 'time-24h'));
    assert.ok(!has('24時間 あいて います。', 'time-24h'));
    assert.ok(!has('10時から あいて います。', 'time-24h'));
  });

  test('〜 for ranges', () => {
    assert.ok(has('10時〜12時に あいて います。', 'tilde-range'));
    assert.ok(has('月曜日～金曜日です。', 'tilde-range'));
    assert.ok(has('9時〜です。', 'tilde-range'));
    assert.ok(!has('10時から 12時まで あいて います。', 'tilde-range'));
    assert.ok(!has('心の かよう まち 西東京 〜ともに 生き みらいに つなぐ まちづくり〜', 'tilde-range'), 'a decorative subtitle pair');
  });

  test('romaji: only the allowlist', () => {
    assert.ok(has('Nishitokyo の ことです。', 'romaji'));
    assert.ok(has('ｗｅｂで 見ます。', 'romaji'));
    assert.ok(has('info@example.jp に 送ります。', 'romaji'));
    for (const ok of ['DVの 相談です。', 'NPOです。', 'SDGsの 目標です。', 'FAXで 送ります。', 'QRコードです。', 'IDを 書きます。', 'URLです。', 'OKです。', 'ＮＰＯです。']) {
      assert.ok(!has(ok, 'romaji'), ok);
    }
  });
});

describe('Tateishi readability (RS′)', () => {
  test('follows the published formula', () => {
    // 2 sentences, 8 characters each; runs: hiragana あいう (3) + kanji 漢字 (2) + です (2) + 。
    const r = tateishi(['あいう漢字です。', 'あいう漢字です。']);
    assert.equal(r.sentences, 2);
    assert.equal(r.ls, 8);
    assert.equal(r.lh, 2.5);
    assert.equal(r.lc, 2);
    assert.equal(r.lk, 0);
    assert.equal(r.cp, 0);
    assert.ok(Math.abs(r.score - (-0.12 * 8 + 7.4 * 2.5 - 23.18 * 2 + 115.79)) < 1e-9);
  });

  test('easy Japanese scores higher than the standard text', () => {
    const standard = tateishi(['成年後見制度利用促進基本計画に基づき、権利擁護支援の地域連携ネットワークを構築します。']);
    const easy = tateishi(['成年後見 制度を 使いやすく します。', '地域で 協力する しくみを つくります。']);
    assert.ok(easy.score > standard.score + 20, `${easy.score} vs ${standard.score}`);
  });
});

describe('datasets', () => {
  const dataset = {
    id: 'x',
    plan: {
      summary: [
        {id: 'a', heading: {ja: 'あ', 'ja-x-easy': 'あ'}, blocks: [{type: 'paragraph', text: {ja: 'x', 'ja-x-easy': '地域で ささえあう。'}}]},
        {id: 'b', heading: {ja: 'い', 'ja-x-easy': 'い'}, blocks: [], sections: [{id: 'b-1', heading: {ja: 'う', 'ja-x-easy': '大切です。'}, blocks: []}]},
      ],
    },
  };

  test('every ja-x-easy text with its owner id and JSON path', () => {
    const texts = easyTexts(dataset);
    assert.equal(texts.length, 4);
    assert.deepEqual(texts[1], {
      path: 'plan.summary[0].blocks[0].text["ja-x-easy"]',
      id: 'a › blocks[0].text',
      field: 'text',
      text: '地域で ささえあう。',
    });
    const [finding] = lintEasyDataset(dataset);
    assert.equal(finding?.rule, 'desu-masu');
    assert.equal(finding?.id, 'a › blocks[0].text');
  });

  test('scores per summary section', () => {
    const {sections, summary} = summaryReadability(dataset);
    assert.deepEqual(sections.map((s) => s.id), ['a', 'b']);
    assert.equal(sections[1]!.readability.sentences, 2);
    assert.equal(summary!.sentences, 4);
  });
});

describe('fukushi-widgets lint-easy', () => {
  test('the built-in content has no errors', () => {
    const report = lintEasy('data/nishitokyo');
    assert.equal(report.errors, 0, report.lines.join('\n'));
    assert.ok(report.texts > 500);
    assert.ok(report.lines.some((l) => /^\s+about\s+\d+\.\d/.test(l)), 'a score for each summary section');
    assert.ok(report.lines.some((l) => l.includes('all easy texts')));
  });

  test('reports file, text id, rule and snippet, and exits 1 on errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-easy-'));
    try {
      writeFileSync(
        join(dir, 'plan.json'),
        JSON.stringify({plan: {id: 'p', summary: [{id: 'sec', heading: {ja: 'え', 'ja-x-easy': 'え'}, blocks: [{type: 'paragraph', text: {ja: 'え', 'ja-x-easy': '17時〜19時に あいて いる。'}}]}]}}),
      );
      const report = lintEasy(dir);
      const text = report.lines.join('\n');
      assert.equal(report.errors, 4);
      assert.match(text, /plan\.json/);
      assert.match(text, /time-24h/);
      assert.match(text, /tilde-range/);
      assert.match(text, /desu-masu/);
      assert.match(text, /sec › blocks\[0\]\.text/);
      assert.match(text, /plan\.summary\[0\]\.blocks\[0\]\.text\["ja-x-easy"\]/);
      const log = console.log;
      console.log = () => {};
      try {
        assert.equal(await main(['lint-easy', dir]), 1);
        assert.equal(await main(['lint-easy', 'data/nishitokyo']), 0);
      } finally {
        console.log = log;
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('a built file gives the same result as the source folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fukushi-lint-built-'));
    try {
      const built = join(dir, 'nishitokyo.json');
      const r = spawnSync('node', ['--import', 'tsx', 'src/cli/index.ts', 'build-data', 'data/nishitokyo', '--readings', 'data/readings.json', '--out', built], {encoding: 'utf8'});
      assert.equal(r.status, 0, r.stderr);
      const source = lintEasy('data/nishitokyo');
      const report = lintEasy(built);
      assert.equal(report.errors, source.errors);
      assert.equal(report.warnings, source.warnings);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
