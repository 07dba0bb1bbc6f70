/**
 * fukushi-widgets: every widget, defined, plus the reading-preference API.
 * `dist/fukushi-widgets.js` is this module bundled into one file for a single <script>.
 */
import './components/reading-controls/define.js';
import './components/service-finder/define.js';
import './components/easy-summary/define.js';
import './components/disaster-help-form/define.js';
import './components/contact-card/define.js';

export {FukushiReadingControls} from './components/reading-controls/reading-controls.js';
export {FukushiServiceFinder} from './components/service-finder/service-finder.js';
export {FukushiEasySummary} from './components/easy-summary/easy-summary.js';
export {FukushiDisasterHelpForm} from './components/disaster-help-form/disaster-help-form.js';
export {FukushiContactCard} from './components/contact-card/contact-card.js';
export {setLocale, setFurigana, getReadingPrefs, onReadingPrefsChange} from './core/prefs/api.js';
export type {Locale, ReadingPrefs, ChoiceOptions} from './core/prefs/api.js';
export {VERSION} from './version.js';
export {submitHelpRequest, listOutbox, onOutboxChange, cancelOutboxEntry} from './core/outbox/outbox.js';
export type {OutboxEntry, OutboxState, SubmitResult, FieldError} from './core/outbox/outbox.js';
