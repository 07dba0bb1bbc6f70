/**
 * Read-aloud with the Web Speech API, one sentence per utterance (long utterances stop early in
 * some engines, and sentence steps give the highlight). Available only when the browser has a
 * Japanese (ja-JP) voice; the list of voices can arrive late, so `voiceschanged` is watched.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

export type SpeechState = 'idle' | 'playing' | 'paused';

export class ReadAloud implements ReactiveController {
  state: SpeechState = 'idle';
  /** Index of the sentence being read, or -1. */
  current = -1;
  #voice: SpeechSynthesisVoice | undefined;
  #queue: string[] = [];
  /** Bumped on every start and stop, so callbacks of a cancelled run do nothing. */
  #run = 0;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get #synth(): SpeechSynthesis | undefined {
    return (globalThis as {speechSynthesis?: SpeechSynthesis}).speechSynthesis;
  }

  readonly #check = () => {
    this.#voice = this.#synth?.getVoices().find((v) => /^ja[-_]jp$/i.test(v.lang));
    if (!this.#voice) this.stop();
    this.#host.requestUpdate();
  };

  /** True when a Japanese voice exists. */
  get available(): boolean {
    return !!this.#voice;
  }

  hostConnected() {
    this.#synth?.addEventListener?.('voiceschanged', this.#check);
    this.#check();
  }

  hostDisconnected() {
    this.stop();
    this.#synth?.removeEventListener?.('voiceschanged', this.#check);
  }

  /** Reads `sentences` from the first. */
  play(sentences: string[]) {
    this.stop();
    this.#queue = sentences;
    this.#speak(0, this.#run);
  }

  #speak(index: number, run: number) {
    if (run !== this.#run) return;
    if (index >= this.#queue.length) return this.stop();
    const utterance = new SpeechSynthesisUtterance(this.#queue[index]);
    utterance.lang = 'ja-JP';
    utterance.voice = this.#voice ?? null;
    utterance.onend = () => this.#speak(index + 1, run);
    utterance.onerror = () => run === this.#run && this.stop();
    this.current = index;
    if (this.state !== 'paused') this.state = 'playing';
    this.#synth?.speak(utterance);
    this.#host.requestUpdate();
  }

  pause() {
    this.#synth?.pause();
    this.state = 'paused';
    this.#host.requestUpdate();
  }

  resume() {
    this.#synth?.resume();
    this.state = 'playing';
    this.#host.requestUpdate();
  }

  stop() {
    this.#run++;
    if (this.state !== 'idle') this.#synth?.cancel();
    this.state = 'idle';
    this.current = -1;
    this.#host.requestUpdate();
  }
}
