import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {DatasetController} from '../../ui/data-controller.js';
import {Announcer} from '../../ui/announcer.js';
import {cityContact, debugMode, loadErrorNotice} from '../../ui/fallback.js';
import {phoneLink} from '../../ui/phone.js';
import {heading} from '../../ui/heading.js';
import {errorSummary} from '../../ui/error-summary.js';
import {describedBy, field} from '../../ui/field.js';
import {noticeStyles} from '../../ui/styles.js';
import {pick} from '../../core/data/text.js';
import type {Shelter} from '../../core/data/types.js';
import {plainText} from '../../core/text/ruby.js';
import type {FieldError, OutboxEntry, OutboxState, SubmitResult} from '../../core/outbox/types.js';
import {cancelOutboxEntry, listOutbox, onOutboxChange, submitHelpRequest} from '../../core/outbox/outbox.js';
import type {HelpMode, HelpRequest} from '../../core/help-request/types.js';
import '../reading-controls/define.js';
import {lifeRisk, list, nearShelters, steps, str1, type Answers, type Field, type Step, type StepId} from './model.js';
import {normalizeBanchi, normalizeEmail, normalizeKana, normalizeNumber, normalizePhone, normalizeText, normalizeYear} from './normalize.js';
import {validateAll, validateStep} from './validate.js';
import {answersOf, buildPayload, isUuid, uuid} from './payload.js';
import {draftStore, loadDraft, type DraftStore} from './drafts.js';
import {styles} from './disaster-help-form.styles.js';

/** What `submit()` resolves with: the outbox's result, or `invalid` with the problems found. */
export interface HelpFormResult {
  id: string;
  state: OutboxState | 'invalid';
  receipt?: string;
  errors?: FieldError[];
  /** Queued in this page's memory only (no IndexedDB): lost if the page is closed. */
  unsaved?: boolean;
}

const idOf = (k: string) => `f-${k.replace(/\./g, '-')}`;
const GROUPED = ['radio', 'checks', 'date', 'shelter'];
const DATE_PARTS = ['year', 'month', 'day'] as const;
let warnedNoEndpoint = false;

/**
 * The disaster-help form. `mode="register"` (default) is the pre-registration for the city's
 * 災害時要援護者 list, one topic per step with a check-your-answers page; `mode="urgent"` is a
 * one-screen request for help now, which shows 119 and 110 first when a life is at risk.
 *
 * Answers are saved on the device as they are typed (IndexedDB, per mode and element id) and
 * restored after a reload, including the step, for 7 days. The form keeps its own back link
 * instead of browser history, so that it cannot break the host page's navigation; browser Back
 * and Forward lose nothing because the draft comes back. Submissions go through the offline
 * outbox: the form shows success only for a request the receiver has stored.
 *
 * @tagname fukushi-disaster-help-form
 * @summary Pre-register for help in a disaster, or ask for help now; never loses an answer.
 *
 * @slot - Shown with the city's phone number when the dataset cannot be loaded.
 *
 * @csspart error-summary - The list of problems at the top of the form.
 * @csspart emergency - The 119 / 110 box.
 * @csspart phone - Each phone link.
 * @csspart status - The receipt, queued or failed message.
 * @csspart error - The data-load error notice.
 *
 * @cssprop [--fukushi-color-primary=#0031d8] - Buttons and the selected state.
 * @cssprop [--fukushi-color-error=#c70000] - Errors and the 119 / 110 box.
 * @cssprop [--fukushi-font-size=1rem] - Base text size (never below 16px).
 *
 * @fires {CustomEvent<{id: string; receipt: string}>} fukushi-submitted - The receiver stored the request.
 * @fires {CustomEvent<{id: string}>} fukushi-queued - Saved on the device; it will be sent when the network is back.
 * @fires {CustomEvent<{id?: string; errors?: FieldError[]; reason?: string}>} fukushi-error - Invalid answers, refused by the receiver (`errors`), or not sendable (`reason`).
 */
export class FukushiDisasterHelpForm extends FukushiElement {
  static override styles = [...(FukushiElement.styles as never[]), noticeStyles, styles];

  /** `register` (pre-registration, several steps) or `urgent` (help now, one screen). */
  @property() mode: HelpMode = 'register';

  /** Where submissions are posted (see docs/help-request-api.md). Without it residents see phone numbers. */
  @property() endpoint?: string;

  /** A dataset URL; without it the built-in Nishitokyo dataset. */
  @property() src?: string;

  /** The heading level of each step's title (1–6); sub-headings are one lower. */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;

  /** The current step (register mode): set it to open a step. */
  @property({attribute: false}) step: StepId = 'eligibility';

  @state() private answers: Answers = {};
  @state() private errors: FieldError[] = [];
  @state() private status?: HelpFormResult;
  @state() private queue: OutboxEntry[] = [];
  @state() private confirmDelete = false;
  @state() private geoError = false;
  @state() private persistent = true;

  private readonly loader = new DatasetController(this);
  private readonly announcer = new Announcer(this);
  private rid = uuid();
  private createdAt?: string;
  private fromCheck = false;
  private composing = false;
  private focusNext?: string;
  private titleBase?: string;
  private store?: DraftStore;
  private restored: Promise<void> = Promise.resolve();
  private dataSet = false;
  private timer?: ReturnType<typeof setTimeout>;
  private inflight?: Promise<HelpFormResult>;
  private unwatch?: () => void;
  /** Writes a pending draft now (page hidden or element removed); an unchanged draft keeps its date. */
  private readonly flush = () => this.timer && this.save(0);

  /** Resolves when the dataset and any saved draft have loaded (and a pending submit has settled). */
  get ready(): Promise<void> {
    return Promise.all([this.loader.ready, this.restored, this.inflight]).then(() => undefined);
  }

  /** The answers as the JSON payload that is posted; set it to fill in the form. */
  get data(): HelpRequest {
    return buildPayload(
      this.mode,
      this.answers,
      {id: this.rid, createdAt: this.createdAt ?? new Date().toISOString(), locale: this.reading.locale},
      this.loader.data,
    );
  }

  set data(payload: HelpRequest) {
    this.answers = answersOf(this.mode, payload, this.loader.data, this.reading.locale);
    if (isUuid(payload?.id)) this.rid = payload.id;
    this.createdAt = payload?.created_at;
    this.errors = [];
    this.dataSet = true;
    this.save();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.restored = this.restore().then(() => this.loadQueue(true));
    addEventListener('pagehide', this.flush);
    this.unwatch = onOutboxChange((entry) => {
      void this.loadQueue();
      // Later news of this form's request (a queued one delivered when the network is back).
      // While our own submit runs, its result is applied when it returns instead.
      if (entry.id === this.rid && !this.inflight && ['delivered', 'rejected', 'failed'].includes(entry.state)) this.apply(entry);
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.flush);
    this.unwatch?.();
    this.flush();
    this.setTitle(false);
  }

  private get key() {
    return `${this.mode}:${this.id}`;
  }

  private async restore() {
    this.store = await draftStore();
    this.persistent = this.store.persistent;
    const draft = await loadDraft(this.store, this.key);
    if (draft && !this.dataSet) {
      this.answers = {...draft.answers, ...this.answers};
      this.rid = draft.id;
      this.createdAt = draft.createdAt;
      this.step = draft.step;
    }
  }

  /** Saves the draft after `delay` ms of quiet; typing never waits for it. */
  private save(delay = 400) {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.step === 'done' || !this.store) return;
    const write = () => {
      this.timer = undefined;
      const draft = {id: this.rid, step: this.step, answers: this.answers, savedAt: Date.now(), ...(this.createdAt ? {createdAt: this.createdAt} : {})};
      this.store?.put(this.key, draft).catch(() => undefined);
    };
    if (delay) this.timer = setTimeout(write, delay);
    else write();
  }

  /** Reads the outbox: the resident's requests waiting to be sent and, after a reload, this draft's own. */
  private async loadQueue(restoring = false) {
    const all = await listOutbox().catch(() => []);
    this.queue = all.filter((e) => e.state === 'queued' || e.state === 'sending');
    const own = all.find((e) => e.id === this.rid);
    if (restoring && own && !this.status) {
      // Sent from this draft before the page was closed: delivered since, or still waiting.
      if (own.state === 'delivered') {
        this.apply(own);
        this.focusNext = undefined; // never take focus when a page loads
      } else if (this.queue.includes(own)) this.status = {id: own.id, state: 'queued', ...(own.unsaved ? {unsaved: true} : {})};
    }
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('mode') && changed.get('mode') !== undefined) {
      this.answers = {};
      this.rid = uuid();
      this.step = 'eligibility';
      this.restored = this.restore();
    }
    if (this.mode === 'urgent') this.step = this.step === 'done' ? 'done' : 'urgent';
    else if (this.step !== 'done' && !this.all.some((s) => s.id === this.step)) this.step = 'eligibility';
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    this.setTitle(this.errors.length > 0);
    if (this.focusNext) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusNext);
      this.focusNext = undefined;
      if (target) {
        target.tabIndex = -1;
        target.focus({preventScroll: true});
        const top = target.getBoundingClientRect().top;
        if (top < 0 || top > innerHeight - 40) target.scrollIntoView({block: 'start'});
      }
    }
  }

  /** 「エラー：」 at the start of the page title while errors show (GOV.UK). */
  private setTitle(on: boolean) {
    if (on && this.titleBase === undefined) {
      this.titleBase = document.title;
      document.title = plainText(msg('エラー：')) + this.titleBase;
    } else if (!on && this.titleBase !== undefined) {
      document.title = this.titleBase;
      this.titleBase = undefined;
    }
  }

  private get all(): Step[] {
    return steps(this.mode, this.answers, this.loader.data, this.reading.locale);
  }

  private fieldOf(name: string): Field | undefined {
    const k = name.replace(/\.(year|month|day)$/, '');
    for (const s of this.all) for (const f of s.fields) if (f.k === k) return f;
    return undefined;
  }

  private t = (s: string) => this.renderText(s);

  // ---- input ---------------------------------------------------------------------------

  private onInput(e: Event) {
    const t = e.target as HTMLInputElement;
    if (!t.name || t.type === 'checkbox' || t.type === 'radio') return;
    // Stored as typed: rewriting the value now would break an IME composition.
    this.answers[t.name] = t.value;
    this.save();
  }

  private onChange(e: Event) {
    const t = e.target as HTMLInputElement;
    const f = t.name && this.fieldOf(t.name);
    if (!f) return;
    const risk = lifeRisk(this.answers);
    const a = {...this.answers};
    if (t.type === 'checkbox') {
      const now = list(a, t.name).filter((v) => v !== t.value);
      a[t.name] = t.checked ? [...now, t.value] : now;
    } else if (t.type === 'radio' || t.localName === 'select') {
      a[t.name] = t.value;
      if (t.name.endsWith('.town_id')) a[t.name.replace('town_id', 'chome')] = '';
    } else if (!this.composing) {
      a[t.name] = this.norm(f, t.name, t.value);
    }
    this.answers = a;
    if (!risk && lifeRisk(a)) this.announcer.announce(plainText(msg('命の危険があるときは、すぐに119番か110番に電話してください。')));
    this.save();
  }

  private norm(f: Field, name: string, v: string): string {
    if (name.endsWith('.year')) return normalizeYear(v);
    if (f.kind === 'date' || f.kind === 'num') return normalizeNumber(v);
    if (f.kind === 'tel') return normalizePhone(v);
    if (f.kind === 'email') return normalizeEmail(v);
    if (f.kind === 'kana') return normalizeKana(v);
    return name.endsWith('.banchi') ? normalizeBanchi(v) : normalizeText(v);
  }

  /** Normalises every typed answer (before validating). */
  private normalizeAll() {
    const a = {...this.answers};
    for (const [k, v] of Object.entries(a)) {
      const f = typeof v === 'string' && this.fieldOf(k);
      if (f && !f.opts) a[k] = this.norm(f, k, v as string);
    }
    this.answers = a;
  }

  private onKeydown(e: KeyboardEvent) {
    // Enter that confirms an IME candidate must not submit (Safari: keyCode 229 after compositionend).
    if (e.key === 'Enter' && (this.composing || e.isComposing || e.keyCode === 229)) e.preventDefault();
  }

  // ---- navigation ----------------------------------------------------------------------

  private go(step: StepId, focus = '.step-h') {
    if (step === 'check') this.fromCheck = false;
    this.step = step;
    this.errors = [];
    this.confirmDelete = false;
    this.focusNext = focus;
    this.save(0);
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    if (this.composing) return;
    if (this.step === 'check' || this.mode === 'urgent') {
      void this.submit();
      return;
    }
    this.normalizeAll();
    const step = this.all.find((s) => s.id === this.step)!;
    const errors = validateStep(step, this.answers);
    if (errors.length) return this.showErrors(errors);
    const ids = this.all.map((s) => s.id);
    this.go(this.fromCheck ? 'check' : ids[ids.indexOf(this.step) + 1]!);
  }

  private back() {
    const ids = this.all.map((s) => s.id);
    this.go(this.fromCheck ? 'check' : ids[Math.max(ids.indexOf(this.step) - 1, 0)]!);
  }

  private change(step: StepId) {
    this.fromCheck = true;
    this.go(step);
  }

  private showErrors(errors: FieldError[]) {
    this.errors = errors;
    this.focusNext = '.error-summary';
  }

  // ---- submission ----------------------------------------------------------------------

  /** Validates and submits exactly as the form's own button does. */
  submit(): Promise<HelpFormResult> {
    if (this.step === 'done' && this.status) return Promise.resolve(this.status);
    return (this.inflight ??= this.send().finally(() => (this.inflight = undefined)));
  }

  private async send(): Promise<HelpFormResult> {
    // Called before the element is on the page: wait until it is (and its data has loaded).
    await this.updateComplete;
    await Promise.all([this.loader.ready, this.restored]);
    const id = this.rid;
    // Nothing can be sent: residents see the phone numbers instead of the form.
    const reason = !this.endpoint ? 'no-endpoint' : !this.loader.data ? 'no-data' : '';
    if (reason) {
      this.emit('fukushi-error', {id, reason});
      return {id, state: 'failed'};
    }
    this.normalizeAll();
    const invalid = validateAll(this.mode, this.answers, this.loader.data, this.reading.locale);
    if (invalid.length) {
      const errors = invalid.flatMap(([, e]) => e);
      this.step = invalid[0]![0].id;
      this.fromCheck = this.mode === 'register';
      this.showErrors(invalid[0]![1]);
      this.emit('fukushi-error', {id, errors});
      return {id, state: 'invalid', errors};
    }
    this.createdAt ??= new Date().toISOString();
    this.save(0);
    let result: SubmitResult;
    try {
      result = await submitHelpRequest(this.endpoint!, this.data as unknown as {id: string; mode: string});
    } catch (error) {
      console.error('fukushi-widgets: the help request could not be saved or sent', error);
      result = {id, state: 'failed'};
    }
    this.apply(result);
    void this.loadQueue();
    return result;
  }

  /** Shows the outcome of a delivery attempt; success only for a stored request. */
  private apply(r: SubmitResult | OutboxEntry) {
    const id = r.id;
    if (r.state === 'delivered') {
      const first = this.status?.state !== 'delivered';
      this.status = {id, state: 'delivered', receipt: r.receipt ?? ''};
      this.go('done', '.status');
      void this.store?.delete(this.key);
      if (first) this.emit('fukushi-submitted', {id, receipt: r.receipt ?? ''});
    } else if (r.state === 'rejected') {
      const errors = r.errors ?? [];
      this.status = undefined;
      const all = this.all;
      // A receiver's path ("emergency_contacts.0.phone") names a field, or lies inside one ("consent.police").
      const mapped = errors.map((e) => {
        const step = all.find((s) => s.fields.some((f) => e.field === f.k || e.field.startsWith(`${f.k}.`)));
        const f = step?.fields.find((f) => e.field === f.k || e.field.startsWith(`${f.k}.`));
        return {step: step?.id ?? all.at(-1)!.id, error: {field: f?.k ?? '', message: e.message}};
      });
      const first = mapped[0]?.step ?? all.at(-1)!.id;
      this.step = first;
      this.fromCheck = this.mode === 'register';
      this.showErrors(mapped.filter((m) => m.step === first).map((m) => m.error));
      this.emit('fukushi-error', {id, errors});
    } else if (r.state === 'queued' || r.state === 'failed') {
      this.status = {id, state: r.state, ...(r.unsaved ? {unsaved: true} : {})};
      this.focusNext = '.status';
      if (r.state === 'queued') this.emit('fukushi-queued', {id});
      else this.emit('fukushi-error', {id, reason: 'failed'});
    } else if (r.state === 'cancelled') {
      // A cancelled id stays cancelled in the outbox: the next submit needs a new one.
      this.rid = uuid();
      this.status = undefined;
    }
    this.requestUpdate();
  }

  private async cancel(id: string) {
    await cancelOutboxEntry(id).catch(() => undefined);
    if (id === this.rid) {
      this.rid = uuid();
      this.save(0);
      this.status = undefined;
      this.focusNext = '.step-h';
    }
    this.announcer.announce(plainText(msg('送信をやめました。入力した内容は、この端末に残っています。')));
    await this.loadQueue();
  }

  private async forget() {
    clearTimeout(this.timer);
    await this.store?.delete(this.key).catch(() => undefined);
    this.answers = {};
    this.rid = uuid();
    this.createdAt = undefined;
    this.dataSet = false;
    this.fromCheck = false;
    this.go(this.mode === 'urgent' ? 'urgent' : 'eligibility');
    this.announcer.announce(plainText(msg('この端末から消しました。')));
  }

  private locate() {
    this.geoError = false;
    navigator.geolocation?.getCurrentPosition(
      ({coords}) => {
        this.answers = {
          ...this.answers,
          'location.geo': {latitude: +coords.latitude.toFixed(6), longitude: +coords.longitude.toFixed(6), accuracy_m: Math.round(coords.accuracy)},
        };
        this.save();
      },
      () => (this.geoError = true),
      {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000},
    );
    if (!navigator.geolocation) this.geoError = true;
  }

  // ---- rendering -----------------------------------------------------------------------

  private h(content: unknown, sub = 0, className = '') {
    return heading(this.headingLevel + sub, content, className);
  }

  /**
   * Phone numbers: 119 and 110 first when `emergency` (the life-at-risk box), then the city's.
   * `form`: a form is on screen, so say not to rely on it. `city`: add the city's number.
   */
  private phones(emergency: boolean, city = true, form = false) {
    const lang = this.reading.lang;
    return html`${emergency
        ? html`<div class="notice error emergency" part="emergency">
            <p>
              <strong>${this.t(form ? msg('命の危険があるときは、このフォームを使わずに、すぐに電話してください。') : msg('命の危険があるときは、すぐに電話してください。'))}</strong>
            </p>
            <ul class="big-phones">
              <li>${phoneLink('119', lang)} ${this.t(msg('火事・救急'))}</li>
              <li>${phoneLink('110', lang)} ${this.t(msg('警察'))}</li>
            </ul>
            ${form ? html`<p>${this.t(msg('このフォームは、届くまでに時間がかかることがあります。'))}</p>` : nothing}
          </div>`
        : nothing}
      ${city ? cityContact(lang) : nothing}`;
  }

  private opts(f: Field) {
    return f.opts ?? [];
  }

  private control(f: Field) {
    const id = idOf(f.k);
    const v = str1(this.answers, f.k);
    const error = this.errors.find((e) => e.field === f.k);
    const desc = describedBy(id, f.hint, error);
    const invalid = error ? 'true' : 'false';
    const ime = {
      start: () => (this.composing = true),
      end: () => (this.composing = false),
    };
    switch (f.kind) {
      case 'select':
        return html`<select id=${id} name=${f.k} autocomplete=${f.ac ?? nothing} aria-describedby=${desc} aria-invalid=${invalid}>
          <option value="" ?selected=${!v}>${msg('選んでください')}</option>
          ${this.opts(f).map(([value, label]) => html`<option value=${value} ?selected=${v === value}>${label}</option>`)}
        </select>`;
      case 'radio':
      case 'checks':
      case 'shelter': {
        const type = f.kind === 'checks' ? 'checkbox' : 'radio';
        const chosen = list(this.answers, f.k);
        return html`<div class="choices">
          ${this.opts(f).map(([value, label], i) => {
            const shelter = f.kind === 'shelter' ? this.loader.data?.shelters.find((s) => s.id === value) : undefined;
            return html`<div class="choice">
              <input
                type=${type}
                id="${id}-${i}"
                name=${f.k}
                .value=${value}
                .checked=${live(type === 'checkbox' ? chosen.includes(value) : v === value)}
              /><label for="${id}-${i}">${f.kind === 'shelter' ? this.shelter(shelter) : this.t(label)}</label>
            </div>`;
          })}
        </div>`;
      }
      case 'date':
        return html`<div class="date">
          ${DATE_PARTS.map((p) => {
            const n = `${f.k}.${p}`;
            const labels = {year: msg('年'), month: msg('月'), day: msg('日')};
            return html`<div>
              <label for="${id}-${p}">${this.t(labels[p])}</label>
              <input
                id="${id}-${p}"
                name=${n}
                class=${p}
                inputmode="numeric"
                autocomplete=${f.ac ?? (str1(this.answers, 'filled_by') === 'proxy' ? 'off' : `bday-${p}`)}
                .value=${live(str1(this.answers, n))}
                aria-invalid=${invalid}
                @compositionstart=${ime.start}
                @compositionend=${ime.end}
              />
            </div>`;
          })}
        </div>`;
      case 'area':
        return html`<textarea id=${id} name=${f.k} rows="4" .value=${live(v)} aria-describedby=${desc} aria-invalid=${invalid}
          @compositionstart=${ime.start} @compositionend=${ime.end}></textarea>`;
      default:
        return html`<input
          id=${id}
          name=${f.k}
          class=${f.kind}
          type=${f.kind === 'tel' || f.kind === 'email' ? f.kind : 'text'}
          inputmode=${f.kind === 'num' ? 'numeric' : nothing}
          spellcheck=${f.kind === 'email' || f.kind === 'tel' ? 'false' : nothing}
          autocomplete=${f.ac ?? nothing}
          .value=${live(v)}
          aria-describedby=${desc}
          aria-invalid=${invalid}
          @compositionstart=${ime.start}
          @compositionend=${ime.end}
        />`;
    }
  }

  private shelter(s?: Shelter, distance?: number) {
    if (!s) return this.t(msg('希望しない・わからない'));
    const locale = this.reading.locale;
    const name = pick(s.name, locale);
    const town = this.loader.data?.towns.find((t) => t.id === s.town_id);
    const welfare = s.welfare_for && pick(s.welfare_for, locale);
    return html`<span class="shelter-name" lang=${name.lang}>${this.t(name.value)}</span>
      <span class="shelter-meta">
        ${town ? html`<span lang=${pick(town.name, locale).lang}>${this.t(pick(town.name, locale).value)}</span>${locale === 'en' ? ' ' : ''}` : nothing}${s.address_1}
        ${distance !== undefined ? this.t(msg(str`約${Math.round(distance / 10) * 10}m`)) : nothing}
      </span>
      ${welfare
        ? html`<span class="tag">${this.t(msg('福祉避難所'))}（${this.t(msg('対象'))}：<span lang=${welfare.lang}>${this.t(welfare.value)}</span>）</span>`
        : nothing}`;
  }

  private fieldView(f: Field) {
    const error = this.errors.find((e) => e.field === f.k);
    const first = f.kind === 'date' ? 'year' : GROUPED.includes(f.kind) ? '0' : '';
    return field({
      id: idOf(f.k) + (first ? `-${first}` : ''),
      label: this.t(f.label),
      ...(f.req !== 'group' ? {badge: this.t(f.req ? msg('※必須') : msg('※任意')), required: !!f.req} : {}),
      hint: f.hint && this.t(f.hint),
      error: error && this.t(error.message),
      errorPrefix: msg('エラー：'),
      group: GROUPED.includes(f.kind),
      control: this.control(f),
    });
  }

  private fields(fields: Field[]) {
    const out: unknown[] = [];
    for (let i = 0; i < fields.length; ) {
      const g = fields[i]!.g;
      if (!g) {
        const f = fields[i++]!;
        out.push(this.fieldView(f));
        const town = f.k === 'address.town_id' && this.loader.data?.towns.find((t) => t.id === str1(this.answers, f.k));
        if (town) out.push(html`<p class="postal">${this.t(msg('郵便番号'))}：〒${town.postal_code}（${this.t(msg('東京都西東京市'))}）</p>`);
        continue;
      }
      const group: Field[] = [];
      while (i < fields.length && fields[i]!.g === g) group.push(fields[i++]!);
      const optional = group.every((f) => f.req !== true);
      out.push(html`<fieldset class="group">
        <legend>${this.t(g)}${optional ? html` <span class="badge optional">${this.t(msg('※任意'))}</span>` : nothing}</legend>
        ${optional && group.some((f) => f.req === 'group')
          ? html`<p class="hint">${this.t(msg('入力するときは、名前と電話番号も入力してください。'))}</p>`
          : nothing}
        ${group.map((f) => this.fieldView(f))} ${g === msg('場所') ? this.geo() : nothing}
      </fieldset>`);
    }
    return out;
  }

  private geo() {
    const geo = this.answers['location.geo'] as {accuracy_m: number} | undefined;
    return html`<div class="geo">
      <p class="hint">${this.t(msg('現在地は、使うと選んだときだけ、依頼と一緒に送ります。'))}</p>
      ${geo
        ? html`<p>${this.t(msg(str`現在地を使います（誤差 約${geo.accuracy_m}m）`))}</p>
            <button type="button" class="button secondary" @click=${() => {
              const a = {...this.answers};
              delete a['location.geo'];
              this.answers = a;
              this.save();
            }}>${this.t(msg('現在地を使わない'))}</button>`
        : html`<button type="button" class="button secondary" @click=${this.locate}>${this.t(msg('現在地を使う（任意）'))}</button>`}
      ${this.geoError ? html`<p class="error-message" role="alert">${this.t(msg('現在地がわかりませんでした。町名を選んでください。'))}</p>` : nothing}
    </div>`;
  }

  private display(f: Field): string {
    const a = this.answers;
    if (f.kind === 'date') {
      const [y, m, d] = DATE_PARTS.map((p) => str1(a, `${f.k}.${p}`));
      return y ? msg(str`${y}年${m}月${d}日`) : '';
    }
    if (f.kind === 'shelter') {
      const s = this.loader.data?.shelters.find((x) => x.id === str1(a, f.k));
      return s ? pick(s.name, this.reading.locale).value : '';
    }
    const chosen = f.opts ? f.opts.filter(([v]) => list(a, f.k).includes(v) || str1(a, f.k) === v).map(([, l]) => l) : [];
    return f.opts ? chosen.join('、') : str1(a, f.k);
  }

  private checkAnswers() {
    return this.all
      .filter((s) => s.fields.length)
      .map(
        (s) => html`<section class="answers">
          <div class="answers-head">
            ${this.h(this.t(s.title), 1)}
            <button type="button" class="link" @click=${() => this.change(s.id)}>
              ${this.t(msg('変更'))}<span class="visually-hidden">：${this.t(s.title)}</span>
            </button>
          </div>
          ${s.fields.some((f) => this.display(f))
            ? html`<dl>
                ${s.fields.map((f) => {
                  const value = this.display(f);
                  return value ? html`<div><dt>${f.g ? html`${this.t(f.g)}　` : nothing}${this.t(f.label)}</dt><dd>${this.t(value)}</dd></div>` : nothing;
                })}
              </dl>`
            : html`<p>${this.t(msg('なし'))}</p>`}
        </section>`,
      );
  }

  private intro(step: StepId) {
    const p = (s: string) => html`<p>${this.t(s)}</p>`;
    switch (step) {
      case 'eligibility':
        return p(msg('災害のときに手助けが必要な方を、市の「災害時要援護者名簿」に登録します。'));
      case 'listed':
        return html`<div class="notice">
          ${p(msg('選んだ内容から、この方は、市の「避難行動要支援者名簿」に載る方です。'))}
          ${p(msg('この名簿は申請方式ではありません。市が持っている情報から、市が名簿に載せます。'))}
          ${p(msg('施設に入所していたり、長く入院していたりして、家に戻る見込みがない方は除きます。'))}
          ${p(msg('このまま進んで、緊急連絡先や、避難のときに必要な手助けを登録することもできます。'))}
        </div>`;
      case 'consent':
        return html`<p class="notice warning"><strong>${this.t(msg('登録は、災害時の支援を必ず約束するものではありません。'))}</strong></p>
          ${this.h(this.t(msg('個人情報の取り扱い')), 1)}
          <ul>
            <li>${this.t(msg('保存するもの：このフォームに入力した内容です。'))}</li>
            <li>${this.t(msg('使いみち：災害のときの避難の手助けと、その準備に使います。'))}</li>
            <li>${this.t(msg('渡す先：下でチェックを入れた相手だけです。'))}</li>
            <li>${this.t(msg('この端末の入力内容は、送信が終わると消えます。その前に消すときは、「この端末から消す」を押してください。'))}</li>
            <li>${this.t(msg('送信した後に、登録を変えたいとき・消したいときは、市役所に電話してください。'))}</li>
          </ul>
          ${cityContact(this.reading.lang)}`;
      case 'urgent':
        return p(msg('命の危険があるときは、このフォームではなく、119番か110番に電話してください。'));
    }
    return nothing;
  }

  private nearest() {
    const geo = this.answers['location.geo'] as {latitude: number; longitude: number; accuracy_m: number} | undefined;
    const near = nearShelters(this.loader.data, str1(this.answers, 'location.town_id'), geo, 5);
    return near.length
      ? html`<section class="nearest">
          ${this.h(this.t(msg('近くの避難所')), 1)}
          <ul>
            ${near.map(([s, d]) => html`<li>${this.shelter(s, d)}</li>`)}
          </ul>
        </section>`
      : nothing;
  }

  private queueView() {
    return this.queue.length
      ? html`<section class="queue">
          ${this.h(this.t(msg('送信待ちの依頼')), 1)}
          <ul>
            ${this.queue.map(
              (e) => html`<li>
                ${this.t(e.payload.mode === 'urgent' ? msg('いま助けが必要') : msg('要援護者の登録'))}
                ${new Date(e.createdAt).toLocaleString(this.reading.lang, {dateStyle: 'short', timeStyle: 'short'})}
                <button type="button" class="button secondary" @click=${() => this.cancel(e.id)}>
                  ${this.t(msg('送信をやめる'))}
                </button>
              </li>`,
            )}
          </ul>
        </section>`
      : nothing;
  }

  private draftNote() {
    if (!Object.keys(this.answers).length) return nothing;
    return html`<div class="draft">
      <p>
        ${this.t(
          this.persistent
            ? msg('入力した内容は、この端末に保存されています（7日間）。')
            : msg('この端末には保存できません（プライベートモードなど）。ページを閉じると、入力した内容は消えます。'),
        )}
      </p>
      ${this.confirmDelete
        ? html`<p class="confirm">${this.t(msg('入力した内容を、この端末から消しますか。元に戻せません。'))}</p>
            <button type="button" class="button" @click=${this.forget}>${this.t(msg('消す'))}</button>
            <button type="button" class="button secondary" @click=${() => {
              this.confirmDelete = false;
              this.focusNext = '.forget';
            }}>${this.t(msg('消さない'))}</button>`
        : html`<button type="button" class="button secondary forget" @click=${() => {
            this.confirmDelete = true;
            this.focusNext = '.confirm';
          }}>${this.t(msg('この端末から消す'))}</button>`}
    </div>`;
  }

  private statusView(s: HelpFormResult) {
    const urgent = this.mode === 'urgent';
    if (s.state === 'delivered') {
      return html`<div class="notice success status" part="status">
          ${this.h(this.t(msg('受け付けました')), 0, 'step-h')}
          <p>${this.t(msg('受付番号'))}</p>
          <p class="receipt"><strong>${s.receipt}</strong></p>
        </div>
        ${this.h(this.t(msg('このあと')), 1)}
        <ul>
          <li>${this.t(msg('受付番号を控えてください。'))}</li>
          ${urgent
            ? html`<li>${this.t(msg('様子が悪くなったときや、命の危険があるときは、すぐに119番か110番に電話してください。'))}</li>`
            : html`<li>${this.t(msg('登録した内容を変えるときや、取り消すときは、受付番号を伝えて、市役所に電話してください。'))}</li>
                <li>${this.t(msg('登録は、災害時の支援を必ず約束するものではありません。'))}</li>`}
        </ul>
        ${this.phones(urgent)}`;
    }
    return html`<div class="notice ${s.state === 'queued' ? 'warning' : 'error'} status" part="status">
        ${this.h(this.t(s.state === 'queued' ? msg('送信待ち') : msg('送れませんでした')), 0, 'step-h')}
        <p>
          ${this.t(
            s.state !== 'queued'
              ? msg('このフォームでは送れませんでした。電話で連絡してください。')
              : s.unsaved
                ? msg('送信待ち（この端末に保存できませんでした。このページを閉じないでください。つながったら自動で送ります）')
                : msg('送信待ち（この端末に保存しました。つながったら自動で送ります）'),
          )}
        </p>
        <p>${this.t(msg('届くまでの間に急ぐときは、電話してください。'))}</p>
      </div>
      ${this.phones(urgent, true, s.state === 'queued')}
      <button type="button" class="button secondary" @click=${() => {
        this.status = undefined;
        this.go(this.mode === 'urgent' ? 'urgent' : 'check');
      }}>${this.t(msg('入力画面に戻る'))}</button>`;
  }

  private form() {
    const all = this.all;
    const index = all.findIndex((s) => s.id === this.step);
    const step = all[index]!;
    const urgent = this.mode === 'urgent';
    return html`${urgent && lifeRisk(this.answers) ? this.phones(true, false, true) : nothing}
      ${index > 0 || this.fromCheck
        ? html`<button type="button" class="link back" @click=${this.back}>${this.t(msg('戻る'))}</button>`
        : nothing}
      <form novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange} @keydown=${this.onKeydown}>
        ${this.errors.length
          ? errorSummary(
              () => this.shadowRoot,
              this.t(msg('入力内容を確認してください')),
              this.errors.map((e) => {
                const f = this.fieldOf(e.field);
                const part = f?.kind === 'date' ? DATE_PARTS.find((p) => !str1(this.answers, `${e.field}.${p}`)) ?? 'year' : f && GROUPED.includes(f.kind) ? '0' : '';
                return {...(f ? {target: idOf(e.field) + (part ? `-${part}` : '')} : {}), text: this.t(e.message)};
              }),
              (c) => this.h(c, 0, 'summary-title'),
            )
          : nothing}
        ${urgent ? nothing : html`<p class="caption">${this.t(msg('災害時要援護者の登録'))} (${index + 1}/${all.length})</p>`}
        ${this.h(this.t(step.title), 0, 'step-h')} ${this.intro(step.id)} ${this.fields(step.fields)}
        ${step.id === 'check' ? this.checkAnswers() : nothing} ${urgent ? this.nearest() : nothing}
        <button class="button submit" type="submit">
          ${this.t(step.id === 'check' ? msg('登録を申し込む') : urgent ? msg('送信する') : msg('次へ'))}
        </button>
      </form>
      ${this.draftNote()}`;
  }

  override render() {
    const {lang, easy, furigana} = this.reading;
    let body: unknown;
    if (!this.endpoint) {
      if (!warnedNoEndpoint) {
        warnedNoEndpoint = true;
        console.error(
          'fukushi-widgets: <fukushi-disaster-help-form> has no endpoint, so residents see phone numbers instead of the form. ' +
            'Set endpoint="https://…/api/help-requests" (the receiver described in docs/help-request-api.md).',
        );
      }
      body = html`<div class="notice warning">
          <p>${this.t(msg('このフォームは、今は使えません。電話で連絡してください。'))}</p>
        </div>
        ${this.phones(this.mode === 'urgent')}
        ${debugMode() ? html`<p class="debug" lang="en">fukushi-debug: set the endpoint attribute (endpoint="https://…/api/help-requests").</p>` : nothing}`;
    } else if (this.loader.error) {
      body = html`${this.mode === 'urgent' ? this.phones(true, false) : nothing}
      ${loadErrorNotice(this.loader.error, lang, () => this.loader.retry())}`;
    } else if (!this.loader.data) {
      body = html`<p class="loading">${this.t(msg('読み込んでいます…'))}</p>`;
    } else if (this.status) {
      body = html`${this.statusView(this.status)} ${this.queueView()}`;
    } else {
      body = html`${this.queueView()} ${this.form()}`;
    }
    return html`<div class="root ${easy ? 'easy' : ''} ${furigana ? 'furigana-on' : ''}" lang=${lang}>
      <fukushi-reading-controls></fukushi-reading-controls>
      ${this.announcer.render()} ${body}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fukushi-disaster-help-form': FukushiDisasterHelpForm;
  }
  interface HTMLElementEventMap {
    'fukushi-submitted': CustomEvent<{id: string; receipt: string}>;
    'fukushi-queued': CustomEvent<{id: string}>;
    'fukushi-error': CustomEvent<{id?: string; errors?: FieldError[]; reason?: string}>;
  }
}

