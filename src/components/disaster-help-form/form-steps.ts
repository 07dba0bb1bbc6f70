/**
 * What the help form does once its fields are on screen: the step or outcome it draws, the
 * resident's input, navigation between steps, the checks before a send, and the draft note's
 * and queue's buttons. It loads with the form's code (form-code.ts); the element keeps what
 * shows before it (loading, phone numbers, notices) and delegates the rest here.
 */
import {html} from 'lit';
import {plainText} from '../../core/text/ruby.js';
import type {FieldError} from '../../core/outbox/types.js';
import type {EngineText, Mode, Step} from '../../core/help-request/form-definition.js';
import type {Text} from '../../core/data/types.js';
import {changeAnswer, holds, normalizeTyped, refusedStep, say, shown, validateAll, validateStep, type Ctx, type Value} from '../../core/help-request/engine.js';
import {fallbackContact} from '../../ui/fallback.js';
import {ErrorTitleController} from '../../ui/error-title.js';
import {heading} from '../../ui/heading.js';
import {ImeGuard} from '../../ui/ime.js';
import {cancel, deliver} from './delivery.js';
import {renderStep} from './fields.js';
import {locateDevice} from './geolocation.js';
import {renderDraftNote, renderQueue, renderStatus} from './status.js';
import type {HelpFormResult} from './submission-controller.js';
import type {FormParts, FormView} from './view.js';

export class FormSteps {
  readonly #ime = new ImeGuard();

  constructor(private readonly p: FormParts) {
    // Errors show only with the form's fields, made here: so does 「エラー：」 in the page title.
    new ErrorTitleController(p.el, () => p.el.errors.length > 0);
  }

  get ctx(): Ctx {
    return {def: this.p.definition.data!, data: this.p.loader.data, locale: this.p.reading.locale};
  }

  get #mode(): Mode {
    return this.p.definition.data!.modes[this.p.el.mode];
  }

  /** The steps that apply to the answers so far; the last one sends. */
  get steps(): Step[] {
    return this.p.definition.data ? shown(this.#mode, this.p.el.answers) : [];
  }

  get stepIds() {
    return this.steps.map((s) => s.id);
  }

  /** A life is at risk: 119 and 110 first. */
  get #risk() {
    return !!this.p.definition.data && !!this.#mode.emergency && holds(this.#mode.emergency, this.p.el.answers);
  }

  /** A definition text (or an engine text by key) with furigana as the reader chose. */
  T = (text?: Text | EngineText, vars?: Record<string, unknown>) => this.p.t(say(this.ctx, text, vars));

  /** The form once its data, definition, draft and code are there: the requests waiting, then the outcome or the step. */
  render() {
    const {el, submission, drafts} = this.p;
    const {status, queue} = submission;
    const view = this.#view;
    const waiting = renderQueue(view, queue, (id) => void this.#cancel(id));
    if (status) return html`${renderStatus(view, status, this.#mode.after, el.mode === 'urgent', this.#backToForm, this.startOver)} ${waiting}`;
    const steps = this.steps;
    const page = {mode: this.#mode, steps, index: steps.findIndex((s) => s.id === el.step), risk: this.#risk, fromCheck: this.p.fromCheck};
    const on = {back: this.#back, submit: this.#submit, input: this.#input, change: this.#change, keydown: this.#ime.guardEnter, composition: this.#ime.track};
    return html`${waiting} ${renderStep(view, page, on)}
      ${renderDraftNote(view, drafts.persistent, el.confirmDelete, {confirm: this.#forgetConfirm, forget: this.#forget})}`;
  }

  /**
   * Checks every step and sends the request (the element has waited for the form to load);
   * `byScript`: submit() was called by the page's script, which may be refused an id (see deliver).
   */
  async send(byScript: boolean): Promise<HelpFormResult> {
    const {el, submission, drafts} = this.p;
    const {id} = submission;
    el.answers = normalizeTyped(this.steps, el.answers);
    const invalid = validateAll(this.ctx, el.mode, el.answers);
    if (invalid.length) {
      const errors = invalid.flatMap(([, stepErrors]) => stepErrors.map((e) => ({field: e.field, message: plainText(e.message)})));
      this.#reopen(invalid[0]![0].id);
      this.#showErrors(invalid[0]![1]);
      el.emit('fukushi-error', {id, errors});
      return {id, state: 'invalid', errors};
    }
    submission.createdAt ??= new Date().toISOString();
    drafts.save(0);
    const result = await deliver(submission, el.endpoint!, () => el.data, byScript);
    // The id may have changed (another tab sent or cancelled the request meanwhile).
    drafts.save(0);
    return result;
  }

  /** The receiver refused the request: back to the step of the first field it named, with its errors. */
  refused(errors: FieldError[]) {
    const refusal = refusedStep(this.steps, errors);
    this.#reopen(refusal.step);
    this.#showErrors(refusal.errors);
  }

  /** An empty form for a new request (a new id); a request still waiting is sent on its own. */
  startOver = () => {
    const p = this.p;
    p.el.answers = {};
    p.submission.startNew();
    p.dataSet = false;
    p.fromCheck = false;
    p.go(this.stepIds[0]!);
  };

  // ---- events ---------------------------------------------------------------------------

  #input = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!input.name || input.type === 'checkbox' || input.type === 'radio') return;
    // Stored as typed: rewriting the value now would break an IME composition.
    this.p.el.answers[input.name] = input.value;
    this.p.drafts.save();
  };

  #change = (event: Event) => {
    const {el} = this.p;
    const input = event.target as HTMLInputElement;
    const control = input.type === 'checkbox' ? 'checkbox' : input.type === 'radio' || input.localName === 'select' ? 'choice' : 'typed';
    const risk = this.#risk;
    const answers = changeAnswer(this.steps, el.answers, {name: input.name, value: input.value, control, checked: input.checked, composing: this.#ime.composing});
    if (!answers) return;
    el.answers = answers;
    if (!risk && this.#risk) this.p.announcer.announce(plainText(say(this.ctx, 'lifeRisk')));
    this.p.drafts.save();
  };

  /** Continue: checks this step and opens the next (or the check page); the last step sends. */
  #submit = (event: Event) => {
    event.preventDefault();
    const {el, submission} = this.p;
    if (this.#ime.composing) return;
    const ids = this.stepIds;
    const index = ids.indexOf(el.step);
    if (index === ids.length - 1) return void submission.submit(() => this.send(false));
    el.answers = normalizeTyped(this.steps, el.answers);
    const errors = validateStep(this.ctx, this.steps[index]!, el.answers);
    if (errors.length) return this.#showErrors(errors);
    this.p.go(ids[this.p.fromCheck ? ids.length - 1 : index + 1]!);
  };

  #back = () => {
    const ids = this.stepIds;
    this.p.go(this.p.fromCheck ? ids.at(-1)! : ids[Math.max(ids.indexOf(this.p.el.step) - 1, 0)]!);
  };

  /** Back to the form from a request that waits (it may still be changed) or failed (final: the answers go as a new request). */
  #backToForm = () => {
    const {submission} = this.p;
    if (submission.status?.state === 'failed') submission.startNew();
    else submission.status = undefined;
    this.p.go(this.stepIds.at(-1)!);
  };

  async #cancel(id: string) {
    const {submission} = this.p;
    if (await cancel(submission, id)) {
      this.p.drafts.save(0);
      this.p.focus.target = '.step-h';
    }
    this.p.announcer.announce(plainText(say(this.ctx, 'cancelled')));
    await submission.loadQueue();
  }

  /** Asks to confirm deleting the answers, or (`asking` false) keeps them; focus follows. */
  #forgetConfirm = (asking: boolean) => {
    this.p.el.confirmDelete = asking;
    this.p.focus.target = asking ? '.confirm' : '.forget';
  };

  /** Deletes the answers from the form and the device, and starts a new request. */
  #forget = async () => {
    await this.p.drafts.forget();
    this.startOver();
    this.p.announcer.announce(plainText(say(this.ctx, 'forgotten')));
  };

  /** Asks for the device location; it becomes the answer at `key` only if the resident allows it. */
  #locate(key: string) {
    const {el} = this.p;
    el.geoError = false;
    if (!locateDevice((geo) => this.#setAnswer(key, geo), () => (el.geoError = true))) el.geoError = true;
  }

  // ---- helpers --------------------------------------------------------------------------

  /** Sets (or, with undefined, removes) one answer and saves the draft. */
  #setAnswer(key: string, value: Value | undefined) {
    const {el} = this.p;
    const answers = {...el.answers, [key]: value};
    if (value === undefined) delete answers[key];
    el.answers = answers;
    this.p.drafts.save();
  }

  /** Back to a step with errors, or from the check page: Continue then returns to the check page. */
  #reopen(step: string) {
    this.p.el.step = step;
    this.p.fromCheck = this.steps.some((s) => s.check);
  }

  #showErrors(errors: FieldError[]) {
    this.p.el.errors = errors;
    this.p.focus.target = '.error-summary';
  }

  /** What the renderers of fields.ts, status.ts and phones.ts draw from. */
  get #view(): FormView {
    const {el, reading, loader} = this.p;
    const {answers, errors, geoError} = el;
    return {
      ctx: this.ctx, lang: reading.lang, furigana: reading.furigana, contact: fallbackContact(loader, reading.locale), answers, errors, self: holds(this.#mode.self, answers), geoError,
      T: this.T, t: this.p.t, text: (text) => el.renderDataText(text), h: (content, sub = 0, className = '') => heading(el.headingLevel + sub, content, className),
      root: () => el.shadowRoot,
      locate: (key) => this.#locate(key),
      unlocate: (key) => this.#setAnswer(key, undefined),
      change: (step) => {
        this.p.fromCheck = true;
        this.p.go(step);
      },
    };
  }
}
