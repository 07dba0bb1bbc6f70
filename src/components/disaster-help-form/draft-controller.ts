/**
 * The form's draft on this device (the store is drafts.ts): read when the form connects, saved
 * after each change without making typing wait, written at once when the page is hidden or the
 * form removed, and deleted once the request is received or the resident asks.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {draftStore, loadDraft, type Draft, type DraftStore} from './drafts.js';

/** The draft to save now and its key, or undefined when there is nothing to save (the receipt shows). */
export type DraftSnapshot = () => {key: string; draft: Draft} | undefined;

export class DraftController implements ReactiveController {
  /** False when drafts live in memory only (no IndexedDB): the form tells the resident. */
  persistent = true;
  #store?: DraftStore;
  #timer?: ReturnType<typeof setTimeout>;

  readonly #snapshot: DraftSnapshot;

  constructor(host: ReactiveControllerHost, snapshot: DraftSnapshot) {
    this.#snapshot = snapshot;
    host.addController(this);
  }

  hostConnected() {
    addEventListener('pagehide', this.#flush);
  }

  hostDisconnected() {
    removeEventListener('pagehide', this.#flush);
    this.#flush();
  }

  /** Opens the store (once per page) and reads the draft under `key`, unless it has expired. */
  async read(key: string): Promise<Draft | undefined> {
    this.#store = await draftStore();
    this.persistent = this.#store.persistent;
    return loadDraft(this.#store, key);
  }

  /** Saves the draft after `delay` ms of quiet, or at once. */
  save(delay = 400) {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#store) return;
    const write = () => {
      this.#timer = undefined;
      const now = this.#snapshot();
      if (now) this.#store?.put(now.key, now.draft).catch(() => undefined);
    };
    if (delay) this.#timer = setTimeout(write, delay);
    else write();
  }

  /** Deletes the draft under `key`, and any save still waiting. */
  async forget(key: string) {
    clearTimeout(this.#timer);
    await this.#store?.delete(key).catch(() => undefined);
  }

  /** Writes a waiting save now (the page is hidden, or the form removed); an unchanged draft keeps its date. */
  readonly #flush = () => this.#timer && this.save(0);
}
