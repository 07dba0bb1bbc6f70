import {FukushiEasySummary} from './easy-summary.js';

export {FukushiEasySummary};
FukushiEasySummary.define('fukushi-easy-summary');
