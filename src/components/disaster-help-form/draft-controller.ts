/**
 * The form's draft on this device (the store is drafts.ts): read when the form connects, saved
 * after each change without making typing wait, written at once when the page is hidden or the
 * form removed, and deleted once the request is received or the resident asks.
 *
 * Each form on a page holds a key of its own (`claim`): `mode:id`, or `mode:id#2`, `#3`… when an
 * earlier form on the page holds it (forms without an id, or with the same one). Forms claim as
 * they connect, so forms in the page's HTML keep their keys in page order across reloads.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Draft, DraftStore} from './drafts.js';

/** The draft to save now, or undefined when there is nothing to save (the receipt shows). */
export type DraftSnapshot = () => Draft | undefined;

/** The draft keys held by the forms connected to this page. */
const held = new Set<string>();

export class DraftController implements ReactiveController {
  /** False when drafts live in memory only (no IndexedDB): the form tells the resident. */
  persistent = true;
  /** This form's key in the store (see `claim`). */
  key = '';
  #store?: DraftStore;
  #timer?: ReturnType<typeof setTimeout>;

  readonly #snapshot: DraftSnapshot;

  constructor(host: ReactiveControllerHost, snapshot: DraftSnapshot) {
    this.#snapshot = snapshot;
    host.addController(this);
  }

  hostConnected() {
    addEventListener('pagehide', this.flush);
  }

  hostDisconnected() {
    removeEventListener('pagehide', this.flush);
    this.flush();
    held.delete(this.key);
  }

  /** Takes the first key free on this page for `base` (`mode:id`), giving up the one held before. */
  claim(base: string) {
    held.delete(this.key);
    let key = base;
    for (let n = 2; held.has(key); n++) key = `${base}#${n}`;
    held.add((this.key = key));
  }

  /** Opens the store (once per page) and reads this form's draft, unless it has expired. */
  async read(): Promise<Draft | undefined> {
    // The store's code loads with the first read, in parallel with the form's data. Without it
    // (offline before it loaded) answers stay in memory, and the form says so.
    const drafts = await import('./drafts.js').catch(() => undefined);
    if (!drafts) {
      this.persistent = false;
      return undefined;
    }
    this.#store = await drafts.draftStore();
    this.persistent = this.#store.persistent;
    return drafts.loadDraft(this.#store, this.key);
  }

  /** Saves the draft after `delay` ms of quiet, or at once. */
  save(delay = 400) {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#store) return;
    const write = () => {
      this.#timer = undefined;
      const draft = this.#snapshot();
      if (draft) this.#store?.put(this.key, draft).catch(() => undefined);
    };
    if (delay) this.#timer = setTimeout(write, delay);
    else write();
  }

  /** Deletes this form's draft, and any save still waiting. */
  async forget() {
    clearTimeout(this.#timer);
    await this.#store?.delete(this.key).catch(() => undefined);
  }

  /** Writes a waiting save now (the page is hidden, the form removed or its key about to change); an unchanged draft keeps its date. */
  readonly flush = () => this.#timer && this.save(0);
}
