/**
 * The browser's check of a dataset that `fukushi-widgets build-data` already validated (it sets
 * `readings_complete`): only the shape the widgets rely on, so that a truncated or mangled file
 * fails cleanly instead of breaking a widget. Anything else gets the full validator.
 */
import {SCHEMA_VERSION, type Dataset} from './types.js';

/** A JSON object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasText = (v: unknown) => isObject(v) && typeof v.ja === 'string';

const LISTS = ['sources', 'organizations', 'locations', 'services', 'taxonomies', 'taxonomy_terms', 'towns', 'areas', 'shelters', 'intents', 'glossary'];

/** True when `data` was built by build-data and has the shape widgets read. */
export function builtAndSound(data: unknown): data is Dataset {
  if (!isObject(data) || data.readings_complete !== true || data.schema_version !== SCHEMA_VERSION) return false;
  if (!LISTS.every((k) => Array.isArray(data[k]))) return false;
  const items = (k: string) => data[k] as unknown[];
  return (
    items('services').every((s) => isObject(s) && typeof s.id === 'string' && hasText(s.name) && Array.isArray(s.service_at_locations) && Array.isArray(s.attributes) && isObject(s.x_jp)) &&
    items('locations').every((l) => isObject(l) && typeof l.id === 'string' && hasText(l.name) && Array.isArray(l.phones) && Array.isArray(l.schedules) && Array.isArray(l.addresses) && isObject(l.x_jp)) &&
    items('towns').every((t) => isObject(t) && typeof t.id === 'string' && hasText(t.name) && Array.isArray(t.chome)) &&
    items('shelters').every((s) => isObject(s) && typeof s.town_id === 'string' && typeof s.latitude === 'number' && typeof s.longitude === 'number') &&
    items('taxonomy_terms').every((t) => isObject(t) && typeof t.id === 'string' && hasText(t.name)) &&
    isObject(data.fallback_contact) &&
    typeof data.fallback_contact.phone === 'string'
  );
}
