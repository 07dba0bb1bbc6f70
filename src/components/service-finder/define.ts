import {FukushiServiceFinder} from './service-finder.js';

export {FukushiServiceFinder};
FukushiServiceFinder.define('fukushi-service-finder');
