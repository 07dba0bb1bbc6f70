// Kanji tables (2020 学年別漢字配当表, 2010 常用漢字表) and the build-time reading splitter.
// Run: node --import tsx --test test/node/kanji.test.ts
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {
  KYOIKU_KANJI_2020,
  isKanji,
  kanjiGrade,
  learnedBy,
} from '../../src/core/text/kanji-grades.js';
import {JOYO_KANJI, JOYO_VARIANTS, isJoyo} from '../../src/core/text/joyo-kanji.js';
import {splitReading} from '../../src/cli/kanji-readings.js';

const require = createRequire(import.meta.url);

const PREFECTURE_KANJI = '茨媛岡潟岐熊香佐埼崎滋鹿縄井沖栃奈梨阪阜';

// The 2020 revision against the 1989 table (MEXT 国語編 p.18; cross-checked, see kanji-grades.ts).
const MOVED_2020 = {
  addedToGrade4: PREFECTURE_KANJI,
  fromGrade5ToGrade4: '賀群徳富',
  fromGrade6ToGrade4: '城',
  fromGrade4ToGrade5: '囲紀喜救型航告殺士史象賞貯停堂得毒費粉脈歴',
  fromGrade4ToGrade6: '胃腸',
  fromGrade5ToGrade6: '恩券承舌銭退敵俵預',
} as const;

test('grade counts are the 2020 table: 80/160/200/202/193/191 = 1,026', () => {
  assert.deepEqual(
    KYOIKU_KANJI_2020.map((g) => [...g].length),
    [80, 160, 200, 202, 193, 191],
  );
  assert.equal([...KYOIKU_KANJI_2020.join('')].length, 1026);
});

test('no duplicates within a grade and no kanji in two grades', () => {
  for (const [i, g] of KYOIKU_KANJI_2020.entries()) {
    assert.equal(new Set(g).size, [...g].length, `duplicate in grade ${i + 1}`);
  }
  assert.equal(new Set(KYOIKU_KANJI_2020.join('')).size, 1026);
  for (const [i, g] of KYOIKU_KANJI_2020.entries()) {
    for (const ch of g) assert.equal(kanjiGrade(ch), i + 1, ch);
  }
});

test('the 20 prefecture kanji are grade 4', () => {
  assert.equal([...PREFECTURE_KANJI].length, 20);
  for (const ch of PREFECTURE_KANJI) assert.equal(kanjiGrade(ch), 4, ch);
});

test('kanji moved by the 2020 revision are in their new grade', () => {
  // Grade 4 gains 賀群徳富 from 5 and 城 from 6 (all in prefecture names).
  for (const ch of '賀群徳富城') assert.equal(kanjiGrade(ch), 4, ch);
  // 21 kanji 4 → 5.
  for (const ch of '囲紀喜救型航告殺士史象賞貯停堂得毒費粉脈歴') assert.equal(kanjiGrade(ch), 5, ch);
  // 胃腸 4 → 6 and 9 kanji 5 → 6.
  for (const ch of '胃腸恩券承舌銭退敵俵預') assert.equal(kanjiGrade(ch), 6, ch);
  // and a few that did not move
  assert.equal(kanjiGrade('愛'), 4);
  assert.equal(kanjiGrade('圧'), 5);
  assert.equal(kanjiGrade('論'), 6);
});

test('the pre-2020 table in npm kanji plus MOVED_2020 gives exactly our table', () => {
  // npm kanji@0.19.3 still ships the 1989 allocation (1,006 kanji): that is why we keep our own.
  const kanji = require('kanji') as {grade: Record<string, () => string[]>};
  const old = ['g01', 'g02', 'g03', 'g04', 'g05', 'g06'].map((g) => new Set(kanji.grade[g]!()));
  assert.deepEqual(
    old.map((s) => s.size),
    [80, 160, 200, 200, 185, 181],
  );
  const move = (chars: string, from: number, to: number) => {
    for (const ch of chars) {
      if (from) assert.ok(old[from - 1]!.delete(ch), `${ch} was in grade ${from}`);
      old[to - 1]!.add(ch);
    }
  };
  move(MOVED_2020.addedToGrade4, 0, 4);
  move(MOVED_2020.fromGrade5ToGrade4, 5, 4);
  move(MOVED_2020.fromGrade6ToGrade4, 6, 4);
  move(MOVED_2020.fromGrade4ToGrade5, 4, 5);
  move(MOVED_2020.fromGrade4ToGrade6, 4, 6);
  move(MOVED_2020.fromGrade5ToGrade6, 5, 6);
  assert.deepEqual(
    old.map((s) => [...s].sort().join('')),
    KYOIKU_KANJI_2020.map((g) => [...g].sort().join('')),
  );
});

test('常用漢字: 2,136 without duplicates, official forms, every 教育漢字 is 常用', () => {
  const joyo = [...JOYO_KANJI];
  assert.equal(joyo.length, 2136);
  assert.equal(new Set(joyo).size, 2136);
  assert.deepEqual(joyo, require('joyo-kanji').kanji as string[]);
  for (const ch of ['\u{20B9F}', '塡', '剝', '頰']) assert.ok(joyo.includes(ch), ch);
  for (const ch of ['叱', '填', '剥', '頬']) assert.ok(!joyo.includes(ch), ch);
  for (const ch of KYOIKU_KANJI_2020.join('')) assert.ok(isJoyo(ch), ch);
  assert.equal(joyo.length - 1026, 1110);
});

test('isJoyo accepts the official form and the common variant', () => {
  assert.equal(isJoyo('叱'), true);
  assert.equal(isJoyo('𠮟'), true);
  assert.equal(isJoyo('頬'), true);
  assert.equal(isJoyo('頰'), true);
  assert.equal(isJoyo('填'), true);
  assert.equal(isJoyo('剥'), true);
  for (const [common, official] of Object.entries(JOYO_VARIANTS)) {
    assert.ok(JOYO_KANJI.includes(official), official);
    assert.ok(!JOYO_KANJI.includes(common), common);
  }
  // 碧 is 人名用漢字 (戸籍法施行規則 別表第二), not 常用.
  assert.equal(isJoyo('碧'), false);
  assert.equal(isJoyo('鳩'), false);
  assert.equal(isJoyo('あ'), false);
  assert.equal(isJoyo(''), false);
  assert.equal(isJoyo('学校'), false);
});

test('isKanji works on code points', () => {
  assert.equal(isKanji('々'), true);
  assert.equal(isKanji('〆'), true);
  assert.equal(isKanji('𠮟'), true); // U+20B9F, a surrogate pair
  assert.equal(isKanji('𩸽'), true); // Extension B
  assert.equal(isKanji('㐂'), true); // Extension A
  assert.equal(isKanji('﨑'), true); // compatibility ideograph U+FA11
  assert.equal(isKanji('葛\u{E0100}'), true); // kanji + ideographic variation selector
  assert.equal(isKanji('あ'), false);
  assert.equal(isKanji('ア'), false);
  assert.equal(isKanji('ー'), false);
  assert.equal(isKanji('⽂'), false); // Kangxi radical, not an ideograph
  assert.equal(isKanji('A'), false);
  assert.equal(isKanji(''), false);
  assert.equal(isKanji('学校'), false);
});

test('kanjiGrade and learnedBy', () => {
  assert.equal(kanjiGrade('一'), 1);
  assert.equal(kanjiGrade('海'), 2);
  assert.equal(kanjiGrade('碧'), null);
  assert.equal(kanjiGrade('𠮟'), null);
  assert.equal(kanjiGrade('あ'), null);
  assert.equal(kanjiGrade('一二'), null);
  assert.equal(learnedBy('山', 1), true);
  assert.equal(learnedBy('海', 1), false);
  assert.equal(learnedBy('海', 2), true);
  assert.equal(learnedBy('茨', 3), false);
  assert.equal(learnedBy('茨', 4), true);
  assert.equal(learnedBy('胃', 5), false); // moved 4 → 6 in 2020
  assert.equal(learnedBy('胃', 6), true);
  assert.equal(learnedBy('窮', 6), false); // 常用 but taught in secondary school
  assert.equal(learnedBy('一', 0), false);
});

test('splitReading: required cases', () => {
  assert.deepEqual(splitReading('成年後見', 'せいねんこうけん'), ['せい', 'ねん', 'こう', 'けん']);
  assert.deepEqual(splitReading('学校', 'がっこう'), ['がっ', 'こう']); // sokuon
  assert.deepEqual(splitReading('人々', 'ひとびと'), ['ひと', 'びと']); // 々 + rendaku
  assert.deepEqual(splitReading('相談', 'そうだん'), ['そう', 'だん']);
  assert.deepEqual(splitReading('西東京', 'にしとうきょう'), ['にし', 'とう', 'きょう']);
  assert.equal(splitReading('成年後見', 'あいうえお'), null);
});

test('splitReading: welfare words', () => {
  const cases: [string, string, string[]][] = [
    ['生活困窮', 'せいかつこんきゅう', ['せい', 'かつ', 'こん', 'きゅう']],
    ['地域福祉', 'ちいきふくし', ['ち', 'いき', 'ふく', 'し']],
    ['避難所', 'ひなんじょ', ['ひ', 'なん', 'じょ']], // rendaku しょ → じょ
    ['民生委員', 'みんせいいいん', ['みん', 'せい', 'い', 'いん']],
    ['手話通訳', 'しゅわつうやく', ['しゅ', 'わ', 'つう', 'やく']],
    ['介護保険', 'かいごほけん', ['かい', 'ご', 'ほ', 'けん']],
    ['地域包括支援', 'ちいきほうかつしえん', ['ち', 'いき', 'ほう', 'かつ', 'し', 'えん']],
    ['社会福祉協議会', 'しゃかいふくしきょうぎかい', ['しゃ', 'かい', 'ふく', 'し', 'きょう', 'ぎ', 'かい']],
    ['家庭裁判所', 'かていさいばんしょ', ['か', 'てい', 'さい', 'ばん', 'しょ']],
    ['生年月日', 'せいねんがっぴ', ['せい', 'ねん', 'がっ', 'ぴ']], // sokuon + handakuten
    ['住居確保給付金', 'じゅうきょかくほきゅうふきん', ['じゅう', 'きょ', 'かく', 'ほ', 'きゅう', 'ふ', 'きん']],
    ['避難行動要支援者', 'ひなんこうどうようしえんしゃ', ['ひ', 'なん', 'こう', 'どう', 'よう', 'し', 'えん', 'しゃ']],
    ['児童手当', 'じどうてあて', ['じ', 'どう', 'て', 'あて']], // okurigana dropped: 当(て)
    ['受付', 'うけつけ', ['うけ', 'つけ']],
    ['申込', 'もうしこみ', ['もうし', 'こみ']],
    ['窓口', 'まどぐち', ['まど', 'ぐち']],
    ['芝久保町', 'しばくぼちょう', ['しば', 'く', 'ぼ', 'ちょう']],
    ['時々', 'ときどき', ['とき', 'どき']],
    ['出発', 'しゅっぱつ', ['しゅっ', 'ぱつ']],
  ];
  for (const [base, reading, parts] of cases) {
    const split = splitReading(base, reading);
    assert.deepEqual(split, parts, base);
    assert.equal(split!.join(''), reading);
    assert.equal(split!.length, [...base].length);
  }
});

test('splitReading: null when ambiguous or not derivable', () => {
  // Ambiguous: あい|き|どう and あ|いき|どう both fit the dictionary readings.
  assert.equal(splitReading('合気道', 'あいきどう'), null);
  // 熟字訓 and place names with irregular readings: whole-word ruby only.
  assert.equal(splitReading('今日', 'きょう'), null);
  assert.equal(splitReading('大人', 'おとな'), null);
  assert.equal(splitReading('日本', 'にほん'), null);
  assert.equal(splitReading('保谷', 'ほうや'), null);
  assert.equal(splitReading('柳沢', 'やぎさわ'), null);
  assert.equal(splitReading('谷戸町', 'やとちょう'), null);
  // Bad input.
  assert.equal(splitReading('', 'あ'), null);
  assert.equal(splitReading('学校', ''), null);
  assert.equal(splitReading('学校', 'ガッコウ'), null);
  assert.equal(splitReading('がっ校', 'がっこう'), null);
  assert.equal(splitReading('々人', 'ひとひと'), null); // 々 with nothing to repeat
});

test('splitReading: a single kanji takes the whole reading', () => {
  assert.deepEqual(splitReading('市', 'し'), ['し']);
  assert.deepEqual(splitReading('𠮟', 'しっ'), ['しっ']);
});

test('splitReading is fast enough for the data build', () => {
  const start = performance.now();
  for (let i = 0; i < 3000; i++) splitReading('住居確保給付金', 'じゅうきょかくほきゅうふきん');
  assert.ok(performance.now() - start < 2000);
});
