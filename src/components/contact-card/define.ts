import {FukushiContactCard} from './contact-card.js';

export {FukushiContactCard};
FukushiContactCard.define('fukushi-contact-card');
