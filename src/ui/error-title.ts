/**
 * 「エラー：」 at the start of the page title while a form shows errors (GOV.UK), so that a
 * screen-reader user hears it first; the title is restored when the errors go or the form leaves.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {msg} from '@lit/localize';
import {plainText} from '../core/text/ruby.js';

export class ErrorTitleController implements ReactiveController {
  /** The page title before 「エラー：」 was put in front of it. */
  #base?: string;

  readonly #showing: () => boolean;

  constructor(host: ReactiveControllerHost, showing: () => boolean) {
    this.#showing = showing;
    host.addController(this);
  }

  hostUpdated() {
    this.#set(this.#showing());
  }

  hostDisconnected() {
    this.#set(false);
  }

  #set(on: boolean) {
    if (on && this.#base === undefined) {
      this.#base = document.title;
      document.title = plainText(msg('エラー：')) + this.#base;
    } else if (!on && this.#base !== undefined) {
      document.title = this.#base;
      this.#base = undefined;
    }
  }
}
