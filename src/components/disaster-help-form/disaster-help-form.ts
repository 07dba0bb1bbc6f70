import {html, nothing, type PropertyDeclarations, type PropertyValues} from 'lit';
import {msg} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {datasetController} from '../../ui/data-controller.js';
import {Announcer} from '../../ui/announcer.js';
import {FocusController} from '../../ui/focus-controller.js';
import {fallbackContact, loadErrorNotice} from '../../ui/fallback.js';
import {lazy, LazyController} from '../../ui/lazy.js';
import {reportOnce} from '../../ui/report.js';
import {noticeStyles} from '../../ui/styles.js';
import {DatasetError, datasetUrl, isBuiltinDataset, pageSetting} from '../../core/data/loader.js';
import type {Text} from '../../core/data/types.js';
import type {FieldError, OutboxEntry, SubmitResult} from '../../core/outbox/types.js';
import {HELP_REQUEST_SCHEMA_VERSION, type HelpMode, type HelpRequest} from '../../core/help-request/types.js';
import type {EngineText} from '../../core/help-request/form-definition.js';
import type {Answers} from '../../core/help-request/engine.js';
import {isUuid} from '../../core/help-request/request-id.js';
import {definitionController} from './definition.js';
import {DraftController} from './draft-controller.js';
import {SubmissionController, type HelpFormResult} from './submission-controller.js';
import {renderNoForm, renderPhones, renderUnavailable} from './phones.js';
import type {FormElementState, FormParts} from './view.js';
import {styles} from './disaster-help-form.styles.js';

export type {HelpFormResult} from './submission-controller.js';

const formCode = lazy(() => import('./form-code.js'));
type FormSteps = import('./form-code.js').FormSteps;

/**
 * The disaster-help form. `mode="register"` (default) is the pre-registration for the city's
 * 災害時要援護者 list, one topic per step with a check-your-answers page; `mode="urgent"` is a
 * one-screen request for help now, which shows 119 and 110 first when a life is at risk.
 * What it asks and says comes from the form definition (`form-src`, or the page's
 * `<meta name="fukushi-widgets:form-src">`; with the built-in dataset, Nishitokyo's definition
 * next to the script); towns, 丁目 and shelters from the dataset (`src`). A town's own dataset
 * without a definition of its own gets a notice and the dataset's phone number, never
 * Nishitokyo's rules.
 *
 * Answers are saved on the device as they are typed (IndexedDB, per mode and element id) and
 * restored after a reload, including the step, for 7 days. Forms on one page with the same mode
 * and no id (or the same id) are told apart by their order on the page: the second one's draft is
 * kept as `#2`, and so on; give each form an id of its own to keep its draft when forms are added
 * or moved. The form keeps its own back link instead of browser history, so that it cannot break
 * the host page's navigation; browser Back and Forward lose nothing because the draft comes back.
 *
 * Submissions go through the offline outbox: the form shows success only for a request the
 * receiver has stored. Each form owns its request, and a request's id (its Idempotency-Key)
 * belongs to that request alone: after a receipt, or while the form's request waits to be sent,
 * setting `data` or choosing 新しい依頼を入力する starts a new request with a new id; a request
 * still waiting is listed and sent on its own.
 *
 * @tagname fukushi-disaster-help-form
 * @summary Pre-register for help in a disaster, or ask for help now; never loses an answer.
 *
 * @slot - Shown with the dataset's fallback phone number when the dataset or the form definition cannot be loaded.
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
 * @fires {CustomEvent<{id?: string; errors?: FieldError[]; reason?: string}>} fukushi-error - Invalid answers, refused by the receiver (`errors`), or not sendable (`reason`: `no-endpoint`, `no-form` for a dataset without a form definition, `no-data`, `failed`).
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
    confirmDelete: {state: true},
    geoError: {state: true},
  };

  /** `register` (pre-registration, several steps) or `urgent` (help now, one screen). */
  mode: HelpMode = 'register';

  /** Where submissions are posted (see docs/help-request-api.md). Without it residents see phone numbers. */
  declare endpoint?: string;

  /** A dataset URL; without it the page's `<meta name="fukushi-widgets:src">`, else the built-in Nishitokyo dataset. */
  declare src?: string;

  /**
   * A built form definition URL (`fukushi-widgets build-help-form`); without it the page's
   * `<meta name="fukushi-widgets:form-src">`, else Nishitokyo's, for the built-in dataset only.
   */
  declare formSrc?: string;

  /** The heading level of each step's title (1–6); sub-headings are one lower. */
  headingLevel = 2;

  /** The id of the current step (register mode): set it to open a step. */
  step = '';

  // The form's state: its steps (form-steps.ts) read and set it too (all but the answers only they read).
  private answers: Answers = {};
  protected errors: FieldError[] = [];
  /** The resident asked to delete the answers: confirm first. */
  protected confirmDelete = false;
  /** The device location could not be read. */
  protected geoError = false;

  readonly #loader = datasetController(this);
  readonly #definition = definitionController(this, () => this.#applyEarly());
  /** The form's steps (form-steps.ts), the engine and the views: they load as the form connects (form-code.ts). */
  readonly #code = new LazyController(this, formCode);
  readonly #announcer = new Announcer(this);
  readonly #focusAfterRender = new FocusController(this);

  // The request and what it depends on:
  // - `submission` owns the request (its id and createdAt), the submit in flight, the outcome
  //   shown instead of the form and the queue of requests waiting on this device;
  // - a saved draft (one key per form on the page) holds the answers, the step and the request's id
  //   and createdAt, and brings them back after a reload (`restored`), unless answers were given
  //   through `data` (`dataSet`); the outbox then says what became of that request;
  // - `settled`: the draft, then the outbox, have been read, or storage did not answer within a
  //   second. Only then does the form render; with its data too (`loaded`), submit() sends at once.
  readonly #submission = new SubmissionController(this, (result, focus) => this.#showOutcome(result, focus));
  readonly #drafts = new DraftController(this, () => {
    if (this.step === 'done') return undefined;
    const {id, createdAt} = this.#submission;
    return {id, step: this.step, answers: this.answers, savedAt: Date.now(), ...(createdAt ? {createdAt} : {})};
  });
  #restored: Promise<void> = Promise.resolve();
  #settled = false;
  /** Counts `data` sets: a submit() made before the form loaded tells whether its answers were replaced. */
  #dataVersion = 0;
  /** A payload set before the definition arrived: it is applied when the definition does. */
  #early?: HelpRequest;

  /** A UI string (ruby notation) with furigana as the reader chose. */
  #t = (notation?: string) => this.renderText(notation);
  /** What the form's steps (form-steps.ts) share with the element: they are made with it once its code has loaded. */
  readonly #parts: FormParts = {
    // Its private and protected members: the steps set its state and render with it as the element does.
    el: this as unknown as FormElementState,
    loader: this.#loader,
    definition: this.#definition,
    submission: this.#submission,
    drafts: this.#drafts,
    announcer: this.#announcer,
    focus: this.#focusAfterRender,
    reading: this.reading,
    fromCheck: false,
    dataSet: false,
    t: this.#t,
    go: (step, focus) => this.#go(step, focus),
  };
  #formSteps?: FormSteps;

  /** Resolves when the dataset, the form definition and any saved draft have loaded (and a pending submit has settled). */
  get ready(): Promise<void> {
    const submitted = this.#submission.inflight?.catch(() => undefined);
    return Promise.all([this.#loader.ready, this.#definition.ready, this.#code.ready, this.#restored, submitted]).then(() => undefined);
  }

  /**
   * The answers as the JSON payload that is posted; set it to fill in the form. Set after a
   * receipt, while the form's request waits to be sent, or while or after submit() sends it, it
   * starts a new request: under the payload's id if that is another UUID, else under a new one.
   */
  get data(): HelpRequest {
    const {id, createdAt = new Date().toISOString()} = this.#submission;
    const locale = this.reading.locale;
    const code = this.#code.module;
    // Before its code has loaded the form has no answers to give yet: the request's own fields.
    if (!code) return {schema_version: HELP_REQUEST_SCHEMA_VERSION, id, mode: this.mode, created_at: createdAt, locale} as HelpRequest;
    return code.buildPayload(this.#definition.data, this.mode, this.answers, {id, createdAt, locale});
  }

  set data(payload: HelpRequest) {
    const definition = this.#definition.data;
    const code = this.#code.module;
    const submission = this.#submission;
    // A submit() that waits for the form to load has not made its payload yet: it is sent all the same.
    const sent = submission.sent || (!!submission.inflight && !this.#loaded);
    const id = isUuid(payload?.id) && payload.id !== submission.id ? payload.id : undefined;
    this.#early = definition && code ? undefined : payload;
    if (definition && code) this.answers = code.answersOf(definition, this.mode, payload);
    if (id || sent) submission.startNew(id, id && payload.created_at);
    else submission.createdAt = payload?.created_at;
    if (sent) {
      this.step = '';
      this.#parts.fromCheck = false;
    }
    this.errors = [];
    this.#parts.dataSet = true;
    this.#dataVersion++;
    this.#drafts.save();
  }

  /**
   * Validates and submits exactly as the form's own button does: the answers as they are now (before
   * the form has loaded, as they are once it has). Resolves with this request's outcome; rejects
   * with a RequestIdInUseError when an id set through `data` belongs to another request, and with a
   * RequestChangedError when `data` is set again before the form has loaded (await submit() first).
   */
  submit(): Promise<HelpFormResult> {
    const {status} = this.#submission;
    if (this.step === 'done' && status) return Promise.resolve(status);
    return this.#submission.submit(() => this.#send());
  }

  override connectedCallback() {
    super.connectedCallback();
    // The form appears once, with its draft and queue, rather than three times as each arrives;
    // storage that never answers (a stuck IndexedDB) keeps it away for one second at most.
    const settle = () => {
      if (this.#settled) return;
      this.#settled = true;
      this.requestUpdate();
    };
    this.#drafts.claim(this.#draftBase);
    this.#restore().finally(settle);
    setTimeout(settle, 1000);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (!this.endpoint) {
      reportOnce('fukushi-widgets: <fukushi-disaster-help-form> needs endpoint="https://…/api/help-requests" (docs/help-request-api.md); residents see phone numbers instead.');
    }
    if (this.isConnected && !this.formSrc && !pageSetting('form-src') && !isBuiltinDataset(datasetUrl(this.src))) {
      reportOnce(
        `fukushi-widgets: <fukushi-disaster-help-form> has no form definition for the dataset ${datasetUrl(this.src)}: set form-src="…" to your town's definition, ` +
          'built with `npx fukushi-widgets build-help-form` (docs/your-own-data.md). Residents see phone numbers instead.',
      );
    }
    if (this.mode !== 'urgent') this.mode = 'register';
    if (changed.has('mode') && changed.get('mode') !== undefined) {
      // Each mode has a draft and a request of its own: this one's answers are saved first.
      this.#drafts.flush();
      this.#drafts.claim(this.#draftBase);
      this.answers = {};
      this.#submission.startNew();
      this.#parts.dataSet = false;
      this.step = '';
      this.#restore();
    }
    this.#applyEarly();
    const ids = this.#form?.stepIds ?? [];
    if (ids.length && this.step !== 'done' && !ids.includes(this.step)) this.step = ids[0]!;
  }

  override render() {
    const {lang, easy, furigana} = this.reading;
    return html`<div class="root ${easy ? 'easy' : ''} ${furigana ? 'furigana-on' : ''}" lang=${lang}>
      <fukushi-reading-controls></fukushi-reading-controls>
      ${this.#announcer.render()} ${this.#renderBody()}
    </div>`;
  }

  #renderBody() {
    const urgent = this.mode === 'urgent';
    const error = this.#loader.error ?? this.#definition.error;
    // Before the definition has loaded, phone numbers need only the element's own strings.
    const contact = fallbackContact(this.#loader, this.reading.locale);
    const phones = {lang: this.reading.lang, T: this.#T, t: this.#t, contact};
    if (!this.endpoint) return renderUnavailable(phones, urgent);
    if (!error && !this.#definition.url) return renderNoForm(phones, urgent);
    // Offline before the form's code had loaded: as for data that failed, the phone numbers and a retry.
    const failure = error ?? (this.#code.failed && new DatasetError('network', this.#code.reason, 'the form\'s code could not be loaded'));
    if (failure) return html`${urgent ? renderPhones(phones, true, false) : nothing} ${loadErrorNotice(failure, contact, this.reading.lang, this.#t, this.#handleRetry)}`;
    if (!this.#code.module || !this.#loader.data || !this.#definition.data || !this.#settled) return html`<p class="loading">${this.#t(msg('読み込んでいます…'))}</p>`;
    return this.#form!.render();
  }

  /** The load error notice's retry: the dataset, the definition and the form's code, whichever failed. */
  #handleRetry() {
    this.#loader.retry();
    this.#definition.retry();
    this.#code.retry();
  }

  // ---- helpers --------------------------------------------------------------------------

  /**
   * The saved draft, read when the form connects or its mode changes (answers given through `data`
   * win over it), then what became of its request: a receipt or a request waiting shows instead
   * of the form, and a request cancelled or failed leaves its answers for a new one.
   */
  #restore() {
    const submission = this.#submission;
    return (this.#restored = this.#drafts.read().then((draft) => {
      if (!draft || this.#parts.dataSet) return submission.loadQueue();
      this.answers = {...draft.answers, ...this.answers};
      submission.id = draft.id;
      submission.createdAt = draft.createdAt;
      this.step = draft.step;
      return submission.loadQueue(draft.id);
    }));
  }

  /** A payload set before the definition or the form's code arrived: its answers, once both have. */
  #applyEarly() {
    const definition = this.#definition.data;
    const code = this.#code.module;
    if (!this.#early || !definition || !code) return;
    this.answers = code.answersOf(definition, this.mode, this.#early);
    this.#early = undefined;
    this.#drafts.save();
  }

  /** Sends the request; `byScript`: submit() was called by the page's script, which may be refused an id (see deliver). */
  async #send(byScript = true): Promise<HelpFormResult> {
    // Called before the form is on the page or has loaded: wait until it has. Once it has, the
    // payload is made at once, so that answers set after submit() are another request.
    if (!this.#loaded) {
      const version = this.#dataVersion;
      await this.updateComplete;
      await Promise.all([this.#loader.ready, this.#definition.ready, this.#code.ready, this.#restored]);
      this.#applyEarly();
      // Its answers were replaced meanwhile by another request's: sending those would be sending the wrong request.
      if (version !== this.#dataVersion) {
        const message = 'fukushi-widgets: help form data set again before it loaded: an earlier submit() sent nothing (await submit() first)';
        throw Object.assign(new Error(message), {name: 'RequestChangedError'});
      }
    }
    const submission = this.#submission;
    const {id} = submission;
    // Nothing can be sent: residents see the phone numbers instead of the form.
    const reason = !this.endpoint ? 'no-endpoint' : !this.#definition.url ? 'no-form' : !this.#loader.data || !this.#definition.data || !this.#code.module ? 'no-data' : '';
    if (reason) {
      this.emit('fukushi-error', {id, reason});
      return {id, state: 'failed'};
    }
    return this.#form!.send(byScript);
  }

  /** Puts an outcome on screen: the receipt, the step the receiver refused, or the status. */
  #showOutcome(result: SubmitResult | OutboxEntry, focus: boolean) {
    if (result.state === 'delivered') {
      this.#go('done', focus ? '.status' : '');
      void this.#drafts.forget();
    } else if (result.state === 'rejected') {
      // A refusal read from the outbox as the form connects waits for the code that maps it to a step.
      if (!this.#code.module) return void this.#code.ready.then(() => this.#code.module && this.#showOutcome(result, focus));
      this.#form!.refused(result.errors ?? []);
    } else if (focus) this.#focusAfterRender.target = '.status';
  }

  #go(step: string, focus = '.step-h') {
    if (step === this.#form?.stepIds.at(-1)) this.#parts.fromCheck = false;
    this.step = step;
    this.errors = [];
    this.confirmDelete = false;
    this.#focusAfterRender.target = focus;
    this.#drafts.save(0);
  }

  /** The draft key this form claims on the page (see DraftController). */
  get #draftBase() {
    return `${this.mode}:${this.id}`;
  }

  /** On the page with its data, draft and queue: a submit can make its payload at once. */
  get #loaded() {
    return this.#settled && this.hasUpdated && !!this.#loader.data && !!this.#definition.data && !!this.#code.module;
  }

  /** What the form does once its fields show: made when its code has loaded. */
  get #form(): FormSteps | undefined {
    const code = this.#code.module;
    return code && (this.#formSteps ??= new code.FormSteps(this.#parts));
  }

  /** A definition text (or an engine text by key) with furigana as the reader chose. */
  #T = (text?: Text | EngineText, vars?: Record<string, unknown>) => this.#form!.T(text, vars);
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
