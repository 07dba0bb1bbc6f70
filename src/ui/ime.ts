/**
 * Japanese input. While an IME composition is open the text is not final: widgets neither
 * rewrite nor search it, and the Enter that confirms a candidate must not submit a form.
 */
export class ImeGuard {
  /** A composition is open. */
  composing = false;

  /** For @compositionstart and @compositionend. */
  readonly track = (event: CompositionEvent) => {
    this.composing = event.type === 'compositionstart';
  };

  /** For @keydown: the Enter that confirms a candidate does not submit (Safari sends keyCode 229 after compositionend). */
  readonly guardEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (this.composing || event.isComposing || event.keyCode === 229)) event.preventDefault();
  };
}
