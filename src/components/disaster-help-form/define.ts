// The widgets it contains are defined with it (for pages that load only this widget).
import '../reading-controls/define.js';
import {FukushiDisasterHelpForm} from './disaster-help-form.js';

export {FukushiDisasterHelpForm};
FukushiDisasterHelpForm.define('fukushi-disaster-help-form');
