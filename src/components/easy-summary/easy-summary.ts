import {html, nothing, render, type PropertyValues, type TemplateResult, type PropertyDeclarations} from 'lit';
import {msg} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {DatasetController} from '../../ui/data-controller.js';
import {loadErrorNotice} from '../../ui/fallback.js';
import {heading} from '../../ui/heading.js';
import {activeLocale} from '../../core/i18n/localization.js';
import {nextTask} from '../../ui/next-task.js';
import {gradesLoaded, gradesReady, ruby} from '../../ui/ruby.js';
import {noticeStyles} from '../../ui/styles.js';
import {pick} from '../../core/data/text.js';
import type {Dataset, GlossaryEntry, SummaryBlock, SummarySection, Text} from '../../core/data/types.js';
import {isRuby, type Segment} from '../../core/text/ruby.js';
import {sentencesOf, termPatterns, type Patterns} from './glossary.js';
import {ReadAloud} from './speech.js';
import {styles} from './easy-summary.styles.js';

type Light = {tag: string; lang: string; texts: string[]};

const reported = new Set<string>();
const ids = (sections: readonly SummarySection[]): string[] => sections.flatMap((s) => [s.id, ...ids(s.sections ?? [])]);
const find = (sections: readonly SummarySection[], id: string): SummarySection | undefined => {
  for (const s of sections) {
    const hit = s.id === id ? s : find(s.sections ?? [], id);
    if (hit) return hit;
  }
  return undefined;
};
/** Headings and blocks: what appears one step at a time. */
const count = (sections: readonly SummarySection[]): number => sections.reduce((n, s) => n + 1 + s.blocks.length + count(s.sections ?? []), 0);
const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

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

  /** Another dataset (a partner's JSON) instead of the built-in Nishitokyo dataset. */
  declare src?: string;

  /** The id of one summary section (top level or nested) to show; without it, the whole summary. */
  declare section?: string;

  /** The heading level (1–6) of the top sections, to fit the host page's outline; sub-sections go one down. */
  headingLevel = 2;

  /** Furigana only on kanji not learned by the end of this school grade (1–6, 2020 table). */
  declare furiganaGrade?: number;

  /** A glossary term (its id or its text) whose explanation is open when the summary appears. */
  declare openTerm?: string;

  private readonly loader = new DatasetController(this);
  private readonly speech = new ReadAloud(this);
  private readonly observer = new MutationObserver(() => this.requestUpdate());
  private sentences: string[] = [];
  private tips = 0;
  private opened?: string;
  /**
   * The whole plan is ~1,000 elements. It appears a few headings and blocks per task, in
   * document order, so that no task blocks input on a slow phone (see `reuse`).
   */
  private revealed = 1;
  private step = 1;
  private revealing: Promise<void> | undefined;
  private order = 0;
  private total = 0;
  private parts = new Map<object, {key: string; view: TemplateResult; sentences: string[]; terms: string[]}>();
  private partsFor?: Dataset;

  /** Resolves when the dataset has loaded (or failed) and the whole summary is on the page. */
  get ready(): Promise<void> {
    // With grade furigana, ready also waits for the grade table (it loads on first use).
    return Promise.all([this.loader.ready, this.grade ? gradesReady() : undefined]).then(async () => {
      await this.updateComplete;
      while (this.revealing) await this.revealing;
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    this.observer.observe(this, {childList: true, subtree: true, characterData: true});
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.observer.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // Grade furigana needs the grade table, which loads on first use.
    if (changed.has('furiganaGrade') && this.grade) void gradesReady().then(() => this.requestUpdate());
    // Sentence numbers change with the section, and English has no Japanese to read.
    if (this.speech.state !== 'idle' && (changed.has('section') || this.reading.lang !== 'ja')) this.speech.stop();
  }

  private get grade(): number | undefined {
    const g = this.furiganaGrade;
    return g && g >= 1 && g <= 6 ? Math.floor(g) : undefined;
  }

  private get level(): number {
    const l = Math.floor(this.headingLevel);
    return l >= 1 && l <= 6 ? l : 2;
  }

  /** Runs of ruby segments become one unbreakable word (成年|後見 never splits at a line end). */
  private words(segments: readonly Segment[]) {
    const options = {furigana: this.reading.furigana, grade: this.grade};
    const out: unknown[] = [];
    let run: Segment[] = [];
    const flush = () => {
      if (run.length > 1 || (run.length && options.grade && [...(run[0] as {base: string}).base].length > 1)) {
        out.push(html`<span class="w">${ruby(run, options)}</span>`);
      } else if (run.length) out.push(ruby(run, options));
      run = [];
    };
    for (const s of segments) {
      if (isRuby(s)) {
        run.push(s);
        continue;
      }
      flush();
      // Chromium leaves a whitespace-only text node between two words out of the accessibility
      // tree; a preserved space stays in it (分かち書き matters in braille too).
      out.push(/^\s+$/.test(s.text) ? html`<span class="sp">${s.text}</span>` : s.text);
    }
    flush();
    return out;
  }

  /**
   * A glossary popover gets its content (and, without anchor positioning, its place) as it opens:
   * the plan has ~70 of them, and building all up front would double the summary's size on the
   * page. Closed popovers are hidden from everyone, so nothing is lost.
   */
  private readonly fillTip = (event: Event) => {
    if ((event as ToggleEvent).newState !== 'open') return;
    const tip = event.currentTarget as HTMLElement;
    const term = this.loader.data?.glossary.find((g: GlossaryEntry) => g.id === tip.dataset.term);
    if (!term) return;
    render(
      html`<strong class="tip-term">${this.renderText(term.term, this.grade)}</strong>
        <span>${this.renderText(pick(term.explanation, this.reading.locale).value, this.grade)}</span>
        <button type="button" class="button secondary" popovertarget=${tip.id} popovertargetaction="hide">${this.renderText(msg('閉じる'))}</button>`,
      tip,
    );
    if (!CSS.supports('position-area: block-end')) placeBeside(tip, tip.previousElementSibling!);
  };

  /** Text as sentences (each a read-aloud step), with the first use of each term as a button. */
  private prose(notation: string, patterns: Patterns, seen: Set<string>) {
    const locale = this.reading.locale;
    // Sentences are wrapped (for the read-aloud highlight) only where read-aloud is offered.
    const wrap = this.speech.available && this.reading.lang === 'ja';
    return sentencesOf(notation, patterns, seen).map((sentence) => {
      const index = this.sentences.push(sentence.speech) - 1;
      const pieces = sentence.pieces.map((p) => {
        if (!p.term) return this.words(p.segments);
        const id = `tip-${this.tips++}`;
        const explanation = pick(p.term.explanation, locale);
        return html`<button type="button" class="term" part="term" data-term=${p.term.id} popovertarget=${id}
            >${this.words(p.segments)}</button
          ><span popover id=${id} class="tip" part="popover" lang=${explanation.lang} data-term=${p.term.id} @beforetoggle=${this.fillTip}></span>`;
      });
      // The sentence being read aloud is marked for the eye only (no aria-current): the feature
      // is for sighted readers, and a state that changes every few seconds would make screen
      // readers, which speak on their own, announce it over the voice.
      return wrap ? html`<span class=${index === this.speech.current ? 's now' : 's'}>${pieces}</span>` : pieces;
    });
  }

  private text(text: Text, patterns: Patterns, seen: Set<string>) {
    const picked = pick(text, this.reading.locale);
    return {lang: picked.lang === this.reading.lang ? nothing : picked.lang, body: this.prose(picked.value, patterns, seen)};
  }

  private block(block: SummaryBlock, patterns: Patterns, seen: Set<string>, level: number): TemplateResult {
    const t = (text: Text) => this.text(text, patterns, seen);
    const li = (text: Text) => {
      const x = t(text);
      return html`<li lang=${x.lang}>${x.body}</li>`;
    };
    switch (block.type) {
      case 'paragraph': {
        const x = t(block.text);
        return html`<p lang=${x.lang}>${x.body}</p>`;
      }
      case 'list':
        return html`<ul>${block.items.map(li)}</ul>`;
      case 'levels':
        return html`<ol class="levels">
          ${block.levels.map((l) => {
            const name = t(l.name);
            return html`<li>
              <p class="level-name" lang=${name.lang}><strong>${name.body}</strong></p>
              <ul>${l.roles.map(li)}</ul>
            </li>`;
          })}
        </ol>`;
      case 'desks':
        return html`<ul class="desks">
          ${block.location_ids.map(
            (id) => html`<li>
              <fukushi-contact-card desk=${id} compact heading-level=${Math.min(6, level + 1)} src=${this.src ?? nothing}></fukushi-contact-card>
            </li>`,
          )}
        </ul>`;
    }
  }

  private renderSection(section: SummarySection, level: number, patterns: Patterns): TemplateResult | typeof nothing {
    if (this.order++ >= this.revealed) return nothing;
    const r = this.reading;
    // Everything a heading or block depends on, including UI strings (they lag the locale while it loads).
    const key = [r.locale, activeLocale(), r.furigana, this.grade, gradesLoaded(), this.speech.available, this.speech.current, this.src, this.section, level].join('|');
    const seen = new Set<string>();
    const title = this.reuse(section, key, seen, () => {
      const t = this.text(section.heading, [], seen);
      return heading(level, html`<span lang=${t.lang}>${t.body}</span>`);
    });
    const blocks = section.blocks.map((b) => (this.order++ < this.revealed ? this.reuse(b, key, seen, () => this.block(b, patterns, seen, level)) : nothing));
    return html`<section part="section">
      ${title} ${blocks} ${(section.sections ?? []).map((s) => this.renderSection(s, Math.min(6, level + 1), patterns))}
    </section>`;
  }

  /**
   * A heading or block, rendered once per reading state and reused while the rest of the
   * summary appears. Reuse replays what rendering did: its sentences (for reading aloud) and
   * the terms it explained (each term is a button once per section).
   */
  private reuse(source: object, key: string, seen: Set<string>, make: () => TemplateResult) {
    let done = this.parts.get(source);
    if (done?.key === key) {
      this.sentences.push(...done.sentences);
      for (const term of done.terms) seen.add(term);
    } else {
      const first = this.sentences.length;
      const before = new Set(seen);
      const view = make();
      done = {key, view, sentences: this.sentences.slice(first), terms: [...seen].filter((t) => !before.has(t))};
      this.parts.set(source, done);
    }
    return done.view;
  }

  /** The editor's own text in the light DOM (or a template there), read as text. */
  private light(): Light[] {
    const template = this.querySelector(':scope > template') as HTMLTemplateElement | null;
    return [...(template?.content ?? this).children]
      .filter((el) => el.localName !== 'template')
      .map((el) => ({
        tag: el.localName,
        lang: el.getAttribute('lang') ?? 'ja',
        texts: /^[uo]l$/.test(el.localName) ? [...el.querySelectorAll('li')].map((li) => clean(li.textContent)) : [clean(el.textContent)],
      }))
      .filter((b) => b.texts.some(Boolean));
  }

  private renderLight(blocks: Light[], patterns: Patterns) {
    const seen = new Set<string>();
    const ranks = blocks.map((b) => Number(/^h([1-6])$/.exec(b.tag)?.[1])).filter(Boolean);
    const top = Math.min(...ranks);
    return blocks.map(({tag, lang, texts}) => {
      const body = texts.map((x) => this.prose(x, /^h\d$/.test(tag) ? [] : patterns, seen));
      const l = lang === this.reading.lang ? nothing : lang;
      if (/^h\d$/.test(tag)) return heading(Math.min(6, this.level + Number(tag[1]) - top), html`<span lang=${l}>${body}</span>`);
      if (/^[uo]l$/.test(tag)) {
        const items = body.map((b) => html`<li>${b}</li>`);
        return tag === 'ol' ? html`<ol lang=${l}>${items}</ol>` : html`<ul lang=${l}>${items}</ul>`;
      }
      return html`<p lang=${l}>${body}</p>`;
    });
  }

  private content() {
    const data = this.loader.data;
    const patterns = termPatterns(data?.glossary ?? []);
    const light = this.light();
    if (light.length) return this.renderLight(light, patterns);
    if (this.loader.error) return loadErrorNotice(this.loader.error, this.reading.lang, () => this.loader.retry());
    if (!data) return html`<p class="loading" role="status">${this.renderText(msg('読み込んでいます…'))}</p>`;
    const summary = data.plan?.summary ?? [];
    let sections = summary;
    if (this.section) {
      const chosen = find(summary, this.section);
      if (chosen) sections = [chosen];
      else if (!reported.has(this.section)) {
        reported.add(this.section);
        console.error(
          `fukushi-easy-summary: section="${this.section}" is not in the summary; showing the whole summary. ` +
            `Valid ids: ${ids(summary).join(', ')}`,
        );
      }
    }
    if (this.partsFor !== data) {
      this.partsFor = data;
      this.parts.clear();
    }
    this.order = 0;
    this.total = count(sections);
    return sections.map((s) => this.renderSection(s, this.level, patterns));
  }

  /** Shows the next headings and blocks in a task of their own, until the whole summary is there. */
  private revealNext() {
    if (this.revealing || this.revealed >= this.total) return;
    this.revealing = nextTask().then(async () => {
      this.revealing = undefined;
      this.revealed += this.step;
      const started = performance.now();
      this.requestUpdate();
      await this.updateComplete;
      // Aim for steps of a few milliseconds: a phone is several times slower than this machine.
      const took = performance.now() - started;
      this.step = took < 2 ? this.step * 2 : took > 6 ? Math.max(1, Math.floor(this.step / 2)) : this.step;
    });
  }

  private speechControls() {
    const {state} = this.speech;
    if (!this.speech.available || this.reading.lang !== 'ja') return nothing;
    const label = state === 'playing' ? msg('一時停止') : state === 'paused' ? msg('続きを読む') : msg('読み上げ');
    return html`<div class="speech" part="speech">
      <button type="button" class="button secondary" id="speak" @click=${this.toggleSpeech}>${this.renderText(label)}</button>
      ${state === 'idle'
        ? nothing
        : html`<button type="button" class="button secondary" @click=${this.stopSpeech}>${this.renderText(msg('止める'))}</button>`}
    </div>`;
  }

  private toggleSpeech() {
    const s = this.speech;
    if (s.state === 'playing') s.pause();
    else if (s.state === 'paused') s.resume();
    // Still appearing: read the whole summary once it is all there.
    else if (this.revealing) void this.ready.then(() => s.state === 'idle' && s.play([...this.sentences]));
    else s.play([...this.sentences]);
  }

  private stopSpeech() {
    this.speech.stop();
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#speak') as HTMLElement | null)?.focus());
  }

  override render() {
    const {lang, easy, furigana} = this.reading;
    this.sentences = [];
    this.total = 0;
    return html`<div class="root${easy ? ' easy' : ''}${furigana ? ' furigana-on' : ''}" lang=${lang}>
      <fukushi-reading-controls></fukushi-reading-controls>
      ${this.speechControls()} ${this.content()}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    this.revealNext();
    this.renderRoot.querySelector('.now')?.scrollIntoView?.({block: 'nearest'});
    const wanted = this.openTerm;
    if (!wanted || wanted === this.opened || !this.loader.data) return;
    const entry = this.loader.data.glossary.find((g: GlossaryEntry) => g.id === wanted || g.term === wanted);
    const button = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.term')].find((b) => b.dataset.term === entry?.id);
    if (!button) return;
    this.opened = wanted;
    button.focus();
    (button.popoverTargetElement as HTMLElement | null)?.showPopover();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fukushi-easy-summary': FukushiEasySummary;
  }
}
