/**
 * fukushi-widgets: every widget, defined, plus the reading-preference API.
 * `dist/fukushi-widgets.js` is this module bundled into one file for a single <script>.
 */
import './components/reading-controls/define.js';

export {FukushiReadingControls} from './components/reading-controls/reading-controls.js';
export {setLocale, setFurigana, getReadingPrefs, onReadingPrefsChange} from './core/prefs/api.js';
export type {Locale, ReadingPrefs, ChoiceOptions} from './core/prefs/api.js';
export {VERSION} from './version.js';
