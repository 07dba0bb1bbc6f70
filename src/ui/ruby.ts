/**
 * Renders ruby notation as HTML ruby, the one way every widget does it.
 *
 * - One <ruby> per word; <rt>/<rp> are hidden from assistive tech so each word is read once.
 * - Furigana off: no <rt> at all, just the text (one string where no name needs its reading voiced).
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
  if (segment.speak) {
    return html`<span class="name"
      ><span aria-hidden="true">${renderVisual(segment, options)}</span
      ><span class="visually-hidden">${readingOf(segment)}</span></span
    >`;
  }
  return renderVisual(segment, options);
}

/** Renders notation (or parsed segments) as text with ruby. */
export function ruby(
  notation: string | readonly Segment[] | undefined | null,
  options: RubyOptions,
): TemplateResult | string | typeof nothing {
  if (notation === undefined || notation === null || notation === '') return nothing;
  const segments = typeof notation === 'string' ? parseRuby(notation) : notation;
  // Furigana off and no name to voice: one text node, not a part per word (long lists stay light).
  if (!options.furigana && !segments.some((s) => isRuby(s) && s.speak)) return segments.map((s) => (isRuby(s) ? s.base : s.text)).join('');
  return html`${segments.map((s) => renderSegment(s, options))}`;
}
