// The widgets it contains are defined with it (for pages that load only this widget).
import '../reading-controls/define.js';
import {FukushiContactCard} from './contact-card.js';

export {FukushiContactCard};
FukushiContactCard.define('fukushi-contact-card');
