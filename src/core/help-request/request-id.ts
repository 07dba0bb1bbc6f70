/** A request's id (its Idempotency-Key): made and checked without the rest of the form engine. */
import {PATTERNS} from './types.js';

/** A UUID v4: crypto.randomUUID where there is one (secure contexts), else getRandomValues. */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16));

export const isUuid = (value: unknown) => typeof value === 'string' && RegExp(PATTERNS.uuid).test(value);
