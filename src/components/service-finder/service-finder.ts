import {html, nothing, type PropertyDeclarations, type PropertyValues} from 'lit';
import {msg, str} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {DatasetController} from '../../ui/data-controller.js';
import {Announcer} from '../../ui/announcer.js';
import {loadErrorNotice} from '../../ui/fallback.js';
import {noticeStyles} from '../../ui/styles.js';
import {heading} from '../../ui/heading.js';
import {pick} from '../../core/data/text.js';
import {plainText} from '../../core/text/ruby.js';
import type {Dataset, Service, TaxonomyTerm, Text} from '../../core/data/types.js';
import {indexFor, indexWhenIdle, type SearchHit} from '../../core/search/service-index.js';
import {styles} from './service-finder.styles.js';

const PAGE = 10;
const ANNOUNCE_DELAY = 700;
// Written to and read from the page URL with sync-url, as fukushi-query, fukushi-need …
const URL_KEYS = ['query', 'need', 'audience', 'area', 'goal'] as const;

const list = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * Residents find the plan's services and consultation desks by need, audience, town or in
 * their own words ("お金がない", "せいねんこうけん", "seinen kouken"). Results show who each
 * service is for and its desk's phone and hours.
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

  /** URL of a dataset (JSON); the built-in Nishitokyo dataset when absent. */
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

  private shown = PAGE;
  private open = new Set<string>();
  private openGroups = new Set<string>();
  private readonly loader = new DatasetController(this);
  private readonly announcer = new Announcer(this);
  private composing = false;
  private hits: SearchHit[] = [];
  private terms = new Map<string, TaxonomyTerm>();
  private urlTimer: ReturnType<typeof setTimeout> | undefined;

  /** Resolves when the dataset has loaded (or failed) and the results are rendered. */
  get ready(): Promise<boolean> {
    return this.loader.ready.then(() => this.updateComplete);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.syncUrl) {
      const params = new URLSearchParams(location.search);
      for (const key of URL_KEYS) if (params.has(`fukushi-${key}`)) this[key] = params.get(`fukushi-${key}`)!;
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.urlTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const data = this.loader.data;
    if (!data) return;
    if (this.terms.size !== data.taxonomy_terms.length) this.terms = new Map(data.taxonomy_terms.map((t) => [t.id, t]));
    const index = indexFor(data);
    this.hits = index.search(this.query, {needs: list(this.need), audiences: list(this.audience), town: this.area, goal: this.goal});
    indexWhenIdle(index);
  }

  /** How many filters are set (each checkbox counts). */
  private get active(): number {
    return list(this.need).length + list(this.audience).length + (this.area ? 1 : 0) + (this.goal ? 1 : 0);
  }

  // --- events -------------------------------------------------------------------------------

  private onInput(event: InputEvent) {
    // Never search or rewrite while an IME composition is in progress.
    if (!this.composing && !event.isComposing) this.changed({query: (event.target as HTMLInputElement).value}, ANNOUNCE_DELAY);
  }

  private onComposition(event: CompositionEvent) {
    this.composing = event.type === 'compositionstart';
    if (!this.composing) this.changed({query: (event.target as HTMLInputElement).value}, ANNOUNCE_DELAY);
  }

  private onKeydown(event: KeyboardEvent) {
    // Enter that confirms an IME candidate must not submit (Safari sends keyCode 229).
    if (event.key === 'Enter' && (this.composing || event.isComposing || event.keyCode === 229)) event.preventDefault();
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.composing) this.changed({query: this.renderRoot.querySelector<HTMLInputElement>('#q')!.value}, 0);
  }

  /** Applies a change of query or filters; the count is announced once the resident pauses. */
  private changed(change: Partial<Record<(typeof URL_KEYS)[number], string>>, delay = 300) {
    if (Object.entries(change).every(([k, v]) => this[k as keyof typeof change] === v)) return;
    Object.assign(this, change);
    this.shown = PAGE;
    this.open = new Set();
    void this.updateComplete.then(() => {
      if (this.loader.data) this.announcer.announce(this.countText(), delay);
    });
    if (this.syncUrl) {
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => {
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

  private toggle(kind: 'need' | 'audience', id: string, on: boolean) {
    const rest = list(this[kind]).filter((x) => x !== id);
    this.changed({[kind]: (on ? [...rest, id] : rest).join(',')});
  }

  private clearFilters() {
    this.changed({need: '', audience: '', area: '', goal: ''});
  }

  private openResult(id: string) {
    const open = new Set(this.open);
    if (!open.delete(id)) {
      open.add(id);
      this.emit('fukushi-select', {id});
    }
    this.open = open;
  }

  private async showMore() {
    const first = this.shown;
    this.shown += PAGE;
    await this.updateComplete;
    // Focus the first new result so keyboard users continue where the list grew.
    this.renderRoot.querySelectorAll<HTMLElement>('.results > li .result-toggle')[first]?.focus();
  }

  private toggleGroup(id: string, open: boolean) {
    // Only open groups render their services, so the browse page stays light.
    const groups = new Set(this.openGroups);
    if (open) groups.add(id);
    else groups.delete(id);
    this.openGroups = groups;
  }

  // --- rendering ----------------------------------------------------------------------------

  private countText(): string {
    const n = this.hits.length;
    return n ? msg(str`${n}件見つかりました`) : msg('見つかりませんでした');
  }

  private text(value: Text | undefined) {
    const picked = pick(value, this.reading.locale);
    const content = this.renderText(picked.value);
    return picked.lang === this.reading.lang ? content : html`<span lang=${picked.lang}>${content}</span>`;
  }

  override render() {
    const data = this.loader.data;
    const error = this.loader.error;
    return html`<div class="finder" lang=${this.reading.lang}>
      <fukushi-reading-controls></fukushi-reading-controls>
      ${heading(this.headingLevel, this.renderText(msg('サービスと相談窓口をさがす')), 'title')}
      ${error
        ? loadErrorNotice(error, this.reading.lang, () => this.loader.retry())
        : html`<form role="search" part="search" @submit=${this.onSubmit} novalidate>
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
                  @input=${this.onInput}
                  @compositionstart=${this.onComposition}
                  @compositionend=${this.onComposition}
                  @keydown=${this.onKeydown}
                />
                <button class="button" type="submit">${this.renderText(msg('さがす'))}</button>
              </div>
              ${data ? this.renderFilters(data) : nothing}
            </form>
            ${data ? this.renderResults(data) : html`<p class="loading" role="status">${this.renderText(msg('読み込んでいます…'))}</p>`}`}
      ${this.announcer.render()}
    </div>`;
  }

  private termsOf(data: Dataset, taxonomy: TaxonomyTerm['taxonomy_id']) {
    return data.taxonomy_terms.filter((t) => t.taxonomy_id === taxonomy);
  }

  // The selects filter results in place (focus stays on them); they do not navigate, which is
  // what the lit-a11y rule guards against, so @change is right here.
  /* eslint-disable lit-a11y/no-invalid-change-handler */
  private renderFilters(data: Dataset) {
    const active = this.active;
    const checks = (kind: 'need' | 'audience', legend: string) => html`<fieldset>
      <legend>${this.renderText(legend)}</legend>
      <div class="checks">
        ${this.termsOf(data, kind).map(
          (term) => html`<label class="check">
            <input type="checkbox" .checked=${list(this[kind]).includes(term.id)} @change=${(e: Event) => this.toggle(kind, term.id, (e.target as HTMLInputElement).checked)} />
            <span>${this.text(term.name)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
    const select = (key: 'area' | 'goal', legend: string, label: string, options: Array<[string, string]>, autocomplete = 'off') => html`<fieldset>
      <legend>${this.renderText(legend)}</legend>
      <label class="select-label" for=${key}>${this.renderText(label)}</label>
      <select id=${key} autocomplete=${autocomplete} @change=${(e: Event) => this.changed({[key]: (e.target as HTMLSelectElement).value})}>
        ${[['', msg('選ばない')] as [string, string], ...options].map(([value, text]) => html`<option value=${value} ?selected=${this[key] === value}>${text}</option>`)}
      </select>
    </fieldset>`;
    const name = (t: Text) => plainText(pick(t, this.reading.locale).value);
    const goals = data.plan?.goals ?? [];
    return html`<details class="filters" part="filters" ?open=${active > 0}>
      <summary>${this.renderText(msg('条件でしぼりこむ'))}${active ? html` <span class="badge">${msg(str`${active}件の条件`)}</span>` : nothing}</summary>
      <div class="filter-grid">
        ${checks('need', msg('困っていること'))} ${checks('audience', msg('だれのためのサービスか'))}
        ${select('area', msg('お住まいの町'), msg('町の名前'), data.towns.map((t) => [t.id, name(t.name)]), 'address-level3')}
        ${goals.length ? select('goal', msg('計画の基本目標'), msg('基本目標'), goals.map((g) => [g.id, `${g.number}. ${name(g.title)}`])) : nothing}
      </div>
      ${active ? this.clearButton() : nothing}
    </details>`;
  }
  /* eslint-enable lit-a11y/no-invalid-change-handler */

  private clearButton() {
    return html`<button type="button" class="button secondary" @click=${this.clearFilters}>${this.renderText(msg('条件をすべて外す'))}</button>`;
  }

  private renderResults(data: Dataset) {
    const hits = this.hits;
    if (!this.query.trim() && !this.active) {
      // Before any query: browse by need.
      return html`${heading(this.headingLevel + 1, this.renderText(msg('困りごとから探す')), 'browse-title')}
        <div class="groups">
          ${this.termsOf(data, 'need').map((term) => {
            const group = hits.filter((h) => h.service.attributes.some((a) => a.taxonomy_term_id === term.id));
            const open = this.openGroups.has(term.id);
            return group.length
              ? html`<details class="group" ?open=${open} @toggle=${(e: Event) => this.toggleGroup(term.id, (e.target as HTMLDetailsElement).open)}>
                  <summary>${this.text(term.name)} <span class="badge">${msg(str`${group.length}件`)}</span></summary>
                  ${open ? this.list(group) : nothing}
                </details>`
              : nothing;
          })}
        </div>`;
    }
    if (!hits.length) {
      const general = data.services.filter((s) => s.attributes.some((a) => a.taxonomy_term_id === 'need-general')).slice(0, 2);
      const q = this.query.trim();
      return html`<div class="notice warning" part="no-results">
        <p><strong>${this.renderText(q ? msg(str`「${q}」に合うサービスは見つかりませんでした。`) : msg('条件に合うサービスは見つかりませんでした。'))}</strong></p>
        <p>${this.renderText(msg('短い言葉や、ほかの言葉でさがしてください。例：お金、介護、子ども、住まい'))}</p>
        ${this.active ? html`<p>${this.clearButton()}</p>` : nothing}
        <p>${this.renderText(msg('どこに相談すればよいかわからないときは、こちらに相談できます。'))}</p>
        ${this.list(general.map((service) => ({service, tier: 1, score: 0})))}
        ${data.fallback_contact.location_id ? this.card(data.fallback_contact.location_id, this.headingLevel + 1, true) : nothing}
      </div>`;
    }
    return html`<p class="count" aria-hidden="true">${this.renderText(this.countText())}</p>
      ${this.list(hits.slice(0, this.shown), 'results')}
      ${hits.length > this.shown
        ? html`<button type="button" class="button secondary more" @click=${this.showMore}>${this.renderText(msg(str`もっと見る（残り${hits.length - this.shown}件）`))}</button>`
        : nothing}`;
  }

  private card(desk: string, level: number, compact: boolean) {
    return html`<fukushi-contact-card desk=${desk} ?compact=${compact} heading-level=${Math.min(level, 6)}></fukushi-contact-card>`;
  }

  private list(hits: SearchHit[], part = '') {
    return html`<ul class="results" part=${part}>${hits.map(({service}) => this.renderItem(service))}</ul>`;
  }

  private renderItem(service: Service) {
    const open = this.open.has(service.id);
    const detailsId = `details-${service.id}`;
    const audiences = service.attributes.map((a) => this.terms.get(a.taxonomy_term_id)).filter((t): t is TaxonomyTerm => t?.taxonomy_id === 'audience');
    const desks = service.service_at_locations.map((s) => s.location_id);
    const level = Math.min(this.headingLevel + 1, 6);
    const paragraph = (t?: Text) => (t ? html`<p>${this.text(t)}</p>` : nothing);
    return html`<li class="result" part="result">
      ${heading(
        level,
        html`<button type="button" class="result-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => this.openResult(service.id)}>
          <span class="chevron" aria-hidden="true"></span>${this.text(service.name)}
        </button>`,
        'result-title',
      )}
      <p class="summary">${this.text(service.description)}</p>
      ${audiences.length
        ? html`<p class="for"><span class="for-label">${this.renderText(msg('対象：'))}</span>${audiences.map((t, i) => html`${i ? '・' : ''}${this.text(t.name)}`)}</p>`
        : nothing}
      ${desks[0] && !open ? this.card(desks[0], level + 1, true) : nothing}
      <div id=${detailsId} class="details" ?hidden=${!open}>
        ${open
          ? html`${paragraph(service.x_jp.details)} ${paragraph(service.eligibility_description)} ${paragraph(service.application_process)}
              ${desks.map((id) => this.card(id, level + 1, false))}
              ${service.url ? html`<p><a href=${service.url} rel="noopener">${this.renderText(msg('くわしい情報（市のページなど）'))}</a></p>` : nothing}`
          : nothing}
      </div>
    </li>`;
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
