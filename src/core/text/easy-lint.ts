/**
 * The easy-Japanese (やさしい日本語) linter: measurable checks from the 在留支援のための
 * やさしい日本語ガイドライン (2020) and the 弘前大学 rules, run over every `ja-x-easy` text.
 * Pure module (no DOM, no Node APIs); the CLI (`fukushi-widgets lint-easy`) reads the files.
 *
 * Every check works on the text as printed: ruby notation is stripped (plainText) and, for
 * lengths and runs, so are the 分かち書き spaces. Rules and severities:
 *
 * | rule              | severity | what it flags                                                     |
 * |-------------------|----------|-------------------------------------------------------------------|
 * | sentence-length   | warn/err | a sentence over 40 characters (warning) or over 60 (error)        |
 * | kanji-run         | warn/err | more than 4 kanji in a row: error when written as one word, a     |
 * |                   |          | warning when 分かち書き already splits it (地域福祉 計画) or the     |
 * |                   |          | text is an official name (a `name` field: see LintOptions.name)   |
 * | joyo              | error    | a kanji outside the 常用漢字表 (叱 填 剥 頬 count as 常用)           |
 * | desu-masu         | error    | a sentence (the text has 「。」) not ending in です／ます, ください, |
 * |                   |          | ましょう (also でした, ました, ません, でしょう; か/ね/よ may follow) |
 * | double-negative   | error    | ないでもない, ないことはない, ないわけではない, なくはない,        |
 * |                   |          | ないとは限らない, なければならない, ざるを得ない … (and polite forms) |
 * | wareki            | error    | 令和/平成/昭和/大正/明治 + 年 with no 西暦 year within 12 characters |
 * | time-24h          | error    | 13時–23時 or HH:MM without 午前/午後 just before                   |
 * | tilde-range       | error    | 「〜」「～」 used for a range (10時〜12時). One decorative pair that  |
 * |                   |          | opens after a space and wraps a subtitle (「西東京 〜ともに 生き〜」) passes |
 * | romaji            | error    | Latin words not on ROMAJI_ALLOWLIST (DV NPO SDGs FAX URL QR ID OK) |
 *
 * Headings and list items without 「。」 are not sentences: only length, kanji, dates, times,
 * tildes and romaji apply to them.
 */
import {isJoyo} from './joyo-kanji.js';
import {isKanji} from './kanji-grades.js';
import {plainText} from './ruby.js';

export type Severity = 'error' | 'warning';
export type EasyRule =
  | 'sentence-length'
  | 'kanji-run'
  | 'joyo'
  | 'desu-masu'
  | 'double-negative'
  | 'wareki'
  | 'time-24h'
  | 'tilde-range'
  | 'romaji';

export interface Finding {
  rule: EasyRule;
  severity: Severity;
  /** The offending part of the text, as printed. */
  snippet: string;
  message: string;
}

/**
 * Latin words that easy-Japanese readers know better than any Japanese rendering, so they may
 * stay in Latin letters. Compared case-insensitively. Extend it here (and in the docs), not per text.
 */
export const ROMAJI_ALLOWLIST: readonly string[] = ['DV', 'NPO', 'SDGs', 'FAX', 'URL', 'QR', 'ID', 'OK'];

export const SENTENCE_WARN = 40;
export const SENTENCE_ERROR = 60;
export const KANJI_RUN_MAX = 4;

const SPACES = /[ \u3000\t\n]+/g;
const OPEN = '「『（(【〔［';
const CLOSE = '」』）)】〕］';

/** Full-width digits and colon to ASCII, so 「１３時」 is checked like 「13時」. */
const asciiDigits = (s: string) => s.replace(/[０-９：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Splits printed text (spaces removed) into sentences at 。！？ outside brackets. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    current += ch;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？!?'.includes(ch)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

const clip = (s: string, max = 24) => ([...s].length > max ? [...s].slice(0, max).join('') + '…' : s);
const around = (s: string, index: number, length: number) =>
  s.slice(Math.max(0, index - 6), index + length + 6);

const ENDING = /(?:です|でした|でしょう|ます|ました|ません|ませんでした|ましょう|ください|下さい)[かねよ]?$/;

const DOUBLE_NEGATIVE = new RegExp(
  [
    'ないでも(?:ない|ありません)',
    'ない(?:こと|わけ)(?:は|も|では|でも)(?:ない|ありません)',
    'なく[はも](?:ない|ありません)',
    'ないとは(?:限|かぎ)(?:らない|りません)',
    'な(?:けれ|く)(?:ば|ては)(?:ならない|なりません|いけない|いけません)',
    '(?:ない|ず)(?:では|に[はも])いられ(?:ない|ません)',
    'ざるを(?:得|え)(?:ない|ません)',
  ].join('|'),
  'g',
);

const WAREKI = /(令和|平成|昭和|大正|明治)(元|\d{1,2})(?:[（(]\d{4}[)）])?年/g;
const SEIREKI = /(?:1[89]|2[01])\d{2}(?:年|[)）])/;
const TIME_24H = /(?<![\d.])(1[3-9]|2[0-3])時(?!間)|(?<![\d.:])([01]?\d|2[0-3]):[0-5]\d(?!\d)/g;
const TILDE = /[〜～]/g;
const LATIN = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

export interface LintOptions {
  /**
   * The text is an official name (a `name` field: the plan, a desk, a service). Long kanji runs
   * are then warnings: the guideline keeps official terms as they are and explains them
   * (「そのまま使った上で、解説を付記」), so the name must stay recognisable.
   */
  name?: boolean;
}

/** Lints one easy-Japanese text (ruby notation allowed). */
export function lintEasyText(notation: string, options: LintOptions = {}): Finding[] {
  const printed = plainText(notation).normalize('NFC');
  const measured = printed.replace(SPACES, '');
  const digits = asciiDigits(measured);
  const findings: Finding[] = [];
  const add = (rule: EasyRule, severity: Severity, snippet: string, message: string) =>
    findings.push({rule, severity, snippet, message});

  // Sentences: length for every unit; endings only when the text is written in sentences.
  const units = sentences(measured);
  const isProse = measured.includes('。');
  for (const unit of units) {
    const length = [...unit].length;
    if (length > SENTENCE_WARN) {
      const error = length > SENTENCE_ERROR;
      add('sentence-length', error ? 'error' : 'warning', clip(unit), `${length} characters (${error ? 'max' : 'aim for'} ${error ? SENTENCE_ERROR : SENTENCE_WARN})`);
    }
    if (!isProse) continue;
    let body = unit.replace(/[。！？!?]$/, '').replace(/[」』]+$/, '');
    body = body.replace(/[（(][^（()）]*[)）]$/, '');
    if (!ENDING.test(body)) add('desu-masu', 'error', clip([...body].slice(-12).join('')), 'end the sentence with です／ます (or ください／ましょう)');
  }

  // Kanji runs, counted across 分かち書き spaces.
  const chars = [...printed];
  for (let i = 0; i < chars.length; ) {
    if (!isKanji(chars[i]!)) {
      i++;
      continue;
    }
    let run = '';
    let spaced = false;
    let j = i;
    while (j < chars.length) {
      if (isKanji(chars[j]!)) {
        run += chars[j++];
      } else if (/\s/.test(chars[j]!) && nextKanji(chars, j)) {
        spaced = true;
        while (/\s/.test(chars[j]!)) j++;
      } else break;
    }
    const length = [...run].length;
    if (length > KANJI_RUN_MAX) {
      add('kanji-run', spaced || options.name ? 'warning' : 'error', run, `${length} kanji in a row (max ${KANJI_RUN_MAX})${spaced ? ', even with spaces: say it with の or a verb' : ': split the word or rephrase'}`);
    }
    i = j;
  }

  for (const ch of new Set(chars)) {
    if (isKanji(ch) && ch !== '々' && ch !== '〆' && !isJoyo(ch)) {
      const at = measured.indexOf(ch);
      add('joyo', 'error', around(measured, at, ch.length), `「${ch}」 is not a 常用漢字: use kana or another word`);
    }
  }

  for (const m of measured.matchAll(DOUBLE_NEGATIVE)) {
    add('double-negative', 'error', around(measured, m.index, m[0].length), 'double negative: say it positively');
  }

  for (const m of digits.matchAll(WAREKI)) {
    const near = digits.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12);
    if (!SEIREKI.test(near)) add('wareki', 'error', m[0], 'add the Western year (西暦), e.g. 2024年');
  }

  for (const m of digits.matchAll(TIME_24H)) {
    if (!/午[前後]$/.test(digits.slice(Math.max(0, m.index - 2), m.index))) {
      add('time-24h', 'error', around(digits, m.index, m[0].length), 'write the time with 午前／午後 (午後1時)');
    }
  }

  // 〜 as a range: anything but one decorative pair that opens after a space or at the start.
  const tildes = [...printed.matchAll(TILDE)].map((m) => m.index);
  const decorative =
    tildes.length === 2 && (tildes[0] === 0 || /\s/.test(printed[tildes[0]! - 1]!)) && !/[\d０-９]/.test(printed[tildes[0]! + 1] ?? '');
  if (!decorative) {
    for (const index of tildes) {
      add('tilde-range', 'error', around(printed, index, 1), 'write 「から」 and 「まで」 instead of 〜');
    }
  }

  const allowed = new Set(ROMAJI_ALLOWLIST.map((w) => w.toUpperCase()));
  for (const m of printed.normalize('NFKC').matchAll(LATIN)) {
    if (!allowed.has(m[0].toUpperCase())) add('romaji', 'error', m[0], 'no romaji: write it in kana (allowed: ' + ROMAJI_ALLOWLIST.join(', ') + ')');
  }
  return findings;
}

function nextKanji(chars: string[], j: number): boolean {
  while (j < chars.length && /\s/.test(chars[j]!)) j++;
  return j < chars.length && isKanji(chars[j]!);
}

// ---------------------------------------------------------------------------------------------
// Readability: 建石ほか (1988) RS′ (docs/sources.md). Higher is easier; mean 50, SD 10.

export interface Readability {
  /** RS′ = −0.12·ls − 1.37·la + 7.4·lh − 23.18·lc − 5.4·lk − 4.67·cp + 115.79 */
  score: number;
  sentences: number;
  characters: number;
  /** Mean characters per sentence (spaces removed). */
  ls: number;
  /** Mean run lengths of alphabet, hiragana, kanji and katakana. */
  la: number;
  lh: number;
  lc: number;
  lk: number;
  /** 読点 per sentence. */
  cp: number;
}

type Kind = 'a' | 'h' | 'c' | 'k' | null;

function kindOf(ch: string, previous: Kind): Kind {
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(ch)) return 'a';
  if (/[ぁ-ゖゝゞ]/.test(ch)) return 'h';
  if (/[ァ-ヺヽヾｦ-ﾟ]/.test(ch)) return 'k';
  // The long-vowel mark continues the kana run it follows (katakana when alone).
  if (ch === 'ー') return previous === 'h' ? 'h' : 'k';
  return isKanji(ch) ? 'c' : null;
}

/**
 * Tateishi RS′ over texts (ruby notation allowed). Each text is split into sentences at 。！？;
 * a heading or list item without 「。」 counts as one sentence. Runs never cross texts.
 */
export function tateishi(notations: readonly string[]): Readability {
  let sentenceCount = 0;
  let characters = 0;
  let commas = 0;
  const runs = {a: [0, 0], h: [0, 0], c: [0, 0], k: [0, 0]} as Record<'a' | 'h' | 'c' | 'k', [number, number]>;
  for (const notation of notations) {
    const text = plainText(notation).replace(SPACES, '');
    if (!text) continue;
    sentenceCount += sentences(text).length;
    let previous: Kind = null;
    for (const ch of text) {
      characters++;
      if (ch === '、' || ch === '，') commas++;
      const kind = kindOf(ch, previous);
      if (kind) {
        if (kind !== previous) runs[kind][0]++;
        runs[kind][1]++;
      }
      previous = kind;
    }
  }
  const mean = (k: 'a' | 'h' | 'c' | 'k') => (runs[k][0] ? runs[k][1] / runs[k][0] : 0);
  const n = Math.max(1, sentenceCount);
  const r = {ls: characters / n, la: mean('a'), lh: mean('h'), lc: mean('c'), lk: mean('k'), cp: commas / n};
  const score = -0.12 * r.ls - 1.37 * r.la + 7.4 * r.lh - 23.18 * r.lc - 5.4 * r.lk - 4.67 * r.cp + 115.79;
  return {score, sentences: sentenceCount, characters, ...r};
}

// ---------------------------------------------------------------------------------------------
// Datasets: every `ja-x-easy` text, with the id of the object that owns it.

export interface EasyText {
  /** JSON path from the file's root, e.g. plan.summary[0].blocks[1].text["ja-x-easy"]. */
  path: string;
  /** Nearest owning object with an id, and the path from it: "about › blocks[1].text". */
  id: string;
  /** The key that holds the Text object ("name", "text", "heading" …). */
  field: string;
  text: string;
}

export interface DatasetFinding extends Finding, Omit<EasyText, 'text'> {}

/** Collects every `ja-x-easy` string under `root`. */
export function easyTexts(root: unknown, base = ''): EasyText[] {
  const out: EasyText[] = [];
  const walk = (value: unknown, path: string, owner: string, rel: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, owner, `${rel}[${i}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string') {
      owner = record.id;
      rel = '';
    }
    for (const [key, child] of Object.entries(record)) {
      const childPath = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path ? path + '.' : ''}${key}` : `${path}[${JSON.stringify(key)}]`;
      const childRel = rel ? `${rel}.${key}` : key;
      if (key === 'ja-x-easy' && typeof child === 'string') {
        const field = /(?:^|\.)([A-Za-z_]\w*)(?:\[\d+\])*$/.exec(rel)?.[1] ?? '';
        out.push({path: childPath, id: owner ? `${owner}${rel ? ' › ' + rel : ''}` : rel || '(root)', field, text: child});
      } else {
        walk(child, childPath, owner, childRel);
      }
    }
  };
  walk(root, base, '', '');
  return out;
}

/** Lints every `ja-x-easy` text in a dataset (or any part of one). */
export function lintEasyDataset(root: unknown): DatasetFinding[] {
  return easyTexts(root).flatMap(({text, field, ...where}) =>
    lintEasyText(text, {name: field === 'name'}).map((f) => ({...where, field, ...f})),
  );
}

export interface SectionScore {
  id: string;
  readability: Readability;
}

/** RS′ per top-level summary section (its nested sections included) and for the whole summary. */
export function summaryReadability(dataset: unknown): {sections: SectionScore[]; summary: Readability | null} {
  const summary = (dataset as {plan?: {summary?: Array<{id: string}>}})?.plan?.summary;
  if (!Array.isArray(summary)) return {sections: [], summary: null};
  const sections = summary.map((section) => ({
    id: section.id,
    readability: tateishi(easyTexts(section).map((t) => t.text)),
  }));
  return {sections, summary: tateishi(easyTexts(summary).map((t) => t.text))};
}
