import {html, nothing, render, type PropertyValues, type TemplateResult, type PropertyDeclarations} from 'lit';
import {msg} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {datasetController} from '../../ui/data-controller.js';
import {fallbackContact, loadErrorNotice, renderContact} from '../../ui/fallback.js';
import {heading, headingLevel} from '../../ui/heading.js';
import {nextTask} from '../../ui/next-task.js';
import {reportOnce} from '../../ui/report.js';
import {gradesLoaded, gradesReady} from '../../ui/ruby.js';
import {noticeStyles} from '../../ui/styles.js';
import {activeLocale} from '../../core/i18n/localization.js';
import {pick} from '../../core/data/text.js';
import type {Dataset, GlossaryEntry, SummaryBlock, SummarySection, Text} from '../../core/data/types.js';
import {isRuby, type Segment} from '../../core/text/ruby.js';
import type {Patterns} from './glossary.js';
import {lazy, LazyController} from '../../ui/lazy.js';
import {ReadAloud} from './speech.js';
import {styles} from './easy-summary.styles.js';

type Light = {tag: string; lang: string; texts: string[]};

const glossaryCode = lazy(() => import('./glossary.js'));

const sectionIds = (sections: readonly SummarySection[]): string[] => sections.flatMap((s) => [s.id, ...sectionIds(s.sections ?? [])]);
const findSection = (sections: readonly SummarySection[], id: string): SummarySection | undefined => {
  for (const s of sections) {
    const hit = s.id === id ? s : findSection(s.sections ?? [], id);
    if (hit) return hit;
  }
  return undefined;
};
/** Headings and blocks: what appears one step at a time. */
const countParts = (sections: readonly SummarySection[]): number =>
  sections.reduce((n, s) => n + 1 + s.blocks.length + countParts(s.sections ?? []), 0);
const collapseSpaces = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Without CSS anchor positioning (Firefox 140 ESR) an explanation would open in the middle of the
 * screen, over its word. It opens below the word instead, or above it when the word is in the lower
 * half of the screen, and scrolls with the page.
 */
function placeBeside(tip: HTMLElement, word: Element) {
  const r = word.getBoundingClientRect();
  const height = document.documentElement.clientHeight;
  const below = r.top + r.bottom < height;
  Object.assign(tip.style, {
    position: 'absolute',
    marginBlock: '0',
    top: below ? `${r.bottom + scrollY + 4}px` : 'auto',
    bottom: below ? 'auto' : `${height - r.top - scrollY + 4}px`,
    maxHeight: `${(below ? height - r.bottom : r.top) - 8}px`,
  });
}

/**
 * The plan summary in easy Japanese (やさしい日本語), standard Japanese or English, with furigana,
 * grade-level furigana, glossary popovers for hard terms and optional read-aloud.
 *
 * Editors can write their own text instead: put `<p>`, `<ul>`/`<ol>` with `<li>`, and `<h2>`–`<h6>`
 * in the element (or in a `<template>` inside it, which is never shown raw). Ruby notation
 * (｜西東京市《にしとうきょうし》, 相談《そうだん》, 《=やぎさわ》 for names) is read from the text,
 * never as HTML, and rendered with the same furigana rules. The smallest heading number becomes
 * `heading-level`. A `lang` attribute on an element is kept.
 *
 * @tagname fukushi-easy-summary
 * @summary The welfare plan summary in easy Japanese with furigana, glossary and read-aloud.
 *
 * @slot - The editor's own text (p, ul, ol, h2–h6, or a template holding them) in ruby notation. It replaces the dataset summary; shown raw only before the script loads.
 *
 * @csspart section - Each section of the summary.
 * @csspart term - Each glossary term button.
 * @csspart popover - The explanation of a term.
 * @csspart speech - The read-aloud controls.
 * @csspart error - The notice shown when the dataset cannot be loaded.
 *
 * @cssprop [--fukushi-color-link=#0031d8] - Colour of the glossary terms.
 * @cssprop [--fukushi-color-notice-bg=#fff5cc] - Background of the sentence being read aloud.
 * @cssprop [--fukushi-ruby-line-height=2.2] - Line height when furigana is on.
 * @cssprop [--fukushi-easy-summary-max-width=44em] - The longest line, for comfortable reading.
 */
export class FukushiEasySummary extends FukushiElement {
  static override styles = [...(FukushiElement.styles as never[]), noticeStyles, styles];

  static override properties: PropertyDeclarations = {
    src: {},
    section: {},
    headingLevel: {attribute: 'heading-level', type: Number},
    furiganaGrade: {attribute: 'furigana-grade', type: Number},
    openTerm: {attribute: 'open-term'},
  };

  /** A dataset URL (a partner's JSON); without it the page's `<meta name="fukushi-widgets:src">`, else the built-in Nishitokyo dataset. */
  declare src?: string;

  /** The id of one summary section (top level or nested) to show; without it, the whole summary. */
  declare section?: string;

  /** The heading level (1–6) of the top sections, to fit the host page's outline; sub-sections go one down. */
  headingLevel = 2;

  /** Furigana only on kanji not learned by the end of this school grade (1–6, 2020 table). */
  declare furiganaGrade?: number;

  /** A glossary term (its id or its text) whose explanation is open when the summary appears. */
  declare openTerm?: string;

  readonly #loader = datasetController(this);
  readonly #speech = new ReadAloud(this);
  readonly #glossary = new LazyController(this, glossaryCode);
  readonly #observer = new MutationObserver(() => this.requestUpdate());
  /** What read-aloud says, one entry per sentence, collected as the summary renders. */
  #sentences: string[] = [];
  #tips = 0;
  /** The `open-term` whose explanation was opened already. */
  #opened?: string;
  /**
   * The whole plan is ~1,000 elements. It appears a few headings and blocks per task, in
   * document order, so that no task blocks input on a slow phone (see `#reuse`).
   */
  #revealed = 1;
  #step = 1;
  #revealing: Promise<void> | undefined;
  #order = 0;
  #total = 0;
  #parts = new Map<object, {key: string; view: TemplateResult; sentences: string[]; terms: string[]}>();
  #partsFor?: Dataset;

  /** Resolves when the dataset has loaded (or failed) and the whole summary is on the page. */
  get ready(): Promise<void> {
    // With grade furigana, ready also waits for the grade table (it loads on first use).
    return Promise.all([this.#loader.ready, this.#glossary.ready, this.#grade ? gradesReady() : undefined]).then(async () => {
      await this.updateComplete;
      while (this.#revealing) await this.#revealing;
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#observer.observe(this, {childList: true, subtree: true, characterData: true});
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // Grade furigana needs the grade table, which loads on first use.
    if (changed.has('furiganaGrade') && this.#grade) void gradesReady().then(() => this.requestUpdate());
    // Sentence numbers change with the section, and English has no Japanese to read.
    if (this.#speech.state !== 'idle' && (changed.has('section') || this.reading.lang !== 'ja')) this.#speech.stop();
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    this.#revealNext();
    this.renderRoot.querySelector('.now')?.scrollIntoView?.({block: 'nearest'});
    const wanted = this.openTerm;
    if (!wanted || wanted === this.#opened || !this.#loader.data) return;
    const entry = this.#loader.data.glossary.find((g: GlossaryEntry) => g.id === wanted || g.term === wanted);
    const button = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.term')].find((b) => b.dataset.term === entry?.id);
    if (!button) return;
    this.#opened = wanted;
    button.focus();
    (button.popoverTargetElement as HTMLElement | null)?.showPopover();
  }

  override render() {
    const {lang, easy, furigana} = this.reading;
    this.#sentences = [];
    this.#total = 0;
    return html`<div class="root${easy ? ' easy' : ''}${furigana ? ' furigana-on' : ''}" lang=${lang}>
      <fukushi-reading-controls></fukushi-reading-controls>
      ${this.#renderSpeechControls()} ${this.#renderContent()}
    </div>`;
  }

  #renderSpeechControls() {
    const {state} = this.#speech;
    if (!this.#speech.available || this.reading.lang !== 'ja') return nothing;
    const label = state === 'playing' ? msg('一時停止') : state === 'paused' ? msg('続きを読む') : msg('読み上げ');
    return html`<div class="speech" part="speech">
      <button type="button" class="button secondary" id="speak" @click=${this.#handleSpeechToggle}>${this.renderText(label)}</button>
      ${state === 'idle'
        ? nothing
        : html`<button type="button" class="button secondary" @click=${this.#handleSpeechStop}>${this.renderText(msg('止める'))}</button>`}
    </div>`;
  }

  #renderContent() {
    const data = this.#loader.data;
    // Sentences and glossary terms: their code loads as the summary connects, with the data.
    const glossary = this.#glossary.module;
    const patterns = glossary?.termPatterns(data?.glossary ?? []) ?? [];
    const light = this.#lightBlocks();
    if (light.length && glossary) return this.#renderLight(light, patterns);
    if (this.#loader.error) {
      return loadErrorNotice(this.#loader.error, fallbackContact(this.#loader, this.reading.locale), this.reading.lang, (s) => this.renderText(s), () => this.#loader.retry());
    }
    if (!data || !glossary) return html`<p class="loading" role="status">${this.renderText(msg('読み込んでいます…'))}</p>`;
    const summary = data.plan?.summary ?? [];
    if (!summary.length) {
      reportOnce(`fukushi-easy-summary: the dataset ${this.#loader.url} has no plan summary (plan.summary); write one, or put your own text inside the element.`);
      return html`<div class="notice warning" part="error">
        <p>${this.renderText(msg('この計画の概要は、まだありません。'))}</p>
        ${renderContact(fallbackContact(this.#loader, this.reading.locale), this.reading.lang, (s) => this.renderText(s))}
      </div>`;
    }
    let sections = summary;
    if (this.section) {
      const chosen = findSection(summary, this.section);
      if (chosen) sections = [chosen];
      else {
        reportOnce(
          `fukushi-easy-summary: section="${this.section}" is not in the summary; showing the whole summary. ` +
            `Valid ids: ${sectionIds(summary).join(', ')}`,
          `section:${this.section}`,
        );
      }
    }
    if (this.#partsFor !== data) {
      this.#partsFor = data;
      this.#parts.clear();
    }
    this.#order = 0;
    this.#total = countParts(sections);
    return sections.map((s) => this.#renderSection(s, this.#level, patterns));
  }

  #renderSection(section: SummarySection, level: number, patterns: Patterns): TemplateResult | typeof nothing {
    if (this.#order++ >= this.#revealed) return nothing;
    const {reading} = this;
    // Everything a heading or block depends on, including UI strings (they lag the locale while it loads).
    const key = [reading.locale, activeLocale(), reading.furigana, this.#grade, gradesLoaded(), this.#speech.available, this.#speech.current, this.src, this.section, level].join('|');
    const seen = new Set<string>();
    const title = this.#reuse(section, key, seen, () => {
      const text = this.#renderProseOf(section.heading, [], seen);
      return heading(level, html`<span lang=${text.lang}>${text.body}</span>`);
    });
    const blocks = section.blocks.map((b) => (this.#order++ < this.#revealed ? this.#reuse(b, key, seen, () => this.#renderBlock(b, patterns, seen, level)) : nothing));
    return html`<section part="section">
      ${title} ${blocks} ${(section.sections ?? []).map((s) => this.#renderSection(s, level + 1, patterns))}
    </section>`;
  }

  #renderBlock(block: SummaryBlock, patterns: Patterns, seen: Set<string>, level: number): TemplateResult {
    const prose = (text: Text) => this.#renderProseOf(text, patterns, seen);
    const item = (text: Text) => {
      const rendered = prose(text);
      return html`<li lang=${rendered.lang}>${rendered.body}</li>`;
    };
    switch (block.type) {
      case 'paragraph': {
        const rendered = prose(block.text);
        return html`<p lang=${rendered.lang}>${rendered.body}</p>`;
      }
      case 'list':
        return html`<ul>${block.items.map(item)}</ul>`;
      case 'levels':
        return html`<ol class="levels">
          ${block.levels.map((l) => {
            const name = prose(l.name);
            return html`<li>
              <p class="level-name" lang=${name.lang}><strong>${name.body}</strong></p>
              <ul>${l.roles.map(item)}</ul>
            </li>`;
          })}
        </ol>`;
      case 'desks':
        return html`<ul class="desks">
          ${block.location_ids.map(
            (id) => html`<li>
              <fukushi-contact-card desk=${id} compact heading-level=${level + 1} src=${this.src ?? nothing}></fukushi-contact-card>
            </li>`,
          )}
        </ul>`;
    }
  }

  /** A dataset text as read-aloud sentences with glossary terms, and the `lang` to mark it with where it fell back. */
  #renderProseOf(text: Text, patterns: Patterns, seen: Set<string>) {
    const {value, lang} = this.pickText(text);
    return {lang, body: this.#renderProse(value, patterns, seen)};
  }

  /** Text as sentences (each a read-aloud step), with the first use of each term as a button. */
  #renderProse(notation: string, patterns: Patterns, seen: Set<string>) {
    const locale = this.reading.locale;
    // Sentences are wrapped (for the read-aloud highlight) only where read-aloud is offered.
    const wrap = this.#speech.available && this.reading.lang === 'ja';
    return this.#glossary.module!.sentencesOf(notation, patterns, seen).map((sentence) => {
      const index = this.#sentences.push(sentence.speech) - 1;
      const pieces = sentence.pieces.map((piece) => {
        if (!piece.term) return this.#renderWords(piece.segments);
        const id = `tip-${this.#tips++}`;
        const explanation = pick(piece.term.explanation, locale);
        return html`<button type="button" class="term" part="term" data-term=${piece.term.id} popovertarget=${id}
            >${this.#renderWords(piece.segments)}</button
          ><span popover id=${id} class="tip" part="popover" lang=${explanation.lang} data-term=${piece.term.id} @beforetoggle=${this.#handleTipToggle}></span>`;
      });
      // The sentence being read aloud is marked for the eye only (no aria-current): the feature
      // is for sighted readers, and a state that changes every few seconds would make screen
      // readers, which speak on their own, announce it over the voice.
      return wrap ? html`<span class=${index === this.#speech.current ? 's now' : 's'}>${pieces}</span>` : pieces;
    });
  }

  /** Runs of ruby segments become one unbreakable word (成年|後見 never splits at a line end). */
  #renderWords(segments: readonly Segment[]) {
    const out: unknown[] = [];
    let run: Segment[] = [];
    const closeRun = () => {
      if (run.length > 1 || (run.length && this.#grade && [...(run[0] as {base: string}).base].length > 1)) {
        out.push(html`<span class="w">${this.renderText(run, this.#grade)}</span>`);
      } else if (run.length) out.push(this.renderText(run, this.#grade));
      run = [];
    };
    for (const segment of segments) {
      if (isRuby(segment)) {
        run.push(segment);
        continue;
      }
      closeRun();
      // Chromium leaves a whitespace-only text node between two words out of the accessibility
      // tree; a preserved space stays in it (分かち書き matters in braille too).
      out.push(/^\s+$/.test(segment.text) ? html`<span class="sp">${segment.text}</span>` : segment.text);
    }
    closeRun();
    return out;
  }

  #renderLight(blocks: Light[], patterns: Patterns) {
    const seen = new Set<string>();
    const ranks = blocks.map((b) => Number(/^h([1-6])$/.exec(b.tag)?.[1])).filter(Boolean);
    const top = Math.min(...ranks);
    return blocks.map(({tag, lang, texts}) => {
      const body = texts.map((text) => this.#renderProse(text, /^h\d$/.test(tag) ? [] : patterns, seen));
      const marked = lang === this.reading.lang ? nothing : lang;
      if (/^h\d$/.test(tag)) return heading(this.#level + Number(tag[1]) - top, html`<span lang=${marked}>${body}</span>`);
      if (/^[uo]l$/.test(tag)) {
        const items = body.map((b) => html`<li>${b}</li>`);
        return tag === 'ol' ? html`<ol lang=${marked}>${items}</ol>` : html`<ul lang=${marked}>${items}</ul>`;
      }
      return html`<p lang=${marked}>${body}</p>`;
    });
  }

  /**
   * A glossary popover gets its content (and, without anchor positioning, its place) as it opens:
   * the plan has ~70 of them, and building all up front would double the summary's size on the
   * page. Closed popovers are hidden from everyone, so nothing is lost.
   */
  #handleTipToggle(event: Event) {
    if ((event as ToggleEvent).newState !== 'open') return;
    const tip = event.currentTarget as HTMLElement;
    const term = this.#loader.data?.glossary.find((g: GlossaryEntry) => g.id === tip.dataset.term);
    if (!term) return;
    render(
      html`<strong class="tip-term">${this.renderText(this.#glossary.module!.annotateTerm(term), this.#grade)}</strong>
        <div>${this.renderText(pick(term.explanation, this.reading.locale).value, this.#grade)}</div>
        <button type="button" class="button secondary" popovertarget=${tip.id} popovertargetaction="hide">${this.renderText(msg('閉じる'))}</button>`,
      tip,
    );
    if (!CSS.supports('position-area: block-end')) placeBeside(tip, tip.previousElementSibling!);
  }

  #handleSpeechToggle() {
    const speech = this.#speech;
    if (speech.state === 'playing') speech.pause();
    else if (speech.state === 'paused') speech.resume();
    // Still appearing: read the whole summary once it is all there.
    else if (this.#revealing) void this.ready.then(() => speech.state === 'idle' && speech.play([...this.#sentences]));
    else speech.play([...this.#sentences]);
  }

  #handleSpeechStop() {
    this.#speech.stop();
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#speak') as HTMLElement | null)?.focus());
  }

  /**
   * A heading or block, rendered once per reading state and reused while the rest of the
   * summary appears. Reuse replays what rendering did: its sentences (for reading aloud) and
   * the terms it explained (each term is a button once per section).
   */
  #reuse(source: object, key: string, seen: Set<string>, make: () => TemplateResult) {
    let done = this.#parts.get(source);
    if (done?.key === key) {
      this.#sentences.push(...done.sentences);
      for (const term of done.terms) seen.add(term);
    } else {
      const first = this.#sentences.length;
      const before = new Set(seen);
      const view = make();
      done = {key, view, sentences: this.#sentences.slice(first), terms: [...seen].filter((t) => !before.has(t))};
      this.#parts.set(source, done);
    }
    return done.view;
  }

  /** The editor's own text in the light DOM (or a template there), read as text. */
  #lightBlocks(): Light[] {
    const template = this.querySelector(':scope > template') as HTMLTemplateElement | null;
    return [...(template?.content ?? this).children]
      .filter((el) => el.localName !== 'template')
      .map((el) => ({
        tag: el.localName,
        lang: el.getAttribute('lang') ?? 'ja',
        texts: /^[uo]l$/.test(el.localName) ? [...el.querySelectorAll('li')].map((li) => collapseSpaces(li.textContent)) : [collapseSpaces(el.textContent)],
      }))
      .filter((b) => b.texts.some(Boolean));
  }

  /** Shows the next headings and blocks in a task of their own, until the whole summary is there. */
  #revealNext() {
    if (this.#revealing || this.#revealed >= this.#total) return;
    this.#revealing = nextTask().then(async () => {
      this.#revealing = undefined;
      this.#revealed += this.#step;
      const started = performance.now();
      this.requestUpdate();
      await this.updateComplete;
      // Aim for steps of a few milliseconds: a phone is several times slower than this machine.
      const took = performance.now() - started;
      this.#step = took < 2 ? this.#step * 2 : took > 6 ? Math.max(1, Math.floor(this.#step / 2)) : this.#step;
    });
  }

  get #grade(): number | undefined {
    const grade = this.furiganaGrade;
    return grade && grade >= 1 && grade <= 6 ? Math.floor(grade) : undefined;
  }

  /** The level of the top sections: `heading-level` when it is a level (1–6), else 2. */
  get #level(): number {
    const level = Math.round(this.headingLevel);
    return level === headingLevel(level) ? level : 2;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fukushi-easy-summary': FukushiEasySummary;
  }
}
