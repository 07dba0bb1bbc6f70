// The way a consumer of the published schemas checks data: ajv's draft 2020-12 build in strict
// mode, with the formats of ajv-formats (full mode: "uri" follows RFC 3986).
import {Ajv2020} from 'ajv/dist/2020.js';
import type {Options} from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its function is the default export, or the module itself.
const addFormats = ((addFormatsModule as unknown as {default?: typeof addFormatsModule}).default ?? addFormatsModule) as typeof addFormatsModule;

export function strictAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({strict: true, ...options});
  addFormats(ajv);
  return ajv;
}
