/**
 * Readings that depend on the words around a kanji, as a table the data build enforces: a built
 * text (or a reviewed reading) that reads the kanji otherwise fails the build. The analyzer reads
 * a lone 後 のち (「送信した後に」 should be あと), and each compound has its own reading.
 * Build-time only (it splits whole-word readings with the kanji dictionary).
 */
import {isKanji} from '../core/text/kanji-grades.js';
import {isRuby, parseRuby, partsOf, readingOf, type RubySegment} from '../core/text/ruby.js';
import {splitReading} from './kanji-readings.js';

export interface ContextReading {
  /** The kanji whose reading the context decides. */
  kanji: string;
  /** The word around it, as printed. */
  word: string;
  /** The word's reading, one part per character: 午後 → ご|ご. */
  reading: string;
  /** What must follow the word (a lone 後 before で, に or から means "after"). */
  before?: RegExp;
  /** The word stands alone: no kanji just before or after it (移転後に is いてんごに). */
  alone?: boolean;
  /** How messages name the context, when the word alone does not say it. */
  shown?: string;
}

export const CONTEXT_READINGS: readonly ContextReading[] = [
  {kanji: '後', word: '午後', reading: 'ご|ご'},
  {kanji: '後', word: '以後', reading: 'い|ご'},
  {kanji: '後', word: '今後', reading: 'こん|ご'},
  {kanji: '後', word: '前後', reading: 'ぜん|ご'},
  {kanji: '後', word: '最後', reading: 'さい|ご'},
  {kanji: '後', word: '後見', reading: 'こう|けん'},
  {kanji: '後', word: '後', reading: 'あと', before: /^[ 　]?(?:で|に|から)/, alone: true, shown: '後で・後に・後から'},
];

/** A reading that contradicts the table, as a problem report: what is read wrong and how to fix it. */
export interface Misreading {
  message: string;
  fix: string;
}

/** The reading of the character at `offset` of a ruby base, when the notation or the dictionary tells it. */
function readingAt(segment: RubySegment, offset: number): string | undefined {
  const parts = partsOf(segment) ?? splitReading(segment.base, readingOf(segment));
  return parts?.[offset];
}

/**
 * Where a 後 is read against the table, in ruby notation (one text, or a term with its reading).
 * `readingsFile`: the town's readings list in use, which messages name as the other place to fix.
 */
export function contextMisreadings(notation: string, readingsFile?: string): Misreading[] {
  // Every printed character, with the ruby segment and the offset in its base that annotate it.
  const chars: Array<{ch: string; segment?: RubySegment; offset: number}> = [];
  for (const segment of parseRuby(notation)) {
    if (isRuby(segment)) [...segment.base].forEach((ch, offset) => chars.push({ch, segment, offset}));
    else for (const ch of segment.text) chars.push({ch, offset: 0});
  }
  const printed = chars.map((c) => c.ch);
  const found: Misreading[] = [];
  const judged = new Set<number>();
  for (const rule of CONTEXT_READINGS) {
    const word = [...rule.word];
    const parts = rule.reading.split('|');
    const at = word.indexOf(rule.kanji);
    for (let start = 0; start + word.length <= printed.length; start++) {
      const i = start + at;
      if (judged.has(i) || !word.every((ch, k) => printed[start + k] === ch)) continue;
      const after = printed.slice(start + word.length).join('');
      if (rule.before && !rule.before.test(after)) continue;
      if (rule.alone && (isKanji(printed[start - 1] ?? '') || isKanji(printed[start + word.length] ?? ''))) continue;
      judged.add(i);
      const {segment, offset} = chars[i]!;
      if (!segment) continue; // No reading at all: the build reports the kanji as missing.
      const reading = readingAt(segment, offset);
      // A whole-word reading that the dictionary cannot split must at least hold the word's reading.
      const wrong = reading === undefined ? !(segment.base.includes(rule.word) && readingOf(segment).includes(parts.join(''))) : reading !== parts[at];
      if (wrong) {
        const context = printed.slice(Math.max(0, start - 6), start + word.length + 4).join('');
        const annotated = reading === undefined ? segment.base : rule.kanji;
        const notation = reading === undefined ? `｜${rule.word}《${rule.reading}》` : `｜${rule.kanji}《${parts[at]}》`;
        found.push({
          message: `「${context}」: ${annotated} is read ${reading ?? readingOf(segment)}, but in ${rule.shown ?? rule.word} it is ${parts.join('')}`,
          fix: `write ${notation} in the text${readingsFile ? ` (or correct the word in ${readingsFile})` : ''}`,
        });
      }
    }
  }
  return found;
}
