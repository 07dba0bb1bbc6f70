import {html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {datasetController} from '../../ui/data-controller.js';
import {Announcer} from '../../ui/announcer.js';
import {fallbackContact, loadErrorNotice} from '../../ui/fallback.js';
import {noticeStyles} from '../../ui/styles.js';
import {heading} from '../../ui/heading.js';
import {ImeGuard} from '../../ui/ime.js';
import {lazy, LazyController} from '../../ui/lazy.js';
import {afterPaint} from '../../ui/next-task.js';
import {DatasetError} from '../../core/data/loader.js';
import type {Dataset, Service, TaxonomyTerm} from '../../core/data/types.js';
import type {Filters, Ranking} from '../../core/search/service-index.js';
import type {ResultContext} from './results.js';
import {styles} from './service-finder.styles.js';

/** The search and the rendering of results, loaded as the first finder connects (ui/lazy.ts). */
const resultsCode = lazy(() => import('./results.js'));
type ResultsCode = typeof import('./results.js');

/** Results per page (of the result list and of each need group). */
const PAGE = 10;
/**
 * Results drawn in the frame of a keystroke: a phone's screen, and a desktop's, shows two or three.
 * The rest of the page follows as soon as that frame is painted, long before anyone can scroll.
 */
const FIRST_SCREEN = 3;
/** The open-now lines of results are checked again at least this often, and at each Tokyo midnight. */
const MAX_WAIT = 3600000;
const ANNOUNCE_DELAY = 700;
// Written to and read from the page URL with sync-url, as fukushi-query, fukushi-need …
const URL_KEYS = ['query', 'need', 'audience', 'area', 'goal'] as const;

/** The ids in a comma- or space-separated attribute value (`need`, `audience`). */
const idsOf = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * Residents find the plan's services and consultation desks by need, audience, town or in
 * their own words ("お金がない", "せいねんこうけん", "seinen kouken"). Results show who each
 * service is for and its desk's phone, FAX and whether it is open now; an opened result shows
 * the details and each desk's full contact card.
 *
 * @tagname fukushi-service-finder
 * @summary Search the plan's services and desks by need, audience, town or free text.
 *
 * @slot - Fallback content (for example a link to the city's page), shown before the script
 *   loads and when the data cannot be loaded.
 *
 * @csspart search - The search form.
 * @csspart input - The search field.
 * @csspart filters - The filter panel.
 * @csspart results - The result list.
 * @csspart result - One result.
 * @csspart desk - A result's desk: its name, open-now line, phone and FAX.
 * @csspart status - The open-now line of a result's desk.
 * @csspart error - The notice shown when data cannot be loaded.
 *
 * @cssprop [--fukushi-color-primary=#0031d8] - Buttons and highlights.
 * @cssprop [--fukushi-color-surface=#f3f5f9] - Background of the filter panel and results.
 *
 * @fires {CustomEvent<{id: string}>} fukushi-select - A result was opened; `detail.id` is the service id.
 */
export class FukushiServiceFinder extends FukushiElement {
  static override styles = [...(FukushiElement.styles as never[]), noticeStyles, styles];

  static override properties: PropertyDeclarations = {
    src: {},
    query: {},
    need: {},
    audience: {},
    area: {},
    goal: {},
    syncUrl: {type: Boolean, attribute: 'sync-url'},
    headingLevel: {type: Number, attribute: 'heading-level'},
    shown: {state: true},
    open: {state: true},
    openGroups: {state: true},
  };

  /** A dataset URL (a partner's JSON); without it the page's `<meta name="fukushi-widgets:src">`, else the built-in Nishitokyo dataset. */
  declare src?: string;

  /** Search words; preset it, or read what the resident typed. */
  query = '';

  /** Need term ids, comma-separated (e.g. `need-money,need-housing`); the need checkboxes set it. */
  need = '';

  /** Audience term ids, comma-separated; the audience checkboxes set it. */
  audience = '';

  /** Town id where the resident lives (e.g. `town-tanashicho`); the town select sets it. */
  area = '';

  /** Plan goal id (e.g. `goal-3`); the goal select sets it. */
  goal = '';

  /** Write the query and filters to the page URL (history.replaceState) and restore them from it. */
  syncUrl = false;

  /** Heading level of the finder's title (2–5); results are one level below. */
  headingLevel = 2;

  /** How many results each list shows: '' the result list, a need id that need's group. */
  private shown = new Map<string, number>();
  private open = new Set<string>();
  private openGroups = new Set<string>();
  readonly #loader = datasetController(this);
  readonly #code = new LazyController(this, resultsCode);
  readonly #announcer = new Announcer(this);
  readonly #ime = new ImeGuard();
  /** The ranking for the current query and filters; searched again only when one of them changes. */
  #results: {data: Dataset; key: string; ranking: Ranking; shown: string} | undefined;
  #terms = new Map<string, TaxonomyTerm>();
  #urlTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * When an open-now line drawn since `#statusEpoch` last moved next changes (worked out as
   * results render). Results are drawn again when the epoch moves, which the timer does then.
   */
  #statusChanges = Infinity;
  #statusEpoch = 0;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;
  /** How many results of the result list are drawn while the rest wait for the first screen to be painted (Infinity: all). */
  #drawn = Infinity;
  #filterPanel: {key: unknown[]; template: TemplateResult} | undefined;
  /** Whether the filter panel is open (the resident's choice, kept across renders). */
  #filtersOpen = false;
  #drawingRest: Promise<void> | undefined;

  /** Resolves when the dataset and the search code have loaded (or failed) and the results are rendered. */
  get ready(): Promise<boolean> {
    return Promise.all([this.#loader.ready, this.#code.ready]).then(() => this.updateComplete);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.syncUrl) {
      const params = new URLSearchParams(location.search);
      for (const key of URL_KEYS) if (params.has(`fukushi-${key}`)) this[key] = params.get(`fukushi-${key}`)!;
    }
    // Timers sleep in a hidden tab: the open-now lines are checked again when the page is shown.
    // Added once here, not per update: adding and removing it on every keystroke costs more.
    document.addEventListener('visibilitychange', this.#handleVisibilityChange);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#urlTimer);
    clearTimeout(this.#statusTimer);
    document.removeEventListener('visibilitychange', this.#handleVisibilityChange);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const data = this.#loader.data;
    const code = this.#code.module;
    if (!data || !code) return;
    if (this.#terms.size !== data.taxonomy_terms.length) this.#terms = new Map(data.taxonomy_terms.map((t) => [t.id, t]));
    const index = code.indexFor(data);
    const key = JSON.stringify([this.query, this.#filters]);
    if (this.#results?.data !== data || this.#results.key !== key) {
      const ranking = index.find(this.query, this.#filters);
      // What the result list shows ('' while browsing by need). A list that changes is drawn a
      // first screen at a time; one that does not stays as it is.
      const shown = this.#browsing(code) ? '' : String(ranking.slice(0, PAGE));
      if (this.#results && shown && shown !== this.#results.shown) this.#drawn = FIRST_SCREEN;
      this.#results = {data, key, ranking, shown};
    }
    code.indexWhenIdle(index);
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    if (this.#drawn !== Infinity) this.#drawingRest ??= this.#drawRest();
    // Results show whether their desks are open: render again when that changes.
    clearTimeout(this.#statusTimer);
    const code = this.#code.module;
    if (this.#statusChanges === Infinity || !code) return;
    const now = Date.now();
    const wait = Math.min(this.#statusChanges - now, code.msToTokyoMidnight(now), MAX_WAIT);
    this.#statusTimer = setTimeout(() => this.#refreshStatus(), Math.max(wait, 1000));
  }

  /** Draws the rest of the result list once the first screen has been painted. */
  async #drawRest() {
    await afterPaint();
    this.#drawn = Infinity;
    this.#drawingRest = undefined;
    this.requestUpdate();
  }

  /** Resolves once the whole result list is drawn, not just its first screen. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#drawingRest) {
      await this.#drawingRest;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override render() {
    const data = this.#loader.data;
    const error = this.#loader.error;
    const code = this.#code.module;
    // The filters appear with the results, not before them: arriving alone (data before the
    // search code) they pushed the loading text down, a layout shift.
    return html`<div class="finder" lang=${this.reading.lang}>
      <fukushi-reading-controls></fukushi-reading-controls>
      ${heading(this.headingLevel, this.renderText(msg('サービスと相談窓口をさがす')), 'title')}
      ${error
        ? loadErrorNotice(error, fallbackContact(this.#loader, this.reading.locale), this.reading.lang, (s) => this.renderText(s), () => this.#loader.retry())
        : html`<form role="search" part="search" @submit=${this.#handleSubmit} novalidate>
              <label class="label" for="q">${this.renderText(msg('困っていることや、知りたいことを入力してください'))}</label>
              <p class="hint" id="q-hint">${this.renderText(msg('例：お金がない、介護、ひきこもり、DV'))}</p>
              <div class="search-row">
                <input
                  id="q"
                  part="input"
                  type="search"
                  name="q"
                  autocomplete="off"
                  enterkeyhint="search"
                  aria-describedby="q-hint"
                  .value=${this.query}
                  @input=${this.#handleInput}
                  @compositionstart=${this.#handleComposition}
                  @compositionend=${this.#handleComposition}
                  @keydown=${this.#ime.guardEnter}
                />
                <button class="button" type="submit">${this.renderText(msg('さがす'))}</button>
              </div>
              ${data && code ? this.#renderFilters(data, code) : nothing}
            </form>
            ${data && code
              ? this.#renderResults(data, code)
              : this.#code.failed
                ? this.#renderCodeFailed()
                : html`<p class="loading" role="status">${this.renderText(msg('読み込んでいます…'))}</p>`}`}
      ${this.#announcer.render()}
    </div>`;
  }

  #renderFilters(data: Dataset, code: ResultsCode) {
    // Built again only when what they show changes, not on every keystroke.
    const key = [data, this.need, this.audience, this.area, this.goal, this.#readingKey];
    if (this.#filterPanel?.key.every((v, i) => v === key[i])) return this.#filterPanel.template;
    const template = code.filterPanel({
      data,
      chosen: {need: idsOf(this.need), audience: idsOf(this.audience), area: this.area, goal: this.goal},
      active: this.#activeFilters,
      open: this.#filtersOpen,
      furigana: this.reading.furigana,
      text: (notation) => this.renderText(notation),
      dataText: (text) => this.renderDataText(text),
      plain: (text) => this.pickText(text).value,
      onTerm: (kind, id, on) => this.#handleTermToggle(kind, id, on),
      onSelect: (key, value) => this.#applyChange({[key]: value}),
      onToggle: this.#handleFiltersToggle,
      clearButton: () => this.#renderClearButton(),
    });
    this.#filterPanel = {key, template};
    return template;
  }

  #renderClearButton() {
    return html`<button type="button" class="button secondary" @click=${this.#handleClearFilters}>${this.renderText(msg('条件をすべて外す'))}</button>`;
  }

  /** Offline before the search code ever loaded: whom to phone, and a retry. */
  #renderCodeFailed() {
    const error = new DatasetError('network', this.#loader.url ?? '', 'search code not loaded');
    return loadErrorNotice(error, fallbackContact(this.#loader, this.reading.locale), this.reading.lang, (s) => this.renderText(s), () => this.#code.hostConnected());
  }

  #renderResults(data: Dataset, code: ResultsCode) {
    const index = code.indexFor(data);
    const ranking = this.#results!.ranking;
    if (this.#browsing(code)) {
      // Before a query worth searching (one kana matches nearly everything): browse by need.
      return html`${heading(this.headingLevel + 1, this.renderText(msg('困りごとから探す')), 'browse-title')}
        <div class="groups">
          ${code.termsOf(data, 'need').map((term) => {
            const count = index.count({needs: [term.id]});
            const open = this.openGroups.has(term.id);
            return count
              ? html`<details class="group" ?open=${open} @toggle=${(e: Event) => this.#handleGroupToggle(term.id, (e.target as HTMLDetailsElement).open)}>
                  <summary>${this.renderDataText(term.name)} <span class="badge">${msg(str`${count}件`)}</span></summary>
                  ${open ? this.#renderPage(code, data, index.find('', {needs: [term.id]}), term.id) : nothing}
                </details>`
              : nothing;
          })}
        </div>`;
    }
    if (!ranking.length) {
      const general = [...index.find('', {needs: ['need-general']}).slice(0, 2)].map((i) => index.service(i));
      const query = this.query.trim();
      return html`<div class="notice warning" part="no-results">
        <p><strong>${this.renderText(query ? msg(str`「${query}」に合うサービスは見つかりませんでした。`) : msg('条件に合うサービスは見つかりませんでした。'))}</strong></p>
        <p>${this.renderText(msg('短い言葉や、ほかの言葉でさがしてください。例：お金、介護、子ども、住まい'))}</p>
        ${this.#activeFilters ? html`<p>${this.#renderClearButton()}</p>` : nothing}
        <p>${this.renderText(msg('どこに相談すればよいかわからないときは、こちらに相談できます。'))}</p>
        ${this.#renderList(code, data, general)}
        ${data.fallback_contact.location_id ? code.contactCard(this.#loader.url, data.fallback_contact.location_id, this.headingLevel + 1, true) : nothing}
      </div>`;
    }
    return html`<p class="count" aria-hidden="true">${this.renderText(this.#countText())}</p>
      ${this.#renderPage(code, data, ranking, '', 'results')}`;
  }

  /** The first results of a list, and a button for the next page. */
  #renderPage(code: ResultsCode, data: Dataset, ranking: Ranking, list: string, part = '') {
    const index = code.indexFor(data);
    const shown = this.shown.get(list) ?? PAGE;
    const drawn = list === '' ? Math.min(shown, this.#drawn) : shown;
    const services = [...ranking.slice(0, drawn)].map((i) => index.service(i));
    return html`${this.#renderList(code, data, services, part)}${ranking.length > shown
      ? html`<button type="button" class="button secondary more" @click=${(e: Event) => this.#handleShowMore(list, e)}>${this.renderText(
          msg(str`もっと見る（残り${ranking.length - shown}件）`),
        )}</button>`
      : nothing}`;
  }

  #renderList(code: ResultsCode, data: Dataset, services: Service[], part = '') {
    return code.resultList(this.#context(data), services, part);
  }

  /** What the results module needs from the finder to render a result. */
  #context(data: Dataset): ResultContext {
    const locale = this.reading.locale;
    const src = this.#loader.url;
    const level = this.headingLevel + 1;
    return {
      key: [src, level, this.#readingKey, this.#statusEpoch].join(),
      data,
      src,
      level,
      lang: this.reading.lang,
      locale,
      fallback: fallbackContact(this.#loader, locale),
      terms: this.#terms,
      open: this.open,
      text: (notation) => this.renderText(notation),
      dataText: (text) => this.renderDataText(text),
      toggle: (id) => this.#handleResultToggle(id),
      changesAt: (at) => (this.#statusChanges = Math.min(this.#statusChanges, at)),
    };
  }

  #handleInput(event: InputEvent) {
    // Never search or rewrite while an IME composition is in progress.
    if (!this.#ime.composing && !event.isComposing) this.#applyChange({query: (event.target as HTMLInputElement).value}, ANNOUNCE_DELAY);
  }

  #handleComposition(event: CompositionEvent) {
    this.#ime.track(event);
    if (!this.#ime.composing) this.#applyChange({query: (event.target as HTMLInputElement).value}, ANNOUNCE_DELAY);
  }

  #handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.#ime.composing) this.#applyChange({query: this.renderRoot.querySelector<HTMLInputElement>('#q')!.value}, 0);
  }

  #handleTermToggle(kind: 'need' | 'audience', id: string, on: boolean) {
    const rest = idsOf(this[kind]).filter((x) => x !== id);
    this.#applyChange({[kind]: (on ? [...rest, id] : rest).join(',')});
  }

  async #handleClearFilters() {
    this.#applyChange({need: '', audience: '', area: '', goal: ''});
    await this.updateComplete;
    // The button has gone with the filters: focus moves to the panel's own toggle.
    if (!this.renderRoot.querySelector(':focus')) this.renderRoot.querySelector<HTMLElement>('.filters > summary')?.focus();
  }

  readonly #handleFiltersToggle = (event: Event) => {
    this.#filtersOpen = (event.target as HTMLDetailsElement).open;
  };

  #handleResultToggle(id: string) {
    const open = new Set(this.open);
    if (!open.delete(id)) {
      open.add(id);
      this.emit('fukushi-select', {id});
    }
    this.open = open;
  }

  async #handleShowMore(list: string, event: Event) {
    const first = this.shown.get(list) ?? PAGE;
    this.shown = new Map(this.shown).set(list, first + PAGE);
    // The list is just before its button.
    const results = (event.currentTarget as Element).previousElementSibling;
    await this.updateComplete;
    // Focus the first new result so keyboard users continue where the list grew.
    results?.querySelectorAll<HTMLElement>(':scope > li .result-toggle')[first]?.focus();
  }

  #handleGroupToggle(id: string, open: boolean) {
    // Only open groups render their services, so the browse page stays light.
    const groups = new Set(this.openGroups);
    if (open) groups.add(id);
    else groups.delete(id);
    this.openGroups = groups;
  }

  /** Applies a change of query or filters; the count is announced once the resident pauses. */
  #applyChange(change: Partial<Record<(typeof URL_KEYS)[number], string>>, delay = 300) {
    if (Object.entries(change).every(([k, v]) => this[k as keyof typeof change] === v)) return;
    Object.assign(this, change);
    this.shown = new Map();
    this.open = new Set();
    void this.updateComplete.then(() => {
      // Browsing by need is not a search: there is no count to announce.
      const code = this.#code.module;
      if (this.#results && code && !this.#browsing(code)) this.#announcer.announce(this.#countText(), delay);
    });
    if (this.syncUrl) {
      clearTimeout(this.#urlTimer);
      this.#urlTimer = setTimeout(() => {
        const url = new URL(location.href);
        for (const key of URL_KEYS) {
          const value = this[key].trim();
          if (value) url.searchParams.set(`fukushi-${key}`, value);
          else url.searchParams.delete(`fukushi-${key}`);
        }
        if (url.href !== location.href) history.replaceState(history.state, '', url);
      }, 300);
    }
  }

  readonly #handleVisibilityChange = () => {
    if (!document.hidden && this.#statusChanges !== Infinity) this.#refreshStatus();
  };

  /** Draws the results again with their open-now lines as they are now. */
  #refreshStatus() {
    this.#statusEpoch++;
    this.#statusChanges = Infinity;
    this.requestUpdate();
  }

  get #filters(): Filters {
    return {needs: idsOf(this.need), audiences: idsOf(this.audience), town: this.area, goal: this.goal};
  }

  /** How many filters are set (each checkbox counts). */
  get #activeFilters(): number {
    return idsOf(this.need).length + idsOf(this.audience).length + (this.area ? 1 : 0) + (this.goal ? 1 : 0);
  }

  /**
   * What text drawn before depends on: the reading mode, and the language of the UI strings, as
   * msg() follows @lit/localize (the host page's own where it configured it first).
   */
  get #readingKey(): string {
    return [this.reading.locale, this.reading.furigana, msg('電話')].join();
  }

  /** Whether the finder shows the needs to browse rather than results: no filter, and no query worth searching. */
  #browsing(code: ResultsCode): boolean {
    return !this.#activeFilters && !code.worthSearching(this.query);
  }

  #countText(): string {
    const n = this.#results?.ranking.length ?? 0;
    return n ? msg(str`${n}件見つかりました`) : msg('見つかりませんでした');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fukushi-service-finder': FukushiServiceFinder;
  }
  interface HTMLElementEventMap {
    'fukushi-select': CustomEvent<{id: string}>;
  }
}
