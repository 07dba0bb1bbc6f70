/**
 * Ruby notation ⇄ segments.
 *
 * Editors write readings the way Japanese writers already do (Aozora Bunko / 小説家になろう):
 *   ｜成年後見制度《せいねんこうけんせいど》   explicit base, started by a full-width ｜
 *   相談《そうだん》                         implicit base: the run of kanji just before 《
 * Two extensions, written by the data build but open to editors too:
 *   《せい|ねん》    one reading per character, so grade-level furigana can annotate one kanji
 *   《=やぎさわ》    a proper name that speech engines misread: assistive tech hears the reading
 *
 * Parsing is lossless: formatRuby(parseRuby(s)) === s for every string s. Anything that is not
 * valid notation stays literal text.
 */
import {isKanji} from './kanji.js';

export interface TextSegment {
  readonly text: string;
}

export interface RubySegment {
  /** The annotated characters. */
  readonly base: string;
  /** The reading as written between 《 and 》, without the `=` marker (may hold `|`). */
  readonly raw: string;
  /** Written with ｜ (always true for bases that are not a kanji run). */
  readonly explicit: boolean;
  /** Assistive tech should hear the reading instead of the base (names TTS misreads). */
  readonly speak: boolean;
}

export type Segment = TextSegment | RubySegment;

export const isRuby = (segment: Segment): segment is RubySegment => 'base' in segment;

/** Joins neighbouring text segments into one (ruby segments stay as they are). */
export function mergeText(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (!isRuby(segment) && last && !isRuby(last)) out[out.length - 1] = {text: last.text + segment.text};
    else out.push(segment);
  }
  return out;
}

const BAR = '｜';
const OPEN = '《';
const CLOSE = '》';

/** The whole reading of a ruby segment, in the script it was written. */
export function readingOf(segment: RubySegment): string {
  return segment.raw.split('|').join('');
}

/** One reading per character of the base, when the notation gives them. */
export function partsOf(segment: RubySegment): string[] | null {
  if (!segment.raw.includes('|')) return [...segment.base].length === 1 ? [segment.raw] : null;
  const parts = segment.raw.split('|');
  return parts.length === [...segment.base].length && parts.every(Boolean) ? parts : null;
}

function validReading(raw: string): boolean {
  const body = raw.startsWith('=') ? raw.slice(1) : raw;
  return body.length > 0 && !/[《》｜\n]/.test(body) && !body.startsWith('|') && !body.endsWith('|');
}

/** Splits notation into text and ruby segments. Never throws. */
export function parseRuby(input: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  const pushText = (value: string) => {
    text += value;
  };
  const flush = () => {
    if (text) segments.push({text});
    text = '';
  };
  const pushRuby = (base: string, rawWithMarker: string, explicit: boolean) => {
    flush();
    const speak = rawWithMarker.startsWith('=');
    segments.push({base, raw: speak ? rawWithMarker.slice(1) : rawWithMarker, explicit, speak});
  };

  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === BAR) {
      const open = input.indexOf(OPEN, i + 1);
      const close = open < 0 ? -1 : input.indexOf(CLOSE, open + 1);
      const base = open < 0 ? '' : input.slice(i + 1, open);
      const raw = close < 0 ? '' : input.slice(open + 1, close);
      if (base && !/[｜《》\n]/.test(base) && validReading(raw)) {
        pushRuby(base, raw, true);
        i = close + 1;
        continue;
      }
      pushText(ch);
      i += 1;
      continue;
    }
    if (ch === OPEN) {
      const close = input.indexOf(CLOSE, i + 1);
      const raw = close < 0 ? '' : input.slice(i + 1, close);
      // The implicit base is the run of kanji at the end of the pending text.
      const chars = [...text];
      let start = chars.length;
      while (start > 0 && isKanji(chars[start - 1]!)) start -= 1;
      if (start < chars.length && validReading(raw)) {
        const base = chars.slice(start).join('');
        text = chars.slice(0, start).join('');
        pushRuby(base, raw, false);
        i = close + 1;
        continue;
      }
    }
    pushText(ch);
    i += 1;
  }
  flush();
  return segments;
}

/** Writes segments back as notation (the inverse of parseRuby). */
export function formatRuby(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    if (!isRuby(segment)) {
      out += segment.text;
      continue;
    }
    const previous = [...out].pop();
    const implicitOk =
      !segment.explicit && [...segment.base].every(isKanji) && !(previous && isKanji(previous));
    out += (implicitOk ? '' : BAR) + segment.base + OPEN + (segment.speak ? '=' : '') + segment.raw + CLOSE;
  }
  return out;
}

/** The text as printed, without readings: for attributes, titles and copy. */
export function plainText(notation: string): string {
  return parseRuby(notation)
    .map((s) => (isRuby(s) ? s.base : s.text))
    .join('');
}

/**
 * The text as printed with each reading in brackets after its word, 谷戸町（やとちょう）, for where
 * ruby cannot go (the options of a select). Neighbouring annotated words share one bracket, as
 * they share one ruby on screen.
 */
export function bracketedReadings(notation: string): string {
  let out = '';
  let reading = '';
  for (const s of parseRuby(notation)) {
    if (isRuby(s)) {
      out += s.base;
      reading += readingOf(s);
      continue;
    }
    out += (reading && `（${reading}）`) + s.text;
    reading = '';
  }
  return out + (reading && `（${reading}）`);
}

/** The text as read aloud: each annotated base replaced by its reading (for search). */
export function readingText(notation: string): string {
  return parseRuby(notation)
    .map((s) => (isRuby(s) ? readingOf(s) : s.text))
    .join('');
}

/** Both at once, parsing only once: [as printed, as read aloud]. */
export function plainAndReading(notation: string): [string, string] {
  let plain = '';
  let reading = '';
  for (const s of parseRuby(notation)) {
    if (isRuby(s)) {
      plain += s.base;
      reading += readingOf(s);
    } else {
      plain += s.text;
      reading += s.text;
    }
  }
  return [plain, reading];
}
