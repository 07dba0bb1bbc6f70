import {html, nothing, type PropertyDeclarations, type PropertyValues} from 'lit';
import {msg, str} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {datasetController} from '../../ui/data-controller.js';
import {Announcer} from '../../ui/announcer.js';
import {cityContact, debugMode, loadErrorNotice} from '../../ui/fallback.js';
import {phoneLink} from '../../ui/phone.js';
import {heading} from '../../ui/heading.js';
import {nextTask} from '../../ui/next-task.js';
import {errorSummary} from '../../ui/error-summary.js';
import {describedBy, field} from '../../ui/field.js';
import {noticeStyles} from '../../ui/styles.js';
import {DatasetError, loadJson} from '../../core/data/loader.js';
import {pick} from '../../core/data/text.js';
import type {Shelter, Text} from '../../core/data/types.js';
import {plainText} from '../../core/text/ruby.js';
import type {FieldError, OutboxEntry, OutboxState, SubmitResult} from '../../core/outbox/types.js';
import type {HelpMode, HelpRequest} from '../../core/help-request/types.js';
import type {Block, EngineText, Field, FormDefinition, Mode, Step} from '../../core/help-request/form-definition.js';
import {
  answersOf, buildPayload, CHOICE, DATE_PARTS, holds, isUuid, list, nearShelters, optionValues, say, shown, str1, townOf, uuid,
  validateAll, validateStep, type Answers, type Ctx, type Geo,
} from '../../core/help-request/engine.js';
import {normalize} from '../../core/help-request/normalize.js';
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

// Built without a string literal so that bundlers leave the URL alone (as the dataset's).
const FORM = ['data', 'help-form.json'].join('/');
/** The outbox's code: not in the form's first script, it loads as the form connects, with its data. */
const outbox = () => import('../../core/outbox/outbox.js');
const idOf = (k: string) => `f-${k.replace(/\./g, '-')}`;
/** Kinds shown as a fieldset with a legend. */
const FIELDSET = /radio|checks|flags|shelter|date/;
const reported = new Set<string>();
let warnedNoEndpoint = false;

/**
 * The disaster-help form. `mode="register"` (default) is the pre-registration for the city's
 * 災害時要援護者 list, one topic per step with a check-your-answers page; `mode="urgent"` is a
 * one-screen request for help now, which shows 119 and 110 first when a life is at risk.
 * What it asks and says comes from the form definition (`form-src`, by default
 * data/help-form.json next to the script); towns, 丁目 and shelters from the dataset (`src`).
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
 * @slot - Shown with the city's phone number when the dataset or the form definition cannot be loaded.
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

  static override properties: PropertyDeclarations = {
    mode: {},
    endpoint: {},
    src: {},
    formSrc: {attribute: 'form-src'},
    headingLevel: {attribute: 'heading-level', type: Number},
    step: {attribute: false},
    answers: {state: true},
    errors: {state: true},
    status: {state: true},
    queue: {state: true},
    confirmDelete: {state: true},
    geoError: {state: true},
    persistent: {state: true},
  };

  /** `register` (pre-registration, several steps) or `urgent` (help now, one screen). */
  mode: HelpMode = 'register';

  /** Where submissions are posted (see docs/help-request-api.md). Without it residents see phone numbers. */
  declare endpoint?: string;

  /** A dataset URL; without it the built-in Nishitokyo dataset. */
  declare src?: string;

  /** A built form definition URL (`fukushi-widgets build-help-form`); without it the built-in one. */
  declare formSrc?: string;

  /** The heading level of each step's title (1–6); sub-headings are one lower. */
  headingLevel = 2;

  /** The id of the current step (register mode): set it to open a step. */
  step = '';

  private answers: Answers = {};
  private errors: FieldError[] = [];
  declare private status?: HelpFormResult;
  private queue: OutboxEntry[] = [];
  private confirmDelete = false;
  private geoError = false;
  private persistent = true;

  private readonly loader = datasetController(this);
  private readonly announcer = new Announcer(this);
  private def?: FormDefinition;
  private defError?: DatasetError;
  private defUrl?: string;
  private defReady: Promise<void> = Promise.resolve();
  /** A payload set before the definition arrived. */
  private early?: HelpRequest;
  private rid = uuid();
  private createdAt?: string;
  private fromCheck = false;
  private composing = false;
  private focusNext?: string;
  private titleBase?: string;
  private store?: DraftStore;
  private restored: Promise<void> = Promise.resolve();
  /** The saved draft and the outbox have been read (or could not be). */
  private settled = false;
  private dataSet = false;
  private timer?: ReturnType<typeof setTimeout>;
  private inflight?: Promise<HelpFormResult>;
  private unwatch?: Promise<() => void>;
  /** Writes a pending draft now (page hidden or element removed); an unchanged draft keeps its date. */
  private readonly flush = () => this.timer && this.save(0);

  /** Resolves when the dataset, the form definition and any saved draft have loaded (and a pending submit has settled). */
  get ready(): Promise<void> {
    return Promise.all([this.loader.ready, this.defReady, this.restored, this.inflight]).then(() => undefined);
  }

  /** The answers as the JSON payload that is posted; set it to fill in the form. */
  get data(): HelpRequest {
    return buildPayload(this.def, this.mode, this.answers, {id: this.rid, createdAt: this.createdAt ?? new Date().toISOString(), locale: this.reading.locale});
  }

  set data(payload: HelpRequest) {
    this.early = this.def ? undefined : payload;
    if (this.def) this.answers = answersOf(this.def, this.mode, payload);
    if (isUuid(payload?.id)) this.rid = payload.id;
    this.createdAt = payload?.created_at;
    this.errors = [];
    this.dataSet = true;
    this.save();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.loadDef();
    // The form appears once, with its draft and queue, rather than three times as each arrives;
    // storage that never answers (a stuck IndexedDB) keeps it away for one second at most.
    const settle = () => {
      if (this.settled) return;
      this.settled = true;
      this.requestUpdate();
    };
    this.restored = this.restore()
      .then(() => this.loadQueue(true))
      .finally(settle);
    setTimeout(settle, 1000);
    addEventListener('pagehide', this.flush);
    this.unwatch = outbox().then(({onOutboxChange}) =>
      onOutboxChange((entry) => {
        void this.loadQueue();
        // Later news of this form's request (a queued one delivered when the network is back).
        // While our own submit runs, its result is applied when it returns instead.
        if (entry.id === this.rid && !this.inflight && ['delivered', 'rejected', 'failed'].includes(entry.state)) this.apply(entry);
      }),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.flush);
    void this.unwatch?.then((unwatch) => unwatch());
    this.flush();
    this.setTitle(false);
  }

  /** Loads the form definition (once per URL and page); editors hear about a failure in the console. */
  private loadDef() {
    const url = this.formSrc || new URL(FORM, import.meta.url).href;
    if (url === this.defUrl) return;
    this.defUrl = url;
    this.def = this.defError = undefined;
    this.defReady = loadJson(url)
      .then((d) => {
        if ((d as FormDefinition | null)?.readings_complete !== true) {
          throw new DatasetError('schema', url, 'not built by `fukushi-widgets build-help-form`');
        }
        if (this.defUrl !== url) return;
        this.def = d as FormDefinition;
        if (this.early) this.data = this.early;
      })
      .catch((error: DatasetError) => {
        if (this.defUrl !== url) return;
        this.defError = error;
        if (reported.has(url)) return;
        reported.add(url);
        console.error(`fukushi-widgets: help form definition ${url}: ${error.message}; residents see phone numbers instead.`);
      })
      // Forms on one page share the definition: each renders it in a task of its own.
      .then(nextTask)
      .finally(() => this.requestUpdate());
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
    const all = await outbox()
      .then(({listOutbox}) => listOutbox())
      .catch(() => []);
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
    this.loadDef();
    if (this.mode !== 'urgent') this.mode = 'register';
    if (changed.has('mode') && changed.get('mode') !== undefined) {
      this.answers = {};
      this.rid = uuid();
      this.step = '';
      this.restored = this.restore();
    }
    const ids = this.ids;
    if (this.def && this.step !== 'done' && !ids.includes(this.step)) this.step = ids[0]!;
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

  private get ctx(): Ctx {
    return {def: this.def!, data: this.loader.data, locale: this.reading.locale};
  }

  private get m(): Mode {
    return this.def!.modes[this.mode];
  }

  /** The steps that apply to the answers so far; the last one sends. */
  private get all(): Step[] {
    return this.def ? shown(this.m, this.answers) : [];
  }

  private get ids() {
    return this.all.map((s) => s.id);
  }

  /** A life is at risk: 119 and 110 first. */
  private get risk() {
    return !!this.def && !!this.m.emergency && holds(this.m.emergency, this.answers);
  }

  private fieldOf(name: string): Field | undefined {
    const k = name.replace(/\.(year|month|day)$/, '');
    for (const s of this.all) for (const f of s.fields!) if (f.key === k) return f;
    return undefined;
  }

  private t = (s?: string) => this.renderText(s);
  /** A definition text (or an engine text by key) with furigana as the reader chose. */
  private T = (text?: Text | EngineText, vars?: Record<string, unknown>) => this.renderText(say(this.ctx, text, vars));

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
    const risk = this.risk;
    const a = {...this.answers};
    if (t.type === 'checkbox') {
      const now = list(a, t.name).filter((v) => v !== t.value);
      a[t.name] = t.checked ? [...now, t.value] : now;
    } else if (t.type === 'radio' || t.localName === 'select') {
      a[t.name] = t.value;
      // A new town clears what depended on the old one (its 丁目, the shelters near it).
      for (const s of this.all) for (const d of s.fields!) if (d.from === t.name) a[d.key] = '';
    } else if (!this.composing) {
      a[t.name] = normalize(f.kind, t.name, t.value);
    }
    this.answers = a;
    if (!risk && this.risk) this.announcer.announce(plainText(say(this.ctx, 'lifeRisk')));
    this.save();
  }

  /** Normalises every typed answer (before validating). */
  private normalizeAll() {
    const a = {...this.answers};
    for (const [k, v] of Object.entries(a)) {
      const f = typeof v === 'string' && this.fieldOf(k);
      if (f && !CHOICE.test(f.kind)) a[k] = normalize(f.kind, k, v as string);
    }
    this.answers = a;
  }

  private onKeydown(e: KeyboardEvent) {
    // Enter that confirms an IME candidate must not submit (Safari: keyCode 229 after compositionend).
    if (e.key === 'Enter' && (this.composing || e.isComposing || e.keyCode === 229)) e.preventDefault();
  }

  // ---- navigation ----------------------------------------------------------------------

  private go(step: string, focus = '.step-h') {
    if (step === this.ids.at(-1)) this.fromCheck = false;
    this.step = step;
    this.errors = [];
    this.confirmDelete = false;
    this.focusNext = focus;
    this.save(0);
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    if (this.composing) return;
    const ids = this.ids;
    const i = ids.indexOf(this.step);
    if (i === ids.length - 1) return void this.submit();
    this.normalizeAll();
    const errors = validateStep(this.ctx, this.all[i]!, this.answers);
    if (errors.length) return this.showErrors(errors);
    this.go(ids[this.fromCheck ? ids.length - 1 : i + 1]!);
  }

  private back() {
    const ids = this.ids;
    this.go(this.fromCheck ? ids.at(-1)! : ids[Math.max(ids.indexOf(this.step) - 1, 0)]!);
  }

  /** Back to a step with errors, or from the check page: Continue then returns to the check page. */
  private reopen(step: string) {
    this.step = step;
    this.fromCheck = this.all.some((s) => s.check);
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
    await Promise.all([this.loader.ready, this.defReady, this.restored]);
    const id = this.rid;
    // Nothing can be sent: residents see the phone numbers instead of the form.
    const reason = !this.endpoint ? 'no-endpoint' : !this.loader.data || !this.def ? 'no-data' : '';
    if (reason) {
      this.emit('fukushi-error', {id, reason});
      return {id, state: 'failed'};
    }
    this.normalizeAll();
    const invalid = validateAll(this.ctx, this.mode, this.answers);
    if (invalid.length) {
      const errors = invalid.flatMap(([, e]) => e.map((x) => ({field: x.field, message: plainText(x.message)})));
      this.reopen(invalid[0]![0].id);
      this.showErrors(invalid[0]![1]);
      this.emit('fukushi-error', {id, errors});
      return {id, state: 'invalid', errors};
    }
    this.createdAt ??= new Date().toISOString();
    this.save(0);
    let result: SubmitResult;
    try {
      result = await (await outbox()).submitHelpRequest(this.endpoint!, this.data as unknown as {id: string; mode: string});
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
        const of = (f: Field) => e.field === f.key || e.field.startsWith(`${f.key}.`);
        const step = all.find((s) => s.fields!.some(of));
        return {step: step?.id ?? all.at(-1)!.id, error: {field: step?.fields!.find(of)!.key ?? '', message: e.message}};
      });
      const first = mapped[0]?.step ?? all.at(-1)!.id;
      this.reopen(first);
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
    await outbox()
      .then(({cancelOutboxEntry}) => cancelOutboxEntry(id))
      .catch(() => undefined);
    if (id === this.rid) {
      this.rid = uuid();
      this.save(0);
      this.status = undefined;
      this.focusNext = '.step-h';
    }
    this.announcer.announce(plainText(say(this.ctx, 'cancelled')));
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
    this.go(this.ids[0]!);
    this.announcer.announce(plainText(say(this.ctx, 'forgotten')));
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
            <p><strong>${form ? this.T('emergency') : this.t(msg('命の危険があるときは、すぐに電話してください。'))}</strong></p>
            <ul class="big-phones">
              <li>${phoneLink('119', lang)} ${this.t(msg('火事・救急'))}</li>
              <li>${phoneLink('110', lang)} ${this.t(msg('警察'))}</li>
            </ul>
            ${form ? html`<p>${this.T('emergencyNote')}</p>` : nothing}
          </div>`
        : nothing}
      ${city ? cityContact(lang) : nothing}`;
  }

  /** What a choice reads, as ruby notation (towns, 丁目 and shelters from the dataset). */
  private labelOf(f: Field, v: string): string {
    const c = this.ctx;
    const named = (f.kind === 'town' ? c.data?.towns : f.kind === 'shelter' ? c.data?.shelters : undefined)?.find((x) => x.id === v);
    if (named) return pick(named.name, c.locale).value;
    return f.kind === 'chome' ? say(c, 'chome', {n: v}) : say(c, f.options?.find((o) => o.value === v)?.label);
  }

  /** The hint, unless it no longer applies (a 丁目's "choose the town first"). */
  private hint(f: Field) {
    return f.hint && !(f.kind === 'chome' && str1(this.answers, f.from!)) ? this.T(f.hint) : undefined;
  }

  private control(f: Field) {
    const id = idOf(f.key);
    const a = this.answers;
    const v = str1(a, f.key);
    const error = this.errors.find((e) => e.field === f.key);
    const desc = describedBy(id, this.hint(f), error);
    const invalid = error ? 'true' : 'false';
    // Autofill knows the person at the keyboard: never offer it for someone else's answers.
    const ac = f.own && !holds(this.m.self, a) ? undefined : f.autocomplete;
    const ime = {start: () => (this.composing = true), end: () => (this.composing = false)};
    if (f.kind === 'geo') return this.geo();
    if (FIELDSET.test(f.kind) && f.kind !== 'date') {
      const type = /checks|flags/.test(f.kind) ? 'checkbox' : 'radio';
      return html`<div class="choices">
        ${optionValues(this.ctx, f, a).map(
          (value, i) => html`<div class="choice">
            <input type=${type} id="${id}-${i}" name=${f.key} .value=${value} .checked=${type === 'radio' ? v === value : list(a, f.key).includes(value)} /><label
              for="${id}-${i}"
              >${f.kind === 'shelter' ? this.shelter(this.loader.data?.shelters.find((s) => s.id === value)) : this.t(this.labelOf(f, value))}</label
            >
          </div>`,
        )}
      </div>`;
    }
    if (CHOICE.test(f.kind)) {
      return html`<select id=${id} name=${f.key} autocomplete=${ac ?? nothing} aria-describedby=${desc} aria-invalid=${invalid}>
        <option value="" ?selected=${!v}>${plainText(msg('選んでください'))}</option>
        ${optionValues(this.ctx, f, a).map((value) => {
          // An <option> cannot hold ruby: easy Japanese gets a town's reading in brackets instead.
          const town = f.kind === 'town' && this.reading.easy ? this.loader.data?.towns.find((t) => t.id === value) : undefined;
          return html`<option value=${value} ?selected=${v === value}>${plainText(this.labelOf(f, value))}${town ? `（${town.reading}）` : ''}</option>`;
        })}
      </select>`;
    }
    if (f.kind === 'date') {
      const labels = {year: msg('年'), month: msg('月'), day: msg('日')};
      return html`<div class="date">
        ${DATE_PARTS.map((p) => {
          const n = `${f.key}.${p}`;
          return html`<div>
            <label for="${id}-${p}">${this.t(labels[p])}</label>
            <input id="${id}-${p}" name=${n} class=${p} inputmode="numeric" autocomplete=${ac ? `${ac}-${p}` : 'off'} .value=${str1(a, n)}
              aria-invalid=${invalid} @compositionstart=${ime.start} @compositionend=${ime.end} />
          </div>`;
        })}
      </div>`;
    }
    if (f.kind === 'area') {
      return html`<textarea id=${id} name=${f.key} rows="4" .value=${v} aria-describedby=${desc} aria-invalid=${invalid}
        @compositionstart=${ime.start} @compositionend=${ime.end}></textarea>`;
    }
    return html`<input id=${id} name=${f.key} class=${f.kind} type=${/tel|email/.test(f.kind) ? f.kind : 'text'}
      inputmode=${f.kind === 'num' ? 'numeric' : nothing} spellcheck=${/tel|email/.test(f.kind) ? 'false' : nothing}
      autocomplete=${ac ?? nothing} .value=${v} aria-describedby=${desc} aria-invalid=${invalid}
      @compositionstart=${ime.start} @compositionend=${ime.end} />`;
  }

  private shelter(s?: Shelter, distance?: number) {
    if (!s) return this.T('noShelter');
    const locale = this.reading.locale;
    const name = pick(s.name, locale);
    const town = this.loader.data?.towns.find((t) => t.id === s.town_id);
    const welfare = s.welfare_for && pick(s.welfare_for, locale);
    return html`<span class="shelter-name" lang=${name.lang}>${this.t(name.value)}</span>
      <span class="shelter-meta">
        ${town ? html`<span lang=${pick(town.name, locale).lang}>${this.t(pick(town.name, locale).value)}</span>${locale === 'en' ? ' ' : ''}` : nothing}${s.address_1}
        ${distance !== undefined ? this.T('distance', {m: Math.round(distance / 10) * 10}) : nothing}
      </span>
      ${welfare
        ? html`<span class="tag">${this.T('welfare')}（${this.T('welfareFor')}：<span lang=${welfare.lang}>${this.t(welfare.value)}</span>）</span>`
        : nothing}`;
  }

  private fieldView(f: Field) {
    if (f.kind === 'geo') return this.geo();
    const error = this.errors.find((e) => e.field === f.key);
    const first = f.kind === 'date' ? 'year' : FIELDSET.test(f.kind) ? '0' : '';
    const town = f.postal && townOf(this.ctx, this.answers, f.key);
    return html`${field({
      id: idOf(f.key) + (first ? `-${first}` : ''),
      label: this.T(f.label),
      ...(f.required !== 'group' ? {badge: this.t(f.required ? msg('※必須') : msg('※任意')), required: !!f.required} : {}),
      hint: this.hint(f),
      error: error && this.t(error.message),
      errorPrefix: msg('エラー：'),
      group: FIELDSET.test(f.kind),
      control: this.control(f),
    })}${town ? html`<p class="postal">${this.T('postal', {code: town.postal_code})}</p>` : nothing}`;
  }

  private fields(step: Step) {
    const out: unknown[] = [];
    const fields = step.fields!;
    for (let i = 0; i < fields.length; ) {
      const id = fields[i]!.group;
      const g = id && step.groups?.[id];
      if (!g) {
        out.push(this.fieldView(fields[i++]!));
        continue;
      }
      const group: Field[] = [];
      while (i < fields.length && fields[i]!.group === id) group.push(fields[i++]!);
      out.push(html`<fieldset class="group">
        <legend>${this.T(g.legend)}${group.every((f) => f.required !== true) ? html` <span class="badge optional">${this.t(msg('※任意'))}</span>` : nothing}</legend>
        ${g.hint ? html`<p class="hint">${this.T(g.hint)}</p>` : nothing} ${group.map((f) => this.fieldView(f))}
      </fieldset>`);
    }
    return out;
  }

  private geo() {
    const geo = this.answers['location.geo'] as Geo | undefined;
    return html`<div class="geo">
      <p class="hint">${this.T('geoNote')}</p>
      ${geo
        ? html`<p>${this.T('geoUsing', {m: geo.accuracy_m})}</p>
            <button type="button" class="button secondary" @click=${() => {
              const a = {...this.answers};
              delete a['location.geo'];
              this.answers = a;
              this.save();
            }}>${this.T('geoStop')}</button>`
        : html`<button type="button" class="button secondary" @click=${this.locate}>${this.T('geoUse')}</button>`}
      ${this.geoError ? html`<p class="error-message" role="alert">${this.T('geoError')}</p>` : nothing}
    </div>`;
  }

  /** An answer as the check page shows it, in ruby notation. */
  private display(f: Field): string {
    const a = this.answers;
    if (f.kind === 'date') {
      const [y, m, d] = DATE_PARTS.map((p) => str1(a, `${f.key}.${p}`));
      return y ? msg(str`${y}年${m}月${d}日`) : '';
    }
    if (!CHOICE.test(f.kind)) return str1(a, f.key);
    return optionValues(this.ctx, f, a)
      .filter((v) => v && (v === a[f.key] || list(a, f.key).includes(v)))
      .map((v) => this.labelOf(f, v))
      .join('、');
  }

  private checkAnswers() {
    return this.all
      .filter((s) => s.fields!.length)
      .map(
        (s) => html`<section class="answers">
          <div class="answers-head">
            ${this.h(this.T(s.title), 1)}
            <button type="button" class="link" @click=${() => {
              this.fromCheck = true;
              this.go(s.id);
            }}>
              ${this.t(msg('変更'))}<span class="visually-hidden">：${this.T(s.title)}</span>
            </button>
          </div>
          ${s.fields!.some((f) => this.display(f))
            ? html`<dl>
                ${s.fields!.map((f) => {
                  const value = this.display(f);
                  const g = f.group && s.groups?.[f.group];
                  return value ? html`<div><dt>${g ? html`${this.T(g.legend)}　` : nothing}${this.T(f.label)}</dt><dd>${this.t(value)}</dd></div>` : nothing;
                })}
              </dl>`
            : html`<p>${this.t(msg('なし'))}</p>`}
        </section>`,
      );
  }

  /** A piece of text around the fields (form-definition.ts, Block). */
  private block = (b: Block) => {
    const texts = [b.text ?? []].flat();
    const ps = texts.map((t) => html`<p>${b.as === 'warning' ? html`<strong>${this.T(t)}</strong>` : this.T(t)}</p>`);
    switch (b.as) {
      case 'h':
        return this.h(this.T(texts[0]), 1);
      case 'ul':
        return html`<ul>${texts.map((t) => html`<li>${this.T(t)}</li>`)}</ul>`;
      case 'notice':
      case 'warning':
        return html`<div class="notice ${b.as}">${ps}</div>`;
      case 'contact':
        return cityContact(this.reading.lang);
    }
    return ps;
  };

  private nearest(keys: {town: string; geo?: string}) {
    const near = nearShelters(this.loader.data, str1(this.answers, keys.town), this.answers[keys.geo ?? ''] as Geo | undefined, 5);
    return near.length
      ? html`<section class="nearest">
          ${this.h(this.T('nearest'), 1)}
          <ul>
            ${near.map(([s, d]) => html`<li>${this.shelter(s, d)}</li>`)}
          </ul>
        </section>`
      : nothing;
  }

  private queueView() {
    return this.queue.length
      ? html`<section class="queue">
          ${this.h(this.T('queue'), 1)}
          <ul>
            ${this.queue.map(
              (e) => html`<li>
                ${this.T(this.def!.modes[e.payload.mode as HelpMode]?.name)}
                ${new Date(e.createdAt).toLocaleString(this.reading.lang, {dateStyle: 'short', timeStyle: 'short'})}
                <button type="button" class="button secondary" @click=${() => this.cancel(e.id)}>${this.T('cancel')}</button>
              </li>`,
            )}
          </ul>
        </section>`
      : nothing;
  }

  private draftNote() {
    if (!Object.keys(this.answers).length) return nothing;
    return html`<div class="draft">
      <p>${this.T(this.persistent ? 'saved' : 'notSaved')}</p>
      ${this.confirmDelete
        ? html`<p class="confirm">${this.T('forgetAsk')}</p>
            <button type="button" class="button" @click=${this.forget}>${this.T('forgetYes')}</button>
            <button type="button" class="button secondary" @click=${() => {
              this.confirmDelete = false;
              this.focusNext = '.forget';
            }}>${this.T('forgetNo')}</button>`
        : html`<button type="button" class="button secondary forget" @click=${() => {
            this.confirmDelete = true;
            this.focusNext = '.confirm';
          }}>${this.T('forget')}</button>`}
    </div>`;
  }

  private statusView(s: HelpFormResult) {
    const delivered = s.state === 'delivered';
    const queued = s.state === 'queued';
    return html`<div class="notice ${delivered ? 'success' : queued ? 'warning' : 'error'} status" part="status">
        ${this.h(this.T(delivered ? 'received' : queued ? 'queued' : 'failed'), 0, 'step-h')}
        ${delivered
          ? html`<p>${this.T('receipt')}</p>
              <p class="receipt"><strong>${s.receipt}</strong></p>`
          : html`<p>${this.T(!queued ? 'failedText' : s.unsaved ? 'queuedUnsaved' : 'queuedText')}</p>
              <p>${this.T('meanwhile')}</p>`}
      </div>
      ${delivered
        ? html`${this.h(this.T('next'), 1)}
            <ul>
              ${this.m.after.map((t) => html`<li>${this.T(t)}</li>`)}
            </ul>`
        : nothing}
      ${this.phones(this.mode === 'urgent', true, queued)}
      ${delivered
        ? nothing
        : html`<button type="button" class="button secondary" @click=${() => {
            this.status = undefined;
            this.go(this.ids.at(-1)!);
          }}>${this.T('backToForm')}</button>`}`;
  }

  private form() {
    const all = this.all;
    const m = this.m;
    const index = all.findIndex((s) => s.id === this.step);
    const step = all[index]!;
    const last = index === all.length - 1;
    return html`${this.risk ? this.phones(true, false, true) : nothing}
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
                const part =
                  f?.kind === 'date' ? DATE_PARTS.find((p) => !str1(this.answers, `${e.field}.${p}`)) ?? 'year' : f && FIELDSET.test(f.kind) ? '0' : '';
                return {...(f ? {target: idOf(e.field) + (part ? `-${part}` : '')} : {}), text: this.t(e.message)};
              }),
              (c) => this.h(c, 0, 'summary-title'),
            )
          : nothing}
        ${m.caption ? html`<p class="caption">${this.T(m.caption)} (${index + 1}/${all.length})</p>` : nothing}
        ${this.h(this.T(step.title), 0, 'step-h')} ${step.intro?.map(this.block)} ${this.fields(step)}
        ${step.check ? this.checkAnswers() : nothing} ${step.shelters ? this.nearest(step.shelters) : nothing}
        <button class="button submit" type="submit">
          ${last ? (m.submit ? this.T(m.submit) : this.t(msg('送信する'))) : this.t(msg('次へ'))}
        </button>
      </form>
      ${this.draftNote()}`;
  }

  override render() {
    const {lang, easy, furigana} = this.reading;
    const urgent = this.mode === 'urgent';
    const error = this.loader.error ?? this.defError;
    let body: unknown;
    if (!this.endpoint) {
      if (!warnedNoEndpoint) {
        warnedNoEndpoint = true;
        console.error('fukushi-widgets: <fukushi-disaster-help-form> needs endpoint="https://…/api/help-requests" (docs/help-request-api.md); residents see phone numbers instead.');
      }
      body = html`<div class="notice warning">
          <p>${this.t(msg('このフォームは、今は使えません。電話で連絡してください。'))}</p>
        </div>
        ${this.phones(urgent)}
        ${debugMode() ? html`<p class="debug" lang="en">fukushi-debug: set endpoint="https://…/api/help-requests".</p>` : nothing}`;
    } else if (error) {
      body = html`${urgent ? this.phones(true, false) : nothing}
      ${loadErrorNotice(error, lang, () => {
        this.loader.retry();
        this.defUrl = undefined;
        this.loadDef();
      })}`;
    } else if (!this.loader.data || !this.def || !this.settled) {
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
