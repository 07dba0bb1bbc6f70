/**
 * fukushi-widgets: every widget, defined, plus the reading-preference API.
 * `dist/fukushi-widgets.js` is this module bundled into one file for a single <script>.
 */
import {FukushiReadingControls} from './components/reading-controls/reading-controls.js';
import {FukushiServiceFinder} from './components/service-finder/service-finder.js';
import {FukushiEasySummary} from './components/easy-summary/easy-summary.js';
import {FukushiDisasterHelpForm} from './components/disaster-help-form/disaster-help-form.js';
import {FukushiContactCard} from './components/contact-card/contact-card.js';
import {nextTask} from './ui/next-task.js';

// One widget per task: upgrading every widget of a page at once is one long task on a phone,
// during which it ignores taps. Scripts that need an element wait with customElements.whenDefined().
void (async () => {
  for (const [tag, widget] of [
    ['fukushi-reading-controls', FukushiReadingControls],
    ['fukushi-contact-card', FukushiContactCard],
    ['fukushi-service-finder', FukushiServiceFinder],
    ['fukushi-disaster-help-form', FukushiDisasterHelpForm],
    ['fukushi-easy-summary', FukushiEasySummary],
  ] as const) {
    await nextTask();
    widget.define(tag);
  }
})();

export {FukushiReadingControls} from './components/reading-controls/reading-controls.js';
export {FukushiServiceFinder} from './components/service-finder/service-finder.js';
export {FukushiEasySummary} from './components/easy-summary/easy-summary.js';
export {FukushiDisasterHelpForm} from './components/disaster-help-form/disaster-help-form.js';
export {FukushiContactCard} from './components/contact-card/contact-card.js';
export {setLocale, setFurigana, getReadingPrefs, onReadingPrefsChange} from './core/prefs/api.js';
export type {Locale, ReadingPrefs, ChoiceOptions} from './core/prefs/api.js';
export {VERSION} from './version.js';
export {submitHelpRequest, listOutbox, onOutboxChange, cancelOutboxEntry} from './core/outbox/api.js';
export type {OutboxEntry, OutboxState, SubmitResult, FieldError} from './core/outbox/types.js';
