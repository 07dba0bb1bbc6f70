/**
 * The help request a form fills in, and its way through the offline outbox. It owns:
 * - the request: `id` (a UUID v4, also the Idempotency-Key, so a retried send reuses it) and
 *   `createdAt` (set by the first send). Once its content has gone to the outbox (`sent`), new
 *   answers are a new request (`startNew`): an id belongs to one request;
 * - the submit in progress (`inflight`): a second submit() of the same request gets the first's
 *   result (a new request's is sent alongside);
 * - what shows instead of the form (`status`): the receipt, or a queued or failed request;
 * - the resident's requests waiting in the outbox (`queue`), kept up to date across tabs.
 * It fires the element's events; the element decides what an outcome shows (`show`).
 *
 * The outbox's code is not part of the form's first script: it loads as the form connects, in
 * parallel with the dataset and the form definition that the form waits for anyway. Sending and
 * cancelling (delivery.ts) load with the form's code.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {OutboxEntry, OutboxState, SubmitResult, FieldError} from '../../core/outbox/types.js';
import {uuid} from '../../core/help-request/request-id.js';
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
export const outbox = () => import('../../core/outbox/outbox.js');

/** Outbox states that end a delivery attempt: news of this form's request in another tab or later. */
const SETTLED_STATES = ['delivered', 'rejected', 'failed', 'cancelled'];

export class SubmissionController implements ReactiveController {
  id = uuid();
  createdAt?: string;
  status?: HelpFormResult;
  queue: OutboxEntry[] = [];
  inflight?: Promise<HelpFormResult>;
  /** The id that the page's script set through `data`: if another request holds it, submit() rejects instead of choosing another. */
  given?: string;
  /** The id whose content is being handed to the outbox (by delivery.ts). */
  sending?: string;
  /** The request the submit in progress is for. */
  #inflightId?: string;
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
        // Later news of this form's request (a queued one delivered when the network is back, or
        // cancelled in another tab). While our own submit runs, its result is applied when it returns.
        if (entry.id === this.id && entry.id !== this.#inflightId && SETTLED_STATES.includes(entry.state)) this.apply(entry);
      }),
    );
  }

  hostDisconnected() {
    void this.#unwatch?.then((unwatch) => unwatch());
  }

  /** The request's content has gone to the outbox, or its outcome shows: other answers are another request. */
  get sent() {
    return !!this.status || this.sending === this.id;
  }

  /** A new request, not yet sent: under `id` when the page's script gives one, else a new id. */
  startNew(id?: string, createdAt?: string) {
    this.given = id;
    this.id = id ?? uuid();
    this.createdAt = createdAt;
    this.status = undefined;
    this.#host.requestUpdate();
  }

  /** Runs `send` for this request; a second submit of the same request gets the first one's result. */
  submit(send: () => Promise<HelpFormResult>): Promise<HelpFormResult> {
    const {id, inflight} = this;
    if (inflight && this.#inflightId === id) return inflight;
    this.#inflightId = id;
    const done: Promise<HelpFormResult> = send().finally(() => {
      if (this.inflight === done) this.inflight = this.#inflightId = undefined;
    });
    return (this.inflight = done);
  }

  /**
   * Reads the outbox: the requests waiting to be sent and, with `restoring` (the id of a draft
   * read after a reload), what became of that request: delivered since (the receipt, without
   * taking focus), still waiting, or cancelled or failed (its answers then make a new request).
   */
  async loadQueue(restoring?: string) {
    const all = await outbox()
      .then(({listOutbox}) => listOutbox())
      .catch(() => []);
    this.queue = all.filter((e) => e.state === 'queued' || e.state === 'sending');
    const own = restoring === this.id && !this.status && all.find((e) => e.id === restoring);
    if (own) {
      if (own.state === 'delivered') this.apply(own, false);
      else if (this.queue.includes(own)) this.status = {id: own.id, state: 'queued', ...(own.unsaved ? {unsaved: true} : {})};
      else if (own.state !== 'rejected') this.startNew();
    }
    this.#host.requestUpdate();
  }

  /**
   * Takes the outcome of a delivery attempt (success only for a request the receiver stored) and
   * fires its event. The form shows it while it is the form's request (a new one may have started).
   */
  apply(result: SubmitResult | OutboxEntry, focus = true) {
    const {id} = result;
    // Still being sent (by another tab, when its attempt outlasted ours): waiting, as far as the resident can tell.
    const state = result.state === 'sending' ? 'queued' : result.state;
    const receipt = result.receipt ?? '';
    const host = this.#host;
    const own = id === this.id;
    if (state === 'cancelled') return void (own && this.startNew());
    const news = !own || this.status?.state !== 'delivered';
    if (own) {
      this.status = state === 'rejected' ? undefined : {id, state, ...(state === 'delivered' ? {receipt} : result.unsaved ? {unsaved: true} : {})};
      this.#show(result, focus);
      host.requestUpdate();
    }
    if (state === 'delivered') {
      if (news) dispatch(host, 'fukushi-submitted', {id, receipt});
    } else if (state === 'queued') dispatch(host, 'fukushi-queued', {id});
    else dispatch(host, 'fukushi-error', state === 'rejected' ? {id, errors: result.errors ?? []} : {id, reason: 'failed'});
  }
}
