/**
 * Validates a dataset: its shape (from spec.ts), its cross-references and, in a built dataset,
 * that every kanji has a reading. Used by the loader in the browser and by the editors' CLI.
 * Every problem names the JSON path, what is wrong and what to do. Never throws.
 */
import {datasetSpec, definitions, type Spec} from './spec.js';
import type {Dataset, Location} from './types.js';
import {parseTime} from '../hours/opening-hours.js';
import {closedRangeProblem, PAST_MIDNIGHT} from '../hours/opening-hours-syntax.js';
import {isKanji} from '../text/kanji.js';
import {isRuby, parseRuby} from '../text/ruby.js';

export interface Problem {
  /** JSONPath of the value, e.g. $.locations[2].phones[0].number */
  path: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

const TEXT_KEYS = ['ja', 'ja-x-easy', 'en', 'untranslated'];
const VARIANTS = ['ja-x-easy', 'en'] as const;
const VARIANT_NAMES = {'ja-x-easy': 'easy Japanese (ja-x-easy)', en: 'English (en)'};

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v);
const show = (v: unknown) => {
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 60 ? json.slice(0, 57) + '…' : json;
};
/** A JSON path one key further: $.name.ja, $.name["ja-x-easy"]. */
export const key = (path: string, k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);

/** Browsers ignore tabs, newlines and control characters inside a URL scheme. */
function dangerousUrl(value: string): boolean {
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(javascript|vbscript):/.test(squeezed) || squeezed.startsWith('data:text/html');
}

/** Why a link is refused, most likely reason first. */
function badLink(value: string): Omit<Problem, 'path'> {
  if (!/^(https?:\/\/|tel:|mailto:)/.test(value)) {
    return {message: `${show(value)} is not an http(s), tel: or mailto: URL`, fix: 'write a full address in lower case, such as https://www.city.example.lg.jp/'};
  }
  const raw = /[^\x21-\x7e]|%(?![0-9A-Fa-f]{2})/.exec(value);
  if (raw) {
    return {message: `${show(value)} holds ${raw[0] === ' ' ? 'a space' : `"${raw[0]}"`}, which a URL cannot hold as it is`, fix: 'percent-encode it as the browser does when you copy the address: 東京 → %E6%9D%B1%E4%BA%AC, a space → %20, % → %25'};
  }
  return {message: `${show(value)} is not a well-formed URL`, fix: 'copy the address from the browser; a web address needs a host name (https://www.city.example.lg.jp/…), tel: digits, mailto: an address'};
}

function checkText(value: unknown, path: string, out: Problem[]) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push({path, message: `must be a text object, got ${typeOf(value)}`, fix: 'write {"ja": "…", "ja-x-easy": "…", "en": "…"}'});
    return;
  }
  const text = value as Record<string, unknown>;
  for (const k of Object.keys(text)) {
    if (!TEXT_KEYS.includes(k)) out.push({path: key(path, k), message: `unknown language "${k}"`, fix: 'use only ja, ja-x-easy, en and untranslated'});
  }
  if (typeof text.ja !== 'string' || !text.ja.trim()) {
    out.push({path: key(path, 'ja'), message: 'the Japanese text (ja) is missing or empty', fix: 'write the text in standard Japanese'});
  }
  const untranslated = text.untranslated;
  if (untranslated !== undefined && (!Array.isArray(untranslated) || untranslated.some((u) => !VARIANTS.includes(u)))) {
    out.push({path: key(path, 'untranslated'), message: `must list only "ja-x-easy" and "en", got ${show(untranslated)}`, fix: 'list the variants not yet written, e.g. ["en"]'});
  } else if (Array.isArray(untranslated) && new Set(untranslated).size < untranslated.length) {
    out.push({path: key(path, 'untranslated'), message: `lists a variant twice: ${show(untranslated)}`, fix: 'list each variant once'});
  }
  for (const variant of VARIANTS) {
    const v = text[variant];
    if (v === undefined) {
      if (!(Array.isArray(untranslated) && untranslated.includes(variant))) {
        out.push({
          path: key(path, variant),
          message: `the ${VARIANT_NAMES[variant]} text is missing`,
          fix: `write it, or add "${variant}" to "untranslated" to mark it as not yet translated`,
        });
      }
    } else if (typeof v !== 'string' || !v.trim()) {
      out.push({path: key(path, variant), message: `the ${VARIANT_NAMES[variant]} text must be a non-empty string`, fix: 'write the text, or remove the key and list it in "untranslated"'});
    }
  }
}

function walk(spec: Spec, value: unknown, path: string, out: Problem[]) {
  switch (spec.t) {
    case 'ref':
      return walk(definitions[spec.name]!, value, path, out);
    case 'text':
      return checkText(value, path, out);
    case 'string':
    case 'url': {
      if (typeof value !== 'string') {
        out.push({path, message: `must be a string, got ${typeOf(value)}`, fix: 'write the value in double quotes'});
        return;
      }
      if (!value.trim()) {
        out.push({path, message: 'is empty', fix: 'fill it in, or remove the field if it is optional'});
        return;
      }
      if (spec.t === 'url') {
        if (!spec.pattern.test(value)) out.push({path, ...badLink(value)});
      } else if (spec.pattern && !spec.pattern.test(value)) {
        out.push({path, message: `${show(value)} is not valid here`, fix: `write ${spec.hint ?? 'a valid value'}`});
      }
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        out.push({path, message: `must be a number, got ${show(value)}`, fix: 'write the number without quotes'});
      } else if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        out.push({path, message: `${value} is out of range`, fix: `use a number from ${spec.min} to ${spec.max}`});
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push({path, message: `must be true or false, got ${show(value)}`, fix: 'write true or false without quotes'});
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        out.push({path, message: `${show(value)} is not allowed`, fix: `use one of: ${spec.values.join(', ')}`});
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        out.push({path, message: `must be a list, got ${typeOf(value)}`, fix: 'write a list in square brackets: [ … ]'});
        return;
      }
      if (spec.min && value.length < spec.min) out.push({path, message: 'is empty', fix: `give at least ${spec.min} item`});
      value.forEach((item, i) => walk(spec.of, item, `${path}[${i}]`, out));
      return;
    case 'union': {
      const tag = (value as Record<string, unknown> | null)?.[spec.key];
      const chosen = typeof tag === 'string' ? spec.cases[tag] : undefined;
      if (!chosen) {
        out.push({path: key(path, spec.key), message: `${show(tag)} is not a known ${spec.key}`, fix: `use one of: ${Object.keys(spec.cases).join(', ')}`});
        return;
      }
      return walk(chosen, value, path, out);
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        out.push({path, message: `must be an object, got ${typeOf(value)}`, fix: 'write the fields in curly braces: { … }'});
        return;
      }
      const record = value as Record<string, unknown>;
      for (const [name, field] of Object.entries(spec.fields)) {
        if (record[name] === undefined) {
          if (!field.optional) out.push({path: key(path, name), message: 'is required but missing', fix: `add "${name}"${field.doc ? ` (${field.doc})` : ''}`});
        } else walk(field.spec, record[name], key(path, name), out);
      }
      if (!spec.open) {
        for (const name of Object.keys(record)) {
          if (!(name in spec.fields)) {
            const close = Object.keys(spec.fields).find((f) => f.toLowerCase() === name.toLowerCase() || f.replace(/_/g, '') === name.replace(/[_-]/g, ''));
            out.push({path: key(path, name), message: 'is not a known field', fix: close ? `did you mean "${close}"?` : `remove it; known fields: ${Object.keys(spec.fields).join(', ')}`});
          }
        }
      }
      return;
    }
  }
}

/** Looks for javascript: and similar URLs in every string of the data. */
function scanStrings(value: unknown, path: string, out: Problem[]) {
  if (typeof value === 'string') {
    if (dangerousUrl(value)) out.push({path, message: 'holds a javascript: (or similar) URL, which could run code', fix: 'remove it; links must be http(s), tel: or mailto:'});
  } else if (Array.isArray(value)) value.forEach((v, i) => scanStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) scanStrings(v, key(path, k), out);
}

/** Every kanji in a Japanese text of a built dataset must sit inside ruby. */
export function kanjiWithoutReading(notation: string): string[] {
  return parseRuby(notation).flatMap((segment) => (isRuby(segment) ? [] : [...segment.text].filter(isKanji)));
}

function checkReadings(value: unknown, path: string, out: Problem[]) {
  if (Array.isArray(value)) return value.forEach((v, i) => checkReadings(v, `${path}[${i}]`, out));
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.ja === 'string' && ('en' in record || 'untranslated' in record || 'ja-x-easy' in record)) {
    for (const variant of ['ja', 'ja-x-easy'] as const) {
      const missing = typeof record[variant] === 'string' ? kanjiWithoutReading(record[variant] as string) : [];
      if (missing.length) {
        out.push({path: key(path, variant), message: `no reading for ${[...new Set(missing)].join('')}`, fix: 'run the data build (fukushi-widgets build-data), or write ｜漢字《かんじ》'});
      }
    }
    return;
  }
  for (const [k, v] of Object.entries(record)) checkReadings(v, key(path, k), out);
}

interface Collection {
  path: string;
  items: Array<{id?: unknown}>;
}

function indexIds(collection: Collection, out: Problem[]): Set<string> {
  const seen = new Set<string>();
  collection.items.forEach((item, i) => {
    if (typeof item?.id !== 'string') return;
    if (seen.has(item.id)) out.push({path: `${collection.path}[${i}].id`, message: `the id "${item.id}" is used twice`, fix: 'give each item its own id'});
    seen.add(item.id);
  });
  return seen;
}

// A null where an object belongs is a shape problem reported elsewhere; {} keeps the indexes right.
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.map((x) => x ?? {}) as T[]) : []);

function checkReferences(data: Dataset, out: Problem[]) {
  const ref = (ids: Set<string>, value: unknown, path: string, what: string) => {
    if (typeof value === 'string' && !ids.has(value)) {
      out.push({path, message: `refers to the ${what} "${value}", which does not exist`, fix: `use the id of an existing ${what}, or add it`});
    }
  };
  const sources = indexIds({path: '$.sources', items: list(data.sources)}, out);
  const orgs = indexIds({path: '$.organizations', items: list(data.organizations)}, out);
  const locations = indexIds({path: '$.locations', items: list(data.locations)}, out);
  const services = indexIds({path: '$.services', items: list(data.services)}, out);
  const terms = indexIds({path: '$.taxonomy_terms', items: list(data.taxonomy_terms)}, out);
  const towns = indexIds({path: '$.towns', items: list(data.towns)}, out);
  const areas = indexIds({path: '$.areas', items: list(data.areas)}, out);
  indexIds({path: '$.shelters', items: list(data.shelters)}, out);
  indexIds({path: '$.intents', items: list(data.intents)}, out);
  indexIds({path: '$.glossary', items: list(data.glossary)}, out);

  // Provenance anywhere: its sources must exist, and only unverified facts may lack them.
  const provenance = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => provenance(v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.status === 'string' && ['verified', 'dated', 'unverified'].includes(record.status)) {
      const cited = list<string>(record.sources);
      cited.forEach((id, i) => ref(sources, id, `${path}.sources[${i}]`, 'source'));
      if (record.status !== 'unverified' && !cited.length) {
        out.push({path: `${path}.sources`, message: `a ${record.status} fact has no source`, fix: 'cite the source id, or mark the fact "unverified"'});
      }
    }
    for (const [k, v] of Object.entries(record)) if (k !== 'sources') provenance(v, key(path, k));
  };
  provenance(data, '$');

  list<Record<string, unknown>>(data.locations).forEach((l, i) => ref(orgs, l.organization_id, `$.locations[${i}].organization_id`, 'organization'));
  const plan = data.plan;
  const goalIds = new Set(list<{id: string}>(plan?.goals).map((g) => g.id));
  const measureIds = new Set(list<{measures: unknown}>(plan?.goals).flatMap((g) => list<{id: string}>(g.measures).map((m) => m.id)));
  const priorityIds = new Set(list<{id: string}>(plan?.priorities).map((p) => p.id));
  const itemIds = new Set(list<{items: unknown}>(plan?.sub_plans).flatMap((p) => list<{id: string}>(p.items).map((m) => m.id)));
  list<Dataset['services'][number]>(data.services).forEach((svc, i) => {
    const at = `$.services[${i}]`;
    ref(orgs, svc.organization_id, `${at}.organization_id`, 'organization');
    list<{location_id: string}>(svc.service_at_locations).forEach((s, j) => ref(locations, s.location_id, `${at}.service_at_locations[${j}].location_id`, 'location'));
    list<{taxonomy_term_id: string}>(svc.attributes).forEach((a, j) => ref(terms, a.taxonomy_term_id, `${at}.attributes[${j}].taxonomy_term_id`, 'taxonomy term'));
    list<{towns?: string[]}>(svc.service_areas).forEach((a, j) => list<string>(a.towns).forEach((t, k) => ref(towns, t, `${at}.service_areas[${j}].towns[${k}]`, 'town')));
    if (plan) {
      list<Record<string, string>>(svc.x_jp?.plan_refs).forEach((r, j) => {
        ref(goalIds as Set<string>, r.goal, `${at}.x_jp.plan_refs[${j}].goal`, 'plan goal');
        ref(measureIds as Set<string>, r.measure, `${at}.x_jp.plan_refs[${j}].measure`, 'plan measure');
        ref(itemIds as Set<string>, r.item, `${at}.x_jp.plan_refs[${j}].item`, 'sub-plan item');
      });
      ref(priorityIds as Set<string>, svc.x_jp?.priority, `${at}.x_jp.priority`, 'plan priority');
    }
  });
  list<{towns: unknown}>(data.areas).forEach((a, i) => list<string>(a.towns).forEach((t, j) => ref(towns, t, `$.areas[${i}].towns[${j}]`, 'town')));
  list<{area_id?: string}>(data.towns).forEach((t, i) => ref(areas, t.area_id, `$.towns[${i}].area_id`, 'area'));
  list<{town_id: string}>(data.shelters).forEach((s, i) => ref(towns, s.town_id, `$.shelters[${i}].town_id`, 'town'));
  list<{services: unknown; need?: string}>(data.intents).forEach((intent, i) => {
    list<string>(intent.services).forEach((s, j) => ref(services, s, `$.intents[${i}].services[${j}]`, 'service'));
    ref(terms, intent.need, `$.intents[${i}].need`, 'taxonomy term');
  });
  ref(locations, data.fallback_contact?.location_id, '$.fallback_contact.location_id', 'location');
  if (data.fallback_contact?.x_jp && data.fallback_contact.x_jp.status !== 'verified') {
    out.push({path: '$.fallback_contact.x_jp.status', message: 'the fallback phone number must be verified', fix: "use a number the city publishes and cite its source; residents see it when everything else fails"});
  }
  if (plan) {
    const policyIds = new Set(list<{id: string}>(plan.policies).map((p) => p.id));
    list<{policy_id: string}>(plan.goals).forEach((g, i) => ref(policyIds as Set<string>, g.policy_id, `$.plan.goals[${i}].policy_id`, 'plan policy'));
    const desks = (sections: unknown, path: string): void =>
      list<{blocks?: unknown; sections?: unknown}>(sections).forEach((section, i) => {
        list<{type: string; location_ids?: string[]}>(section.blocks).forEach((b, j) =>
          list<string>(b.location_ids).forEach((id, k) => ref(locations, id, `${path}[${i}].blocks[${j}].location_ids[${k}]`, 'location')),
        );
        desks(section.sections, `${path}[${i}].sections`);
      });
    desks(plan.summary, '$.plan.summary');
  }
}

/** Schedules past midnight and closed dates that OSM tools disagree on, in the words of the hours syntax (core/hours). */
function checkHours(data: Dataset, out: Problem[]) {
  list<Location>(data.locations).forEach((location, i) => {
    const at = `$.locations[${i}]`;
    list<Location['schedules'][number]>(location.schedules).forEach((s, j) => {
      const opens = parseTime(String(s.opens_at));
      const closes = parseTime(String(s.closes_at));
      if (opens !== null && closes !== null && closes <= opens) {
        out.push({path: `${at}.schedules[${j}].closes_at`, message: `${s.opens_at}-${s.closes_at} ${PAST_MIDNIGHT}`, fix: 'end this schedule at 24:00 and add one for the next day from 00:00'});
      }
    });
    const closures = location.x_jp?.closures;
    const ranges = [{range: closures?.year_end, path: 'year_end'}, ...list<{from: string; to: string}>(closures?.dates).map((range, k) => ({range, path: `dates[${k}]`}))];
    for (const {range, path} of ranges) {
      const monthDay = (v: unknown) => typeof v === 'string' && /^\d\d-\d\d$/.test(v);
      const problem = range && monthDay(range.from) && monthDay(range.to) && closedRangeProblem(range.from, range.to);
      if (problem) out.push({path: `${at}.x_jp.closures.${path}`, message: `${range.from} to ${range.to} ${problem[0]}`, fix: problem[1]});
    }
  });
}

/** Validates `data`; an empty list means it is good to use. */
export function validateDataset(data: unknown): Problem[] {
  const out: Problem[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{path: '$', message: `the dataset must be a JSON object, got ${typeOf(data)}`, fix: 'start the file with { and end it with }'}];
  }
  walk(datasetSpec, data, '$', out);
  scanStrings(data, '$', out);
  checkReferences(data as Dataset, out);
  checkHours(data as Dataset, out);
  if ((data as Dataset).readings_complete) checkReadings(data, '$', out);
  return out;
}
