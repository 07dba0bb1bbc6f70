/**
 * The help form's code beyond its start-up: what the form does once its fields show (its steps,
 * form-steps.ts), the form engine, the fields, the status views and the device's location.
 * The element loads it as it connects, in parallel with the form definition, which it needs
 * before it can show a field anyway; the phone numbers and notices (phones.ts) need none of it.
 */
export {answersOf, buildPayload} from '../../core/help-request/engine.js';
export {FormSteps} from './form-steps.js';
export {styles} from './fields.styles.js';
