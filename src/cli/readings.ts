/**
 * Adds readings to Japanese text at build time: the reviewed override lists first (the town's
 * own list of local names and facilities, given with --readings, over the common words that
 * ship with the CLI, common-readings.json), then kuromoji for the rest. Editors' own
 * ｜漢字《かんじ》 always wins. Nothing here ships to the browser.
 */
import {join} from 'node:path';
import common from './common-readings.json' with {type: 'json'};
import {packageFolder, requireReadingPackage} from './optional-packages.js';
import {isKanji} from '../core/text/kanji-grades.js';
import {formatRuby, isRuby, mergeText, parseRuby, type RubySegment, type Segment} from '../core/text/ruby.js';
import {splitReading} from './kanji-readings.js';
import {contextMisreadings, type Misreading} from './reading-rules.js';

export interface ReadingOverride {
  text: string;
  reading: string;
  /** Assistive tech should hear the reading (names speech engines misread). */
  speak?: boolean;
  kind: string;
  status: 'reviewed' | 'unreviewed';
  source?: string;
  note?: string;
}

interface Token {
  surface_form: string;
  reading?: string;
}
interface Tokenizer {
  tokenize(text: string): Token[];
}

/** Common words every town's build reads the same way (reviewed; shipped inside the CLI). */
export const COMMON_READINGS = common.readings as ReadingOverride[];

type Kuromoji = {builder(o: {dicPath: string}): {build(cb: (e: Error | null, t: Tokenizer) => void): void}};

export async function loadTokenizer(): Promise<Tokenizer> {
  const kuromoji = requireReadingPackage<Kuromoji>('kuromoji');
  // Both packages are needed: say so now rather than halfway through the build.
  requireReadingPackage('kanji');
  const dicPath = join(packageFolder('kuromoji'), 'dict');
  return new Promise((ok, fail) => kuromoji.builder({dicPath}).build((e, t) => (e ? fail(e) : ok(t))));
}

/** Where editors put a reading the build lacks, for messages: the town's list in use, else how to start one. */
export const readingsAdvice = (readingsFile?: string) =>
  readingsFile ? `add the word to ${readingsFile}` : 'list the word in a readings file of your own and pass it with --readings FILE';

export const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** A kanji run may hold 々 and the counter ヶ (一ヶ月). */
const inRun = (ch: string) => isKanji(ch) || ch === 'ヶ';

/**
 * Puts a word's reading on its kanji runs only: 支え + ささえ → 支《ささ》え.
 * Returns null when the reading does not fit the kana of the surface.
 */
export function alignReading(surface: string, reading: string): Segment[] | null {
  const chars = [...surface];
  const pieces: Array<{kanji: boolean; text: string}> = [];
  for (const ch of chars) {
    const kanji = inRun(ch);
    const last = pieces[pieces.length - 1];
    if (last && last.kanji === kanji) last.text += ch;
    else pieces.push({kanji, text: ch});
  }
  if (!pieces.some((p) => p.kanji)) return [{text: surface}];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    '^' + pieces.map((p) => (p.kanji ? '(.+?)' : `(${escape(toHiragana(p.text))})`)).join('') + '$',
    'u',
  );
  const match = pattern.exec(toHiragana(reading));
  if (!match) return null;
  return pieces.map((p, i) => {
    if (!p.kanji) return {text: p.text};
    const whole = match[i + 1]!;
    const parts = splitReading(p.text, whole);
    const ruby: RubySegment = {base: p.text, raw: parts && parts.length > 1 ? parts.join('|') : whole, explicit: true, speak: false};
    return ruby;
  });
}

export class Annotator {
  /** Overrides by first character, longest first. */
  private readonly byFirst = new Map<string, ReadingOverride[]>();
  readonly used = new Map<string, number>();

  /**
   * `overrides`: the town's own list (it wins over a common word with the same text);
   * `readingsFile`: where that list is, for messages.
   */
  constructor(
    private readonly tokenizer: Tokenizer,
    overrides: ReadingOverride[],
    readonly readingsFile?: string,
  ) {
    const own = new Set(overrides.map((o) => o.text));
    const all = [...COMMON_READINGS.filter((o) => !own.has(o.text)), ...overrides];
    for (const o of all.sort((a, b) => b.text.length - a.text.length)) {
      const first = [...o.text][0]!;
      const list = this.byFirst.get(first) ?? [];
      list.push(o);
      this.byFirst.set(first, list);
    }
  }

  /**
   * Annotates every kanji it can; returns the new notation, the kanji left without reading and
   * the readings that contradict their context (reading-rules.ts), whoever wrote them.
   */
  annotate(notation: string): {notation: string; missing: string[]; misread: Misreading[]} {
    const out: Segment[] = [];
    const missing: string[] = [];
    for (const segment of parseRuby(notation)) {
      if (!isRuby(segment)) out.push(...this.annotatePlain(segment.text, missing));
      // An editor's ｜田無《たなし》 keeps their reading, and like the list it is spoken as a name.
      else out.push(this.speaks(segment.base) && !segment.speak ? {...segment, speak: true} : segment);
    }
    const annotated = formatRuby(mergeText(out));
    return {notation: annotated, missing, misread: contextMisreadings(annotated, this.readingsFile)};
  }

  private speaks(base: string): boolean {
    return Boolean(this.byFirst.get([...base][0] ?? '')?.some((o) => o.text === base && o.speak));
  }

  private annotatePlain(text: string, missing: string[]): Segment[] {
    if (![...text].some(isKanji)) return [{text}];
    const out: Segment[] = [];
    let pending = '';
    const flush = () => {
      if (pending) out.push(...this.analyze(pending, missing));
      pending = '';
    };
    let i = 0;
    while (i < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const hit = this.byFirst.get(ch)?.find((o) => text.startsWith(o.text, i));
      if (hit) {
        flush();
        out.push(...this.fromOverride(hit, missing));
        this.used.set(hit.text, (this.used.get(hit.text) ?? 0) + 1);
        i += hit.text.length;
      } else {
        pending += ch;
        i += ch.length;
      }
    }
    flush();
    return out;
  }

  private fromOverride(o: ReadingOverride, missing: string[]): Segment[] {
    if (o.speak) return [{base: o.text, raw: o.reading, explicit: true, speak: true}];
    const aligned = alignReading(o.text, o.reading);
    if (!aligned) {
      missing.push(...[...o.text].filter(isKanji));
      return [{text: o.text}];
    }
    return aligned;
  }

  private analyze(text: string, missing: string[]): Segment[] {
    const out: Segment[] = [];
    let previous = '';
    for (const token of this.tokenizer.tokenize(text)) {
      const surface = token.surface_form;
      const afterNumber = /[0-9０-９]$/.test(previous);
      previous = surface;
      // After a number, 月 is a month (2月 = にがつ); the analyzer reads it つき on its own.
      if (afterNumber && surface === '月') {
        out.push({base: '月', raw: 'がつ', explicit: true, speak: false});
        continue;
      }
      if (![...surface].some(isKanji)) {
        out.push({text: surface});
        continue;
      }
      const aligned = token.reading && token.reading !== '*' ? alignReading(surface, token.reading) : null;
      if (aligned) out.push(...aligned);
      else {
        missing.push(...[...surface].filter(isKanji));
        out.push({text: surface});
      }
    }
    return out;
  }
}
