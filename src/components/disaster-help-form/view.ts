import type {Text} from '../../core/data/types.js';
import type {FieldError} from '../../core/outbox/types.js';
import type {EngineText, Mode, Step} from '../../core/help-request/form-definition.js';
import type {Answers, Ctx} from '../../core/help-request/engine.js';
import type {ReactiveControllerHost} from 'lit';
import type {Contact} from '../../ui/fallback.js';
import type {Announcer} from '../../ui/announcer.js';
import type {FocusController} from '../../ui/focus-controller.js';
import type {ReadingController} from '../../ui/reading-controller.js';
import type {JsonController} from '../../ui/json-controller.js';
import type {Dataset} from '../../core/data/types.js';
import type {FormDefinition} from '../../core/help-request/form-definition.js';
import type {HelpMode, HelpRequest} from '../../core/help-request/types.js';
import type {DraftController} from './draft-controller.js';
import type {SubmissionController} from './submission-controller.js';

/**
 * What the form's renderers (fields.ts, status.ts) draw from. The element makes a new one on
 * every render, so the renderers keep no state of their own.
 */
export interface FormView {
  /** The definition, the dataset and the reading mode. */
  ctx: Ctx;
  /** The `lang` of the widget's text: easy Japanese is Japanese. */
  lang: 'ja' | 'en';
  /** Readings are shown (where ruby cannot go, in brackets). */
  furigana: boolean;
  /** Who to phone when the form cannot help: the dataset's own fallback contact, if one is known. */
  contact: Contact | undefined;
  answers: Answers;
  errors: FieldError[];
  /** The person registered fills in the form: autocomplete may offer their own details. */
  self: boolean;
  /** The device location could not be read. */
  geoError: boolean;
  /** A definition text (or an engine text by key) with furigana as the reader chose. */
  T(text?: Text | EngineText, vars?: Record<string, unknown>): unknown;
  /** A UI string (ruby notation) with furigana as the reader chose. */
  t(notation?: string): unknown;
  /** A dataset text (a shelter's or a town's name) in the reading mode, marked with its language where it fell back. */
  text(text?: Text): unknown;
  /** A heading `sub` levels below the step's title. */
  h(content: unknown, sub?: number, className?: string): unknown;
  /** The element's shadow root, where the error summary's links move focus. */
  root(): ShadowRoot | null;
  /** The geo field's buttons: share the device location as the answer at `key`, or stop sharing it. */
  locate(key: string): void;
  unlocate(key: string): void;
  /** The check page's change links: open a step, then come back. */
  change(step: string): void;
}

/** The step on screen: the steps that apply, which one, and how the resident got there. */
export interface StepPage {
  mode: Mode;
  steps: Step[];
  index: number;
  /** A life is at risk: 119 and 110 go above the form. */
  risk: boolean;
  /** Opened from the check page: the back link returns there. */
  fromCheck: boolean;
}

/** The step form's event handlers; Lit calls each with the element as `this`. */
export interface StepHandlers {
  back(): void;
  submit(event: Event): void;
  input(event: Event): void;
  change(event: Event): void;
  keydown(event: KeyboardEvent): void;
  composition(event: CompositionEvent): void;
}

/** What the form's steps (form-steps.ts) read and set on the element: its state, and what it renders with. */
export interface FormElementState extends HTMLElement, ReactiveControllerHost {
  answers: Answers;
  errors: FieldError[];
  confirmDelete: boolean;
  geoError: boolean;
  step: string;
  mode: HelpMode;
  endpoint?: string;
  headingLevel: number;
  readonly data: HelpRequest;
  renderDataText(text: Text | undefined): unknown;
  emit(type: string, detail: unknown): boolean;
}

/**
 * What the element shares with its lazily loaded steps (form-steps.ts): its state, its
 * controllers and its text helpers. The element makes one as it is constructed.
 */
export interface FormParts {
  el: FormElementState;
  loader: JsonController<Dataset>;
  definition: JsonController<FormDefinition>;
  submission: SubmissionController;
  drafts: DraftController;
  announcer: Announcer;
  focus: FocusController;
  reading: ReadingController;
  /** A step opened from the check page (or reopened with errors): Continue returns to the check page. */
  fromCheck: boolean;
  /** Answers were given through `data`: a saved draft does not replace them. */
  dataSet: boolean;
  t: FormView['t'];
  /** Opens a step (or `done`), moving focus to `focus` after the render, and saves the draft. */
  go(step: string, focus?: string): void;
}
