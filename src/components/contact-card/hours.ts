/**
 * The opening-hours code a card needs to show a desk (the open-now line, the weekly hours, the
 * closed days): it loads as the card connects, in parallel with the data (ui/lazy.ts).
 */
export {rulesFromSchedules, schedulesFromRules} from '../../core/hours/opening-hours.js';
export {msToTokyoMidnight, openStatus} from '../../core/hours/status.js';
export {clock, closuresText, nextOpeningText, weeklyLines} from '../../core/hours/format.js';
export {styles} from './hours.styles.js';
export {openStatusLine} from '../../ui/open-status.js';
