/**
 * The help request a form fills in, and its way through the offline outbox. It owns:
 * - the request: `id` (a UUID v4, also the Idempotency-Key, so a retried send reuses it) and
 *   `createdAt` (set by the first send);
 * - the submit in progress (`inflight`): one at a time, a second submit() gets the first's result;
 * - what shows instead of the form (`status`): the receipt, or a queued or failed request;
 * - the resident's requests waiting in the outbox (`queue`), kept up to date across tabs.
 * It fires the element's events; the element decides what an outcome shows (`show`).
 *
 * The outbox's code is not part of the form's first script: it loads as the form connects, in
 * parallel with the dataset and the form definition that the form waits for anyway.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {OutboxEntry, OutboxState, SubmitResult, FieldError} from '../../core/outbox/types.js';
import type {HelpRequest} from '../../core/help-request/types.js';
import {uuid} from '../../core/help-request/engine.js';
import {dispatch} from '../../ui/base-element.js';

/** What `submit()` resolves with: the outbox's result, or `invalid` with the problems found. */
export interface HelpFormResult {
  id: string;
  state: OutboxState | 'invalid';
  receipt?: string;
  errors?: FieldError[];
  /** Queued in this page's memory only (no IndexedDB): lost if the page is closed. */
  unsaved?: boolean;
}

/** Puts an outcome on screen: the receipt, the step the receiver refused, or the status; `focus` moves focus there. */
export type ShowOutcome = (result: SubmitResult | OutboxEntry, focus: boolean) => void;

/** The outbox's code, loaded once per page as the first form connects. */
const outbox = () => import('../../core/outbox/outbox.js');

/** Outbox states that end a delivery attempt: news of this form's request in another tab or later. */
const SETTLED_STATES = ['delivered', 'rejected', 'failed'];

export class SubmissionController implements ReactiveController {
  id = uuid();
  createdAt?: string;
  status?: HelpFormResult;
  queue: OutboxEntry[] = [];
  inflight?: Promise<HelpFormResult>;
  /** Stops watching the outbox (once the watch has started). */
  #unwatch?: Promise<() => void>;

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #show: ShowOutcome;

  constructor(host: ReactiveControllerHost & EventTarget, show: ShowOutcome) {
    this.#host = host;
    this.#show = show;
    host.addController(this);
  }

  hostConnected() {
    this.#unwatch = outbox().then(({onOutboxChange}) =>
      onOutboxChange((entry) => {
        void this.loadQueue();
        // Later news of this form's request (a queued one delivered when the network is back).
        // While our own submit runs, its result is applied when it returns instead.
        if (entry.id === this.id && !this.inflight && SETTLED_STATES.includes(entry.state)) this.apply(entry);
      }),
    );
  }

  hostDisconnected() {
    void this.#unwatch?.then((unwatch) => unwatch());
  }

  /** A new id: a cancelled id stays cancelled in the outbox, so the next submit needs another. */
  newId() {
    this.id = uuid();
  }

  /** A new request: a new id, not yet sent. */
  startNew() {
    this.newId();
    this.createdAt = undefined;
  }

  /** Runs `send` unless a submit is in progress, whose result a second caller then gets. */
  submit(send: () => Promise<HelpFormResult>): Promise<HelpFormResult> {
    return (this.inflight ??= send().finally(() => (this.inflight = undefined)));
  }

  /** Saves `payload` in the outbox and sends it; shows and returns the outcome. */
  async deliver(endpoint: string, payload: HelpRequest): Promise<SubmitResult> {
    let result: SubmitResult;
    try {
      result = await (await outbox()).submitHelpRequest(endpoint, payload as unknown as {id: string; mode: string});
    } catch (error) {
      console.error('fukushi-widgets: the help request could not be saved or sent', error);
      result = {id: payload.id, state: 'failed'};
    }
    this.apply(result);
    void this.loadQueue();
    return result;
  }

  /**
   * Reads the outbox: the requests waiting to be sent and, when `restoring` after a reload, this
   * request's own: delivered since (the receipt, without taking focus) or still waiting.
   */
  async loadQueue(restoring = false) {
    const all = await outbox()
      .then(({listOutbox}) => listOutbox())
      .catch(() => []);
    this.queue = all.filter((e) => e.state === 'queued' || e.state === 'sending');
    const own = all.find((e) => e.id === this.id);
    if (restoring && own && !this.status) {
      if (own.state === 'delivered') this.apply(own, false);
      else if (this.queue.includes(own)) this.status = {id: own.id, state: 'queued', ...(own.unsaved ? {unsaved: true} : {})};
    }
    this.#host.requestUpdate();
  }

  /** Shows the outcome of a delivery attempt: success only for a request the receiver stored. */
  apply(result: SubmitResult | OutboxEntry, focus = true) {
    const {id, state} = result;
    const host = this.#host;
    const show = this.#show;
    if (state === 'delivered') {
      const first = this.status?.state !== 'delivered';
      this.status = {id, state, receipt: result.receipt ?? ''};
      show(result, focus);
      if (first) dispatch(host, 'fukushi-submitted', {id, receipt: result.receipt ?? ''});
    } else if (state === 'rejected') {
      this.status = undefined;
      show(result, focus);
      dispatch(host, 'fukushi-error', {id, errors: result.errors ?? []});
    } else if (state === 'queued' || state === 'failed') {
      this.status = {id, state, ...(result.unsaved ? {unsaved: true} : {})};
      show(result, focus);
      if (state === 'queued') dispatch(host, 'fukushi-queued', {id});
      else dispatch(host, 'fukushi-error', {id, reason: 'failed'});
    } else if (state === 'cancelled') {
      this.newId();
      this.status = undefined;
    }
    this.#host.requestUpdate();
  }

  /** Cancels a waiting request; true when it was this form's own, which then starts again with a new id. */
  async cancel(id: string): Promise<boolean> {
    await outbox()
      .then(({cancelOutboxEntry}) => cancelOutboxEntry(id))
      .catch(() => undefined);
    if (id !== this.id) return false;
    this.newId();
    this.status = undefined;
    this.#host.requestUpdate();
    return true;
  }
}
