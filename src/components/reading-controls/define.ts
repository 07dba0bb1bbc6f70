import {FukushiReadingControls} from './reading-controls.js';

export {FukushiReadingControls};
FukushiReadingControls.define('fukushi-reading-controls');
