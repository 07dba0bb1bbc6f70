/**
 * Renders ruby notation as HTML ruby, the one way every widget does it.
 *
 * - One <ruby> per word; <rt>/<rp> are hidden from assistive tech so each word is read once.
 * - Easy Japanese (`join`): annotated words with no text between them (要|介護) are one word, as
 *   spaces part the words there, and become one <ruby>: a reading wider than its own word would
 *   otherwise push the next one away, and 「要 介護」 would read as two words.
 * - Furigana off: no <rt> at all, just the text.
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
  const reading = readingOf(segment);
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
  return rubyTemplate(segment.base, reading);
}

function renderSegment(segment: Segment, options: RubyOptions): TemplateResult | string {
  if (!isRuby(segment)) return segment.text;
  if (segment.speak) return spoken(renderVisual(segment, options), readingOf(segment));
  return renderVisual(segment, options);
}

/** What is shown is for the eye only; assistive tech hears `speech` (names that engines misread). */
const spoken = (visual: TemplateResult | string, speech: string) =>
  html`<span class="name"
    ><span aria-hidden="true">${visual}</span
    ><span class="visually-hidden">${speech}</span></span
  >`;

/** Neighbouring annotated words as one: the bases and the readings joined, names heard by their reading. */
function renderJoined(run: readonly RubySegment[]): TemplateResult {
  const visual = rubyTemplate(run.map((s) => s.base).join(''), run.map(readingOf).join(''));
  return run.some((s) => s.speak) ? spoken(visual, run.map((s) => (s.speak ? readingOf(s) : s.base)).join('')) : visual;
}

/** Renders notation (or parsed segments) as text with ruby. */
export function ruby(
  notation: string | readonly Segment[] | undefined | null,
  options: RubyOptions,
): TemplateResult | typeof nothing {
  if (notation === undefined || notation === null || notation === '') return nothing;
  const segments = typeof notation === 'string' ? parseRuby(notation) : notation;
  // Only easy Japanese joins; grade furigana annotates single characters; without furigana, nothing to join.
  if (!options.join || !options.furigana || options.grade !== undefined) return html`${segments.map((s) => renderSegment(s, options))}`;
  const out: Array<TemplateResult | string> = [];
  let run: RubySegment[] = [];
  const close = () => {
    if (run.length) out.push(run.length === 1 ? renderSegment(run[0]!, options) : renderJoined(run));
    run = [];
  };
  for (const segment of segments) {
    if (isRuby(segment)) run.push(segment);
    else {
      close();
      out.push(segment.text);
    }
  }
  close();
  return html`${out}`;
}
