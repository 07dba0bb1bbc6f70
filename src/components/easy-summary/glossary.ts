/**
 * Text for the easy summary, without DOM: ruby notation → sentences (for read-aloud and its
 * highlight) → pieces, where a piece is either plain segments or the first occurrence of a
 * glossary term. Terms are matched on the printed text; a ruby segment is never split, so a
 * match that starts or ends inside one takes the whole segment. A term's heading in its
 * explanation gets ruby from the term's whole reading (annotateTerm).
 */
import type {GlossaryEntry} from '../../core/data/types.js';
import {isRuby, mergeText, parseRuby, readingOf, type Segment} from '../../core/text/ruby.js';
import {isKanji} from '../../core/text/kanji.js';

export {styles} from './glossary.styles.js';

export interface Piece {
  segments: Segment[];
  term?: GlossaryEntry;
}

export interface Sentence {
  pieces: Piece[];
  /** What read-aloud says: the base text, except names that speech engines misread (their reading). */
  speech: string;
}

export type Patterns = Array<[string, GlossaryEntry]>;

const patternsOf = new WeakMap<readonly GlossaryEntry[], Patterns>();

/** Every written form of every term, longest first (地域福祉コーディネーター before 地域福祉); once per glossary. */
export function termPatterns(glossary: readonly GlossaryEntry[]): Patterns {
  let patterns = patternsOf.get(glossary);
  if (!patterns) {
    patterns = glossary
      .flatMap((e) => [e.term, ...(e.variants ?? [])].map((form): [string, GlossaryEntry] => [form.trim(), e]))
      .filter(([form]) => form)
      .sort((a, b) => b[0].length - a[0].length);
    patternsOf.set(glossary, patterns);
  }
  return patterns;
}

const printed = (s: Segment) => (isRuby(s) ? s.base : s.text);


/**
 * Splits `notation` into sentences and marks the first occurrence of each term whose id is not
 * yet in `seen` (which it updates). Pass `patterns` empty for headings (no terms there).
 */
export function sentencesOf(notation: string, patterns: Patterns, seen: Set<string>): Sentence[] {
  const units = parseRuby(notation).flatMap((s): Segment[] => (isRuby(s) ? [s] : [...s.text].map((text) => ({text}))));
  const groups: Segment[][] = [];
  let current: Segment[] = [];
  let depth = 0;
  let ended = false;
  units.forEach((u, i) => {
    const t = printed(u);
    if (ended && !/^[\s」』）)]$/.test(t)) {
      groups.push(current);
      current = [];
      ended = false;
    }
    current.push(u);
    if (isRuby(u)) return;
    if ('「『（('.includes(t)) depth++;
    else if ('」』）)'.includes(t)) depth = Math.max(0, depth - 1);
    // 。！？ end a sentence; . ! ? only before a space (so 1.5 and e.g. stay whole).
    else if (!depth && ('。！？'.includes(t) || ('.!?'.includes(t) && /^\s?$/.test(printed(units[i + 1] ?? {text: ''}))))) ended = true;
  });
  if (current.length) groups.push(current);

  return groups.map((sentence) => {
    const text = sentence.map(printed).join('');
    const starts: number[] = [];
    sentence.reduce((at, u) => (starts.push(at), at + printed(u).length), 0);
    const owner: Array<GlossaryEntry | undefined> = [];
    for (const [form, entry] of patterns) {
      if (seen.has(entry.id)) continue;
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        const end = at + form.length;
        const hit = sentence.map((u, i) => starts[i]! < end && starts[i]! + printed(u).length > at);
        if (hit.some((h, i) => h && owner[i])) continue;
        hit.forEach((h, i) => h && (owner[i] = entry));
        seen.add(entry.id);
        break;
      }
    }
    const pieces: Piece[] = [];
    sentence.forEach((u, i) => {
      const last = pieces[pieces.length - 1];
      if (last && last.term === owner[i]) last.segments.push(u);
      else pieces.push(owner[i] ? {segments: [u], term: owner[i]} : {segments: [u]});
    });
    // Neighbouring one-character text segments become one again.
    for (const p of pieces) p.segments = mergeText(p.segments);
    const speech = sentence
      .map((u) => (isRuby(u) && u.speak ? readingOf(u) : printed(u)))
      .join('')
      // 分かち書き spaces are for the eye: a voice would pause at each one.
      .replace(/\s+(?=[^\x20-\x7e])|(?<=[^\x20-\x7e])\s+/g, '')
      .trim();
    return {pieces, speech};
  });
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}ー]+|[^\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const toHiragana = (text: string) => text.replace(/[ァ-ヶ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));

/**
 * Notation for a term from its whole reading, as a glossary gives them (地域福祉コーディネーター,
 * ちいきふくしこーでぃねーたー): the kana of the term must be found in the reading, and what lies
 * between them is the reading of the rest (｜地域福祉《ちいきふくし》コーディネーター). Kanji with
 * letters or marks beside them (民生委員・児童委員, NPO法人) share one reading. A reading that
 * does not fit the term gives the term back as it is.
 */
export function annotateTerm({term, reading}: Pick<GlossaryEntry, 'term' | 'reading'>): string {
  // Kana runs and, between them, the rest: neighbouring parts could not be told apart.
  const parts = term.match(KANA) ?? [];
  const kana = (part: string) => /^[\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(part);
  const hasKanji = (part: string) => [...part].some(isKanji);
  if (!parts.some(hasKanji)) return term;
  const pattern = parts.map((part) => (kana(part) ? toHiragana(part) : '(.*?)')).join('');
  const match = new RegExp(`^${pattern}$`, 'u').exec(toHiragana(reading));
  if (!match) return term;
  let group = 0;
  return parts
    .map((part) => {
      if (kana(part)) return part;
      const read = match[++group]!;
      return hasKanji(part) && read ? `｜${part}《${read}》` : part;
    })
    .join('');
}
