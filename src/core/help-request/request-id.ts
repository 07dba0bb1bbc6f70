/** A request's id (its Idempotency-Key): made and checked without the rest of the form engine. */

/** A UUID v4, lower case (types.ts PATTERNS.uuid: the schema and the engine check it too). */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

/** A UUID v4: crypto.randomUUID where there is one (secure contexts), else getRandomValues. */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) => (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16));

export const isUuid = (value: unknown) => typeof value === 'string' && RegExp(UUID_PATTERN).test(value);
