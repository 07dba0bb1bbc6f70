// The widgets it contains are defined with it (for pages that load only this widget).
import '../reading-controls/define.js';
import '../contact-card/define.js';
import {FukushiServiceFinder} from './service-finder.js';

export {FukushiServiceFinder};
FukushiServiceFinder.define('fukushi-service-finder');
