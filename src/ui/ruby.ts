/**
 * Renders ruby notation as HTML ruby, the one way every widget does it.
 *
 * - One <ruby> per word; <rt>/<rp> are hidden from assistive tech so each word is read once.
 * - Easy Japanese (`join`): annotated words with no text between them (要|介護) are one word, as
 *   spaces part the words there, and become one <ruby>: a reading wider than its own word would
 *   otherwise push the next one away, and 「要 介護」 would read as two words. A word with a name
 *   in it (below) is heard by its reading as a whole (保谷駅: ほうやえき).
 * - Furigana off: no <rt> at all, just the text of each word.
 * - Names that speech engines misread (《=…》): the ruby is visual only and assistive tech
 *   hears the reading from visually hidden kana (docs/architecture.md, "Reading modes and ruby").
 * - Grade-level furigana: only kanji not yet learned by that school grade get a reading,
 *   per character when the notation gives per-character readings.
 * Text is always rendered as text through lit, never as HTML.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {isRuby, parseRuby, partsOf, readingOf, type RubySegment, type Segment} from '../core/text/ruby.js';

export interface RubyOptions {
  /** Show readings. */
  furigana: boolean;
  /** Annotate only kanji not learned by the end of this school grade (1–6). */
  grade?: number | undefined;
  /** Join neighbouring annotated words into one ruby (easy Japanese, written with spaces between words). */
  join?: boolean;
}

// The grade table (2020 学年別漢字配当表) is fetched only when a widget asks for grade furigana.
let grades: typeof import('../core/text/kanji-grades.js') | undefined;
let loadingGrades: Promise<void> | undefined;

/** Whether the grade table has arrived (before it does, grade furigana falls back to full furigana). */
export const gradesLoaded = (): boolean => grades !== undefined;

/** Loads the grade table; until it arrives, grade furigana shows readings on every kanji. */
export function gradesReady(): Promise<void> {
  loadingGrades ??= import('../core/text/kanji-grades.js').then((m) => {
    grades = m;
  });
  return loadingGrades;
}

const learnedBy = (ch: string, grade: number) => grades?.learnedBy(ch, grade) ?? false;

const rubyTemplate = (base: string, reading: string) =>
  html`<ruby>${base}<rp aria-hidden="true">（</rp><rt aria-hidden="true">${reading}</rt><rp aria-hidden="true">）</rp></ruby>`;

function learned(base: string, grade: number | undefined): boolean {
  if (grade === undefined || !grades) return false;
  return [...base].every((ch) => learnedBy(ch, grade));
}

function renderVisual(segment: RubySegment, options: RubyOptions): TemplateResult | string {
  if (!options.furigana || learned(segment.base, options.grade)) return segment.base;
  if (options.grade !== undefined && grades) {
    const parts = partsOf(segment);
    if (parts) {
      const chars = [...segment.base];
      return html`${chars.map((ch, i) =>
        learnedBy(ch, options.grade!) ? ch : rubyTemplate(ch, parts[i]!),
      )}`;
    }
  }
  return rubyTemplate(segment.base, readingOf(segment));
}

function renderSegment(segment: Segment, options: RubyOptions): TemplateResult | string {
  if (!isRuby(segment)) return segment.text;
  if (!segment.speak) return renderVisual(segment, options);
  // What is shown is for the eye only; assistive tech hears the visually hidden kana.
  return html`<span class="name"
    ><span aria-hidden="true">${renderVisual(segment, options)}</span
    ><span class="visually-hidden">${readingOf(segment)}</span></span
  >`;
}

/** Neighbouring annotated words as one: bases and readings joined; with a name in it, all is heard by its reading. */
function joined(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (isRuby(s) && last && isRuby(last)) {
      out[out.length - 1] = {...last, base: last.base + s.base, raw: readingOf(last) + readingOf(s), speak: last.speak || s.speak};
    } else out.push(s);
  }
  return out;
}

/** Renders notation (or parsed segments) as text with ruby. */
export function ruby(
  notation: string | readonly Segment[] | undefined | null,
  options: RubyOptions,
): TemplateResult | typeof nothing {
  if (notation === undefined || notation === null || notation === '') return nothing;
  const segments = typeof notation === 'string' ? parseRuby(notation) : notation;
  // Furigana off too, each word stays a text node of its own: Chromium's phrase-aware line breaks
  // (word-break: auto-phrase) then never split one (one string broke 「く|すり」 at 200% text).
  // Grade furigana annotates single characters: it does not join.
  const shown = options.join && options.grade === undefined ? joined(segments) : segments;
  return html`${shown.map((s) => renderSegment(s, options))}`;
}
