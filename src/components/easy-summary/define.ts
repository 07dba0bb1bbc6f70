// The widgets it contains are defined with it (for pages that load only this widget).
import '../reading-controls/define.js';
import '../contact-card/define.js';
import {FukushiEasySummary} from './easy-summary.js';

export {FukushiEasySummary};
FukushiEasySummary.define('fukushi-easy-summary');
