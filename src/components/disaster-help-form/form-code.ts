/**
 * The help form's code beyond its start-up: the form engine, the fields, the status views and
 * the device's location.
 * The element loads it as it connects, in parallel with the form definition, which it needs
 * before it can show a field anyway; the phone numbers and notices (phones.ts) need none of it.
 */
export {
  answersOf, buildPayload, changeAnswer, holds, normalizeTyped, refusedStep, say, shown, validateAll, validateStep,
} from '../../core/help-request/engine.js';
export {renderStep} from './fields.js';
export {locateDevice} from './geolocation.js';
export {renderDraftNote, renderQueue, renderStatus} from './status.js';
export {styles} from './fields.styles.js';
