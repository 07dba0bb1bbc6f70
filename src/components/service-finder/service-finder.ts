import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
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
import {indexFor, type Filters, type SearchHit} from '../../core/search/service-index.js';
import '../reading-controls/define.js';
import '../contact-card/define.js';
import {styles} from './service-finder.styles.js';

const PAGE = 10;
const ANNOUNCE_DELAY = 700;
const URL_KEYS = {query: 'fukushi-q', need: 'fukushi-need', audience: 'fukushi-audience', area: 'fukushi-area', goal: 'fukushi-goal'} as const;

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

  /** URL of a dataset (JSON); the built-in Nishitokyo dataset when absent. */
  @property() src?: string;

  /** Preset search words. */
  @property() query = '';

  /** Preset need term ids, comma-separated (e.g. `need-money,need-housing`). */
  @property() need?: string;

  /** Preset audience term ids, comma-separated. */
  @property() audience?: string;

  /** Preset town id (where the resident lives), e.g. `town-tanashicho`. */
  @property() area?: string;

  /** Preset plan goal id, e.g. `goal-3`. */
  @property() goal?: string;

  /** Write the query and filters to the page URL (history.replaceState) and restore them from it. */
  @property({type: Boolean, attribute: 'sync-url'}) syncUrl = false;

  /** Heading level of the finder's title (2–5); results are one level below. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  @state() private needs: string[] = [];
  @state() private audiences: string[] = [];
  @state() private town = '';
  @state() private goalId = '';
  @state() private shown = PAGE;
  @state() private open = new Set<string>();
  @state() private openGroups = new Set<string>();

  private readonly loader = new DatasetController(this);
  private readonly announcer = new Announcer(this);
  private composing = false;
  private hits: SearchHit[] = [];
  private urlTimer: ReturnType<typeof setTimeout> | undefined;

  /** Resolves when the dataset has loaded (or failed) and the results are rendered. */
  get ready(): Promise<boolean> {
    return this.loader.ready.then(() => this.updateComplete);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.needs = list(this.need);
    this.audiences = list(this.audience);
    this.town = this.area ?? '';
    this.goalId = this.goal ?? '';
    if (this.syncUrl) this.readUrl();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.urlTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('need')) this.needs = list(this.need);
    if (changed.has('audience')) this.audiences = list(this.audience);
    if (changed.has('area')) this.town = this.area ?? '';
    if (changed.has('goal')) this.goalId = this.goal ?? '';
    const data = this.loader.data;
    if (data) this.hits = indexFor(data).search(this.query, this.filters);
  }

  private get filters(): Filters {
    return {needs: this.needs, audiences: this.audiences, town: this.town || undefined, goal: this.goalId || undefined};
  }

  private get browsing(): boolean {
    return !this.query.trim() && !this.needs.length && !this.audiences.length && !this.town && !this.goalId;
  }

  // --- events -------------------------------------------------------------------------------

  private onInput(event: InputEvent) {
    // Never search or rewrite while an IME composition is in progress.
    if (this.composing || event.isComposing) return;
    this.changeQuery((event.target as HTMLInputElement).value);
  }

  private onCompositionStart() {
    this.composing = true;
  }

  private onCompositionEnd(event: CompositionEvent) {
    this.composing = false;
    this.changeQuery((event.target as HTMLInputElement).value);
  }

  private onKeydown(event: KeyboardEvent) {
    // Enter that confirms an IME candidate must not submit (Safari sends keyCode 229).
    if (event.key === 'Enter' && (this.composing || event.isComposing || event.keyCode === 229)) {
      event.preventDefault();
    }
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.composing) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q')!;
    this.changeQuery(input.value, 0);
  }

  private changeQuery(value: string, delay = ANNOUNCE_DELAY) {
    if (value === this.query) return;
    this.query = value;
    this.filtersChanged(delay);
  }

  private filtersChanged(delay = 300) {
    this.shown = PAGE;
    this.open = new Set();
    this.requestUpdate();
    void this.updateComplete.then(() => {
      if (this.loader.data) this.announcer.announce(this.countText(), delay);
    });
    if (this.syncUrl) {
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => this.writeUrl(), 300);
    }
  }

  private toggle(kind: 'needs' | 'audiences', id: string, on: boolean) {
    const current = this[kind].filter((x) => x !== id);
    this[kind] = on ? [...current, id] : current;
    this.filtersChanged();
  }

  private clearFilters() {
    this.needs = [];
    this.audiences = [];
    this.town = '';
    this.goalId = '';
    this.filtersChanged();
  }

  private openResult(id: string) {
    const open = new Set(this.open);
    if (open.has(id)) open.delete(id);
    else {
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

  // --- URL ----------------------------------------------------------------------------------

  private readUrl() {
    const params = new URLSearchParams(location.search);
    if (params.has(URL_KEYS.query)) this.query = params.get(URL_KEYS.query) ?? '';
    if (params.has(URL_KEYS.need)) this.needs = list(params.get(URL_KEYS.need) ?? '');
    if (params.has(URL_KEYS.audience)) this.audiences = list(params.get(URL_KEYS.audience) ?? '');
    if (params.has(URL_KEYS.area)) this.town = params.get(URL_KEYS.area) ?? '';
    if (params.has(URL_KEYS.goal)) this.goalId = params.get(URL_KEYS.goal) ?? '';
  }

  private writeUrl() {
    const url = new URL(location.href);
    const set = (key: string, value: string) => (value ? url.searchParams.set(key, value) : url.searchParams.delete(key));
    set(URL_KEYS.query, this.query.trim());
    set(URL_KEYS.need, this.needs.join(','));
    set(URL_KEYS.audience, this.audiences.join(','));
    set(URL_KEYS.area, this.town);
    set(URL_KEYS.goal, this.goalId);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
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
      ${error ? loadErrorNotice(error, this.reading.lang, () => this.loader.retry()) : this.renderSearch(data)}
      ${this.announcer.render()}
    </div>`;
  }

  private renderSearch(data: Dataset | undefined) {
    return html`
      <form role="search" part="search" @submit=${this.onSubmit} novalidate>
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
            .value=${live(this.query)}
            @input=${this.onInput}
            @compositionstart=${this.onCompositionStart}
            @compositionend=${this.onCompositionEnd}
            @keydown=${this.onKeydown}
          />
          <button class="button" type="submit">${this.renderText(msg('さがす'))}</button>
        </div>
        ${data ? this.renderFilters(data) : nothing}
      </form>
      ${data ? this.renderResults(data) : html`<p class="loading" role="status">${this.renderText(msg('読み込んでいます…'))}</p>`}
    `;
  }

  private termsOf(data: Dataset, taxonomy: TaxonomyTerm['taxonomy_id']) {
    return data.taxonomy_terms.filter((t) => t.taxonomy_id === taxonomy);
  }

  // The selects filter results in place (focus stays on them); they do not navigate, which is
  // what the lit-a11y rule guards against, so @change is right here.
  /* eslint-disable lit-a11y/no-invalid-change-handler */
  private renderFilters(data: Dataset) {
    const active = this.needs.length + this.audiences.length + (this.town ? 1 : 0) + (this.goalId ? 1 : 0);
    const checkbox = (kind: 'needs' | 'audiences', term: TaxonomyTerm) => html`<label class="check">
      <input type="checkbox" .checked=${live(this[kind].includes(term.id))} @change=${(e: Event) => this.toggle(kind, term.id, (e.target as HTMLInputElement).checked)} />
      <span>${this.text(term.name)}</span>
    </label>`;
    const goals = data.plan?.goals ?? [];
    return html`<details class="filters" part="filters" ?open=${active > 0}>
      <summary>
        ${this.renderText(msg('条件でしぼりこむ'))}${active ? html` <span class="badge">${msg(str`${active}件の条件`)}</span>` : nothing}
      </summary>
      <div class="filter-grid">
        <fieldset>
          <legend>${this.renderText(msg('困っていること'))}</legend>
          <div class="checks">${this.termsOf(data, 'need').map((t) => checkbox('needs', t))}</div>
        </fieldset>
        <fieldset>
          <legend>${this.renderText(msg('だれのためのサービスか'))}</legend>
          <div class="checks">${this.termsOf(data, 'audience').map((t) => checkbox('audiences', t))}</div>
        </fieldset>
        <fieldset>
          <legend>${this.renderText(msg('お住まいの町'))}</legend>
          <label class="select-label" for="town">${this.renderText(msg('町の名前'))}</label>
          <select id="town" autocomplete="address-level3" @change=${(e: Event) => ((this.town = (e.target as HTMLSelectElement).value), this.filtersChanged())}>
            <option value="" ?selected=${!this.town}>${msg('選ばない')}</option>
            ${data.towns.map((t) => html`<option value=${t.id} ?selected=${this.town === t.id}>${plainText(pick(t.name, this.reading.locale).value)}</option>`)}
          </select>
        </fieldset>
        ${goals.length
          ? html`<fieldset>
              <legend>${this.renderText(msg('計画の基本目標'))}</legend>
              <label class="select-label" for="goal">${this.renderText(msg('基本目標'))}</label>
              <select id="goal" @change=${(e: Event) => ((this.goalId = (e.target as HTMLSelectElement).value), this.filtersChanged())}>
                <option value="" ?selected=${!this.goalId}>${msg('選ばない')}</option>
                ${goals.map((g) => html`<option value=${g.id} ?selected=${this.goalId === g.id}>${g.number}. ${plainText(pick(g.title, this.reading.locale).value)}</option>`)}
              </select>
            </fieldset>`
          : nothing}
      </div>
      ${active ? html`<button type="button" class="button secondary" @click=${this.clearFilters}>${this.renderText(msg('条件をすべて外す'))}</button>` : nothing}
    </details>`;
  }

  /* eslint-enable lit-a11y/no-invalid-change-handler */

  private renderResults(data: Dataset) {
    if (this.browsing) return this.renderBrowse(data);
    const hits = this.hits;
    if (!hits.length) return this.renderNoResults(data);
    const visible = hits.slice(0, this.shown);
    return html`
      <p class="count" aria-hidden="true">${this.renderText(this.countText())}</p>
      <ul class="results" part="results">
        ${repeat(visible, (h) => h.service.id, (h) => this.renderItem(data, h.service))}
      </ul>
      ${hits.length > this.shown
        ? html`<button type="button" class="button secondary more" @click=${this.showMore}>
            ${this.renderText(msg(str`もっと見る（残り${hits.length - this.shown}件）`))}
          </button>`
        : nothing}
    `;
  }

  private renderBrowse(data: Dataset) {
    const services = this.hits.map((h) => h.service);
    return html`${heading(this.headingLevel + 1, this.renderText(msg('困りごとから探す')), 'browse-title')}
      <div class="groups">
        ${this.termsOf(data, 'need').map((term) => {
          const inGroup = services.filter((s) => s.attributes.some((a) => a.taxonomy_term_id === term.id));
          if (!inGroup.length) return nothing;
          const open = this.openGroups.has(term.id);
          return html`<details class="group" ?open=${open} @toggle=${(e: Event) => this.toggleGroup(term.id, (e.target as HTMLDetailsElement).open)}>
            <summary>${this.text(term.name)} <span class="badge">${msg(str`${inGroup.length}件`)}</span></summary>
            ${open ? html`<ul class="results">${inGroup.map((s) => this.renderItem(data, s))}</ul>` : nothing}
          </details>`;
        })}
      </div>`;
  }

  private toggleGroup(id: string, open: boolean) {
    if (open === this.openGroups.has(id)) return;
    // Only open groups render their services, so the browse page stays light.
    const groups = new Set(this.openGroups);
    if (open) groups.add(id);
    else groups.delete(id);
    this.openGroups = groups;
  }

  private renderNoResults(data: Dataset) {
    const general = data.services.filter((s) => s.attributes.some((a) => a.taxonomy_term_id === 'need-general')).slice(0, 2);
    const fallbackDesk = data.fallback_contact.location_id;
    return html`<div class="notice warning" part="no-results">
      <p><strong>${this.renderText(this.query.trim() ? msg(str`「${this.query.trim()}」に合うサービスは見つかりませんでした。`) : msg('条件に合うサービスは見つかりませんでした。'))}</strong></p>
      <p>${this.renderText(msg('短い言葉や、ほかの言葉でさがしてください。例：お金、介護、子ども、住まい'))}</p>
      ${this.needs.length + this.audiences.length + (this.town ? 1 : 0) + (this.goalId ? 1 : 0)
        ? html`<p><button type="button" class="button secondary" @click=${this.clearFilters}>${this.renderText(msg('条件をすべて外す'))}</button></p>`
        : nothing}
      <p>${this.renderText(msg('どこに相談すればよいかわからないときは、こちらに相談できます。'))}</p>
      <ul class="results">${general.map((s) => this.renderItem(data, s))}</ul>
      ${fallbackDesk ? html`<fukushi-contact-card desk=${fallbackDesk} compact heading-level=${Math.min(this.headingLevel + 1, 6)}></fukushi-contact-card>` : nothing}
    </div>`;
  }

  private renderItem(data: Dataset, service: Service) {
    const open = this.open.has(service.id);
    const detailsId = `details-${service.id}`;
    const terms = new Map(data.taxonomy_terms.map((t) => [t.id, t]));
    const audiences = service.attributes.map((a) => terms.get(a.taxonomy_term_id)).filter((t): t is TaxonomyTerm => t?.taxonomy_id === 'audience');
    const desks = service.service_at_locations.map((s) => s.location_id);
    const level = Math.min(this.headingLevel + 1, 6);
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
      ${desks[0] && !open ? html`<fukushi-contact-card desk=${desks[0]} compact heading-level=${Math.min(level + 1, 6)}></fukushi-contact-card>` : nothing}
      <div id=${detailsId} class="details" ?hidden=${!open}>
        ${open
          ? html`${service.x_jp.details ? html`<p>${this.text(service.x_jp.details)}</p>` : nothing}
              ${service.eligibility_description ? html`<p>${this.text(service.eligibility_description)}</p>` : nothing}
              ${service.application_process ? html`<p>${this.text(service.application_process)}</p>` : nothing}
              ${desks.map((id) => html`<fukushi-contact-card desk=${id} heading-level=${Math.min(level + 1, 6)}></fukushi-contact-card>`)}
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
