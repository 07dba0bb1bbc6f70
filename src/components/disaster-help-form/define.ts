import {FukushiDisasterHelpForm} from './disaster-help-form.js';

export {FukushiDisasterHelpForm};
FukushiDisasterHelpForm.define('fukushi-disaster-help-form');
