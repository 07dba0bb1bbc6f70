/**
 * Build-time splitter: whole-word reading → one reading per kanji, so that grade-level furigana
 * can annotate only the unlearned kanji of a compound (成年後見《せい|ねん|こう|けん》).
 *
 * Node only. Per-kanji on/kun readings come from the npm `kanji` package (KANJIDIC data,
 * © EDRDG, CC BY-SA). They are read at build time and never copied into the repository; only
 * the split of our own reviewed readings ends up in the content data.
 *
 * Rule: a split is returned only when exactly one split is possible. No split or several
 * splits give null, and the caller keeps the whole-word ruby (mono ruby is an extra, a wrong
 * reading on a single kanji is a bug).
 */
import {isKanji} from '../core/text/kanji-grades.js';
import {requireReadingPackage} from './optional-packages.js';

interface KanjidicReadings {
  on: string[];
  kun: string[];
  nanori: string[];
}

type KanjiPackage = {readings(ch: string): KanjidicReadings | null};
let kanjiPackage: KanjiPackage | undefined;

/** One dictionary reading, in hiragana, with where it may stand in a compound. */
export interface BaseReading {
  readonly kana: string;
  readonly onyomi: boolean;
  /** Kun readings written `-と` are suffixes: never first in a compound. */
  readonly suffixOnly: boolean;
  /** Kun readings written `あい-` are prefixes: never last in a compound. */
  readonly prefixOnly: boolean;
}

const HIRAGANA_ONLY = /^[\u3041-\u3096]+$/u;

function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

// `kanji.readings` reads one JSON file per call; every kanji is looked up once per process.
const readingCache = new Map<string, readonly BaseReading[]>();

/** The on and kun readings of one kanji (nanori left out: name readings only add ambiguity). */
export function kanjiReadings(ch: string): readonly BaseReading[] {
  let cached = readingCache.get(ch);
  if (cached) return cached;
  const list: BaseReading[] = [];
  const seen = new Set<string>();
  const add = (reading: BaseReading) => {
    const key = `${reading.kana}/${reading.onyomi}/${reading.suffixOnly}/${reading.prefixOnly}`;
    if (reading.kana && HIRAGANA_ONLY.test(reading.kana) && !seen.has(key)) {
      seen.add(key);
      list.push(reading);
    }
  };
  kanjiPackage ??= requireReadingPackage<KanjiPackage>('kanji');
  const data = kanjiPackage.readings(ch);
  for (const on of data?.on ?? []) {
    add({kana: katakanaToHiragana(on.replace(/^-|-$/gu, '')), onyomi: true, suffixOnly: false, prefixOnly: false});
  }
  for (const kun of data?.kun ?? []) {
    const suffixOnly = kun.startsWith('-');
    const prefixOnly = kun.endsWith('-');
    // たす.ける → たす: only the stem is written with the kanji, the okurigana follows in kana.
    const [stem = '', okurigana = ''] = kun.replace(/^-|-$/gu, '').split('.');
    add({kana: stem, onyomi: false, suffixOnly, prefixOnly});
    // Compound nouns drop the okurigana of the verb's 連用形 (公用文: 受付 手当 申込 取扱), so the
    // kanji also stands for stem + that ending: あ.てる → あて, と.る → とり, もう.す → もうし.
    for (const ending of renyoEndings(okurigana)) {
      add({kana: stem + ending, onyomi: false, suffixOnly, prefixOnly});
    }
  }
  cached = list;
  readingCache.set(ch, cached);
  return cached;
}

const U_TO_I: Readonly<Record<string, string>> = {
  う: 'い', く: 'き', ぐ: 'ぎ', す: 'し', つ: 'ち', ぬ: 'に', ぶ: 'び', む: 'み',
};

/** 連用形 endings of a verb's okurigana; both readings of -る (一段 あて, 五段 とり) are kept. */
function renyoEndings(okurigana: string): string[] {
  if (!okurigana) return [];
  const head = okurigana.slice(0, -1);
  const last = okurigana.slice(-1);
  if (last === 'る') return head ? [head, head + 'り'] : ['り'];
  const i = U_TO_I[last];
  return i ? [head + i] : [];
}

// 連濁 (rendaku) and 半濁音 after ん/っ: first kana of a non-initial kanji. ち/つ also give じ/ず,
// the spelling modern words use (世界中 せかいじゅう, 稲妻 いなずま).
const VOICED: Readonly<Record<string, string>> = {
  か: 'が', き: 'ぎ', く: 'ぐ', け: 'げ', こ: 'ご',
  さ: 'ざ', し: 'じ', す: 'ず', せ: 'ぜ', そ: 'ぞ',
  た: 'だ', ち: 'ぢじ', つ: 'づず', て: 'で', と: 'ど',
  は: 'ばぱ', ひ: 'びぴ', ふ: 'ぶぷ', へ: 'べぺ', ほ: 'ぼぽ',
};

// 促音 (sokuon): an on'yomi ending in つ/く/ち/き doubles the next consonant (学校 がっこう).
const GEMINATING = /[つくちき]$/u;

/** Surface forms a kanji can take at position `index` of a compound of `length` kanji. */
function surfaceForms(readings: readonly BaseReading[], index: number, length: number): Set<string> {
  const first = index === 0;
  const last = index === length - 1;
  const forms = new Set<string>();
  for (const r of readings) {
    if ((r.suffixOnly && first) || (r.prefixOnly && last)) continue;
    const heads = [r.kana];
    if (!first) for (const v of VOICED[r.kana[0]!] ?? '') heads.push(v + r.kana.slice(1));
    for (const head of heads) {
      forms.add(head);
      if (r.onyomi && !last && GEMINATING.test(head)) forms.add(head.slice(0, -1) + 'っ');
    }
  }
  return forms;
}

/**
 * Splits `reading` (hiragana) over the kanji of `base`: one part per code point, in order,
 * whose concatenation is `reading`. Returns null when no split or more than one split fits
 * the dictionary readings. A single-kanji base returns `[reading]` without a dictionary check.
 *
 *   splitReading('成年後見', 'せいねんこうけん') → ['せい', 'ねん', 'こう', 'けん']
 *   splitReading('学校', 'がっこう')             → ['がっ', 'こう']
 *   splitReading('人々', 'ひとびと')             → ['ひと', 'びと']
 */
export function splitReading(base: string, reading: string): string[] | null {
  const chars = [...base];
  if (chars.length === 0 || !reading || !chars.every(isKanji)) return null;
  if (chars.length === 1) return [reading];
  if (!HIRAGANA_ONLY.test(reading)) return null;

  // 々 repeats the readings of the kanji before it (人々 ひとびと, 時々 ときどき).
  const forms: Set<string>[] = [];
  let previous: readonly BaseReading[] = [];
  for (const [index, ch] of chars.entries()) {
    const readings = ch === '々' ? previous : kanjiReadings(ch);
    if (readings.length === 0) return null;
    forms.push(surfaceForms(readings, index, chars.length));
    previous = readings;
  }

  // Number of ways to read chars[i..] from reading[pos..], capped at 2 (we only need 0, 1, many).
  const memo = new Map<number, number>();
  const ways = (i: number, pos: number): number => {
    if (i === chars.length) return pos === reading.length ? 1 : 0;
    const key = i * (reading.length + 1) + pos;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let total = 0;
    for (const form of forms[i]!) {
      if (reading.startsWith(form, pos)) total += ways(i + 1, pos + form.length);
      if (total >= 2) break;
    }
    memo.set(key, total);
    return total;
  };
  if (ways(0, 0) !== 1) return null;

  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < chars.length; i++) {
    for (const form of forms[i]!) {
      if (reading.startsWith(form, pos) && ways(i + 1, pos + form.length) === 1) {
        parts.push(form);
        pos += form.length;
        break;
      }
    }
  }
  return parts;
}
