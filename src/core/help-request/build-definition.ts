/**
 * Checks and builds a help form definition (form-definition.ts) for `fukushi-widgets
 * build-help-form`: puts shared texts in place of their names, checks the shape, the conditions
 * and that every key is a path of the help-request schema whose options the schema allows, then
 * adds readings to every Japanese text. Every problem names its JSON path, what is wrong and what
 * to do. Build-time only: nothing here ships to the browser.
 */
import {isObject} from '../data/quick-check.js';
import type {Problem} from '../data/validate.js';
import {ENGINE_TEXTS, FORM_FORMAT, type FormDefinition} from './form-definition.js';
import {KINDS as KIND_TABLE, type FieldKind} from './field-kinds.js';
import {helpRequestJsonSchema} from './schema.js';

type Json = Record<string, unknown>;

const KINDS = Object.keys(KIND_TABLE);
/** Kinds whose choices editors list in `options`. */
const WITH_OPTIONS = KINDS.filter((k) => KIND_TABLE[k as FieldKind].options);
/** Kinds whose answer belongs to the town field named in `from`. */
const WITH_FROM = KINDS.filter((k) => KIND_TABLE[k as FieldKind].from);
const LANGS = ['ja', 'ja-x-easy', 'en'];
/** Properties whose value is a Text (or, in the source, the name of one in `texts`). */
const TEXT_PROPS = ['label', 'hint', 'error', 'legend', 'title', 'name', 'caption', 'submit'];
/** Placeholders each engine text may use. */
const PLACEHOLDERS: Record<string, string[]> = {
  errorRequired: ['label'], errorChoose: ['label'], errorChooseSome: ['label'], errorMax: ['label', 'max'], errorTel: ['label'],
  errorEmail: ['label'], errorKana: ['label'], errorNum: ['label'], errorDate: ['label'], errorDatePast: ['label'], errorList: ['label'],
  groupLabel: ['group', 'label'], chome: ['n'], postal: ['code'], distance: ['m'], geoUsing: ['m'],
};

const isText = (v: unknown): v is Json => isObject(v) && typeof v.ja === 'string';
const at = (path: string, k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort().join(',');

/** Puts the Text named by each string in a Text position (in a copy); unknown names are problems. */
export function resolveTexts(source: unknown, problems: Problem[] = []): unknown {
  const texts = isObject(source) && isObject(source.texts) ? source.texts : {};
  const lookup = (name: string, path: string) => {
    if (isObject(texts[name])) return structuredClone(texts[name]);
    problems.push({path, message: `there is no text named "${name}" in $.texts`, fix: `add "${name}": {"ja": "…", "ja-x-easy": "…", "en": "…"} to "texts", or write the text here`});
    return name;
  };
  const walk = (value: unknown, path: string, textual: boolean): unknown => {
    if (typeof value === 'string' && textual) return lookup(value, path);
    if (Array.isArray(value)) return value.map((v, i) => walk(v, at(path, i), textual));
    if (!isObject(value) || isText(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, path === '$' && k === 'texts' ? v : walk(v, at(path, k), TEXT_PROPS.includes(k) || k === 'text' || k === 'after')]),
    );
  };
  return walk(source, '$', false);
}

/** Where the build's inputs are, for messages: the dataset whose sources rules cite, and the advice on adding a missing reading. */
export interface BuildNames {
  /** The dataset given with --dataset. */
  dataset?: string;
  /** What to do about a kanji without a reading, besides writing ｜漢字《かんじ》 (the CLI names the readings file in use). */
  readings?: string;
}

/**
 * Problems of a definition whose text names are resolved. `sources`: the dataset's source ids,
 * to check provenance (unchecked without them); `names`: where the inputs are, for messages.
 */
export function checkDefinition(def: unknown, sources?: readonly string[], names: BuildNames = {}): Problem[] {
  const dataset = names.dataset ? `the dataset ${names.dataset}` : 'the dataset';
  const out: Problem[] = [];
  const problem = (path: string, message: string, fix: string) => out.push({path, message, fix});
  const known = (o: Json, path: string, keys: string[]) => {
    for (const k of Object.keys(o)) if (!keys.includes(k) && k !== '$comment') problem(at(path, k), `unknown property "${k}"`, `use only ${keys.join(', ')}`);
  };
  const text = (v: unknown, path: string, allowed: string[] = []) => {
    if (!isText(v)) return problem(path, 'must be a text {"ja", "ja-x-easy", "en"} (or, in the source, the name of one in "texts")', 'write {"ja": "…", "ja-x-easy": "…", "en": "…"}');
    known(v, path, LANGS);
    for (const lang of LANGS) {
      const s = v[lang];
      if (typeof s !== 'string' || !s.trim()) problem(at(path, lang), `the ${lang} text is missing or empty`, 'write it: the form shows every text in every reading mode');
      else if (placeholders(s) !== placeholders(v.ja as string) || placeholders(s).split(',').some((p) => p && !allowed.includes(p))) {
        problem(at(path, lang), `placeholders ${JSON.stringify(s.match(/\{\w+\}/g) ?? [])} do not fit`, allowed.length ? `use ${allowed.map((p) => `{${p}}`).join(', ')} in every language` : 'remove the {…}: this text takes no values');
      }
    }
  };
  const provenance = (v: unknown, path: string) => {
    if (v === undefined) return;
    if (!isObject(v) || !['verified', 'dated', 'unverified'].includes(v.status as string)) {
      return problem(path, 'must be {"status": "verified"|"dated"|"unverified", "sources": [...]}', 'say where the rule comes from');
    }
    known(v, path, ['status', 'sources', 'note']);
    const ids = v.sources;
    if (v.status !== 'unverified' && (!Array.isArray(ids) || !ids.length)) problem(at(path, 'sources'), 'a verified or dated rule needs sources', `list ids from the "sources" of ${dataset}`);
    if (Array.isArray(ids) && sources) {
      ids.forEach((id, i) => sources.includes(id) || problem(at(at(path, 'sources'), i), `no source "${id}" in ${dataset}`, `use an id from the "sources" of ${dataset}`));
    }
  };
  if (!isObject(def)) {
    problem('$', 'must be an object', 'see src/core/help-request/form-definition.ts');
    return out;
  }
  known(def, '$', ['format', 'id', 'title', 'modes', 'texts', 'readings_complete', 'x_jp']);
  if (def.format !== FORM_FORMAT) problem('$.format', `must be ${FORM_FORMAT}`, `write "format": ${FORM_FORMAT}`);
  if (typeof def.id !== 'string' || !def.id) problem('$.id', 'must be a name for this definition', 'write e.g. "id": "my-town"');
  text(def.title, '$.title');
  provenance(def.x_jp, '$.x_jp');
  const texts = isObject(def.texts) ? def.texts : {};
  if (!isObject(def.texts)) problem('$.texts', 'must be an object of texts by name', 'add "texts": {…}');
  for (const [k, v] of Object.entries(texts)) text(v, at('$.texts', k), PLACEHOLDERS[k]);
  for (const k of ENGINE_TEXTS) if (!(k in texts)) problem(at('$.texts', k), `the form needs the text "${k}"`, 'add it to "texts" (see ENGINE_TEXTS in form-definition.ts)');

  const schema = helpRequestJsonSchema() as {$defs: Record<string, Json>};
  const modes = isObject(def.modes) ? def.modes : {};
  if (!isObject(def.modes)) problem('$.modes', 'must hold "register" and "urgent"', 'add "modes": {"register": {…}, "urgent": {…}}');
  known(modes, '$.modes', ['register', 'urgent']);
  for (const name of ['register', 'urgent']) {
    const mp = at('$.modes', name);
    const mode = modes[name];
    if (!isObject(mode)) {
      problem(mp, 'the mode is missing', `add "${name}": {"name": …, "after": […], "steps": […]}`);
      continue;
    }
    known(mode, mp, ['name', 'caption', 'submit', 'after', 'self', 'emergency', 'steps']);
    text(mode.name, at(mp, 'name'));
    if (mode.caption !== undefined) text(mode.caption, at(mp, 'caption'));
    if (mode.submit !== undefined) text(mode.submit, at(mp, 'submit'));
    if (!Array.isArray(mode.after) || !mode.after.length) problem(at(mp, 'after'), 'must list what happens next', 'write one or more texts');
    else mode.after.forEach((t, i) => text(t, at(at(mp, 'after'), i)));
    const steps = Array.isArray(mode.steps) ? mode.steps.filter(isObject) : [];
    if (!steps.length) problem(at(mp, 'steps'), 'must list the steps', 'add at least one step');
    // Every field of the mode, to check conditions and references against.
    const fields = new Map<string, {field: Json; path: string}>();
    steps.forEach((s, i) =>
      (Array.isArray(s.fields) ? s.fields : []).forEach((f: unknown, j) => {
        const path = at(at(at(at(mp, 'steps'), i), 'fields'), j);
        if (!isObject(f) || typeof f.key !== 'string') return;
        if (fields.has(f.key)) problem(at(path, 'key'), `"${f.key}" is also asked at ${fields.get(f.key)!.path}`, 'ask each answer once per mode');
        else fields.set(f.key, {field: f, path});
      }),
    );
    const values = (key: string) => (fields.get(key)?.field.options as Array<{value: unknown}> | undefined)?.map((o) => o?.value);
    const when = (w: unknown, path: string) => {
      if (w === undefined) return;
      (Array.isArray(w) ? w : [w]).forEach((c: unknown, i) => {
        const cp = Array.isArray(w) ? at(path, i) : path;
        if (!isObject(c) || typeof c.key !== 'string' || !Array.isArray(c.in) || !c.in.length || c.in.some((v) => typeof v !== 'string')) {
          return problem(cp, 'a condition must be {"key": "<a field key>", "in": ["<value>", …]} (with "not": true to turn it round)', 'name the field and the answers that make it hold');
        }
        known(c, cp, ['key', 'in', 'not', 'x_jp']);
        if (c.not !== undefined && typeof c.not !== 'boolean') problem(at(cp, 'not'), 'must be true or false', 'write "not": true, or leave it out');
        provenance(c.x_jp, at(cp, 'x_jp'));
        if (!fields.has(c.key)) return problem(at(cp, 'key'), `no field "${c.key}" in this mode`, 'use the key of a field of this mode');
        const allowed = values(c.key);
        c.in.forEach((v, j) => allowed && !allowed.includes(v) && problem(at(at(cp, 'in'), j), `"${v}" is not an option of ${c.key}`, `use one of ${allowed.join(', ')}`));
      });
    };
    when(mode.self, at(mp, 'self'));
    when(mode.emergency, at(mp, 'emergency'));
    const ids = new Set<string>();
    steps.forEach((s, i) => {
      const sp = at(at(mp, 'steps'), i);
      known(s, sp, ['id', 'title', 'intro', 'when', 'fields', 'groups', 'check', 'shelters']);
      if (typeof s.id !== 'string' || !/^[a-z][\w-]*$/.test(s.id) || s.id === 'done') problem(at(sp, 'id'), 'must be a name in lower case ("done" is taken)', 'write e.g. "id": "address"');
      else if (ids.has(s.id)) problem(at(sp, 'id'), `"${s.id}" is used twice`, 'give each step its own id');
      else ids.add(s.id);
      text(s.title, at(sp, 'title'));
      when(s.when, at(sp, 'when'));
      if (s.check !== undefined && typeof s.check !== 'boolean') problem(at(sp, 'check'), 'must be true or false', 'write "check": true on the check-your-answers step');
      (Array.isArray(s.intro) ? s.intro : s.intro === undefined ? [] : [null]).forEach((b: unknown, j) => {
        const bp = at(at(sp, 'intro'), j);
        if (!isObject(b) || !['p', 'h', 'ul', 'notice', 'warning', 'contact', undefined].includes(b.as as string)) {
          return problem(bp, 'must be {"as": "p"|"h"|"ul"|"notice"|"warning"|"contact", "text": …}', 'see Block in form-definition.ts');
        }
        known(b, bp, ['as', 'text']);
        if (b.as === 'contact') return;
        if (b.text === undefined) return problem(at(bp, 'text'), 'the text is missing', 'write the text');
        (Array.isArray(b.text) ? b.text : [b.text]).forEach((t, k) => text(t, Array.isArray(b.text) ? at(at(bp, 'text'), k) : at(bp, 'text')));
      });
      const groups = isObject(s.groups) ? s.groups : {};
      for (const [g, v] of Object.entries(groups)) {
        const gp = at(at(sp, 'groups'), g);
        if (!isObject(v)) problem(gp, 'must be {"legend": …}', 'write the legend of the fieldset');
        else {
          known(v, gp, ['legend', 'hint', 'prefix']);
          text(v.legend, at(gp, 'legend'));
          if (v.hint !== undefined) text(v.hint, at(gp, 'hint'));
        }
      }
      if (isObject(s.shelters)) {
        known(s.shelters, at(sp, 'shelters'), ['town', 'geo']);
        for (const k of ['town', 'geo'] as const) {
          const key = s.shelters[k];
          if (key !== undefined && fields.get(key as string)?.field.kind !== (k === 'town' ? 'town' : 'geo')) {
            problem(at(at(sp, 'shelters'), k), `must be the key of a ${k} field of this mode`, `name the ${k} field`);
          }
        }
      }
      (Array.isArray(s.fields) ? s.fields : s.fields === undefined ? [] : [null]).forEach((f: unknown, j) => {
        const fp = at(at(sp, 'fields'), j);
        if (!isObject(f)) return problem(fp, 'must be a field {"key", "kind", "label", …}', 'see Field in form-definition.ts');
        known(f, fp, ['key', 'kind', 'label', 'hint', 'error', 'required', 'or', 'group', 'autocomplete', 'own', 'max', 'options', 'from', 'postal', 'when', 'x_jp']);
        const kind = f.kind as string;
        if (!KINDS.includes(kind)) problem(at(fp, 'kind'), `unknown kind ${JSON.stringify(f.kind)}`, `use one of ${KINDS.join(', ')}`);
        text(f.label, at(fp, 'label'));
        if (f.hint !== undefined) text(f.hint, at(fp, 'hint'));
        if (f.error !== undefined) text(f.error, at(fp, 'error'));
        if (![undefined, true, false, 'group'].includes(f.required as string)) problem(at(fp, 'required'), 'must be true, false or "group"', 'write "required": true');
        if (f.required === 'group' && !(typeof f.group === 'string' && f.group in groups)) problem(at(fp, 'required'), '"group" needs the field to be in a group', 'add "group": "<a group of this step>"');
        if (f.group !== undefined && !(typeof f.group === 'string' && f.group in groups)) problem(at(fp, 'group'), `no group "${String(f.group)}" in this step`, 'add it to the step\'s "groups"');
        if (f.or !== undefined) {
          if (!Array.isArray(f.or) || !f.or.every((k) => fields.has(k))) problem(at(fp, 'or'), 'must list keys of fields of this mode', 'name the answers that can stand in for this one');
          if (f.error === undefined) problem(at(fp, 'error'), 'a field with "or" needs its own message', 'write the error, naming every answer that would do');
        }
        if (f.max !== undefined && !(Number.isInteger(f.max) && (f.max as number) > 0)) problem(at(fp, 'max'), 'must be a whole number of characters', 'write e.g. "max": 60');
        if (f.autocomplete !== undefined && typeof f.autocomplete !== 'string') problem(at(fp, 'autocomplete'), 'must be an autocomplete token', 'write e.g. "autocomplete": "tel-national"');
        if (f.own !== undefined && typeof f.own !== 'boolean') problem(at(fp, 'own'), 'must be true or false', 'write "own": true');
        if (f.postal !== undefined && kind !== 'town') problem(at(fp, 'postal'), 'only a town field shows a postal code', 'remove "postal"');
        if (WITH_FROM.includes(kind) !== (f.from !== undefined)) problem(at(fp, 'from'), `${WITH_FROM.includes(kind) ? `a ${WITH_FROM.join(' or ')} field needs` : `only ${WITH_FROM.join(' and ')} fields take`} the key of its town field`, `write "from": "<key of a town field>" on ${WITH_FROM.join(' and ')} fields only`);
        else if (f.from !== undefined && fields.get(f.from as string)?.field.kind !== 'town') problem(at(fp, 'from'), `"${String(f.from)}" is not a town field of this mode`, 'name a field of kind "town"');
        when(f.when, at(fp, 'when'));
        provenance(f.x_jp, at(fp, 'x_jp'));
        if (WITH_OPTIONS.includes(kind) !== Array.isArray(f.options)) {
          problem(at(fp, 'options'), WITH_OPTIONS.includes(kind) ? 'the choices are missing' : `a ${kind} field takes no options`, WITH_OPTIONS.includes(kind) ? 'list {"value", "label"} for each choice' : 'remove "options"');
        }
        const seen = new Set<unknown>();
        (Array.isArray(f.options) ? f.options : []).forEach((o: unknown, k) => {
          const op = at(at(fp, 'options'), k);
          if (!isObject(o) || typeof o.value !== 'string' || !o.value) return problem(op, 'must be {"value": "<code>", "label": …}', 'give each choice a code and a label');
          known(o, op, ['value', 'label']);
          if (seen.has(o.value)) problem(at(op, 'value'), `"${o.value}" is listed twice`, 'list each choice once');
          seen.add(o.value);
          text(o.label, at(op, 'label'));
        });
        // The key must be a path of the payload, with the answers the schema allows there.
        if (typeof f.key !== 'string') return problem(at(fp, 'key'), 'the key is missing', 'write the dotted path of the answer in the payload');
        const target = schemaAt(schema.$defs[name]!, f.key);
        if (!target) return problem(at(fp, 'key'), `"${f.key}" is not a path of a ${name} help request`, 'use a path of the help-request schema (npx fukushi-widgets help-request-schema)');
        const allowed = allowedValues(target, kind);
        (Array.isArray(f.options) ? f.options : []).forEach((o: unknown, k) => {
          const v = isObject(o) ? o.value : undefined;
          if (allowed && !allowed.includes(v as string)) problem(at(at(at(fp, 'options'), k), 'value'), `"${String(v)}" is not allowed at ${f.key} by the help-request schema`, `use one of ${allowed.join(', ')}`);
        });
      });
    });
    if (!steps.some((s) => s.check) && name === 'register' && steps.length > 1) {
      problem(at(mp, 'steps'), 'a mode with several steps ends with a check-your-answers step', 'add {"id": "check", "title": …, "check": true} at the end');
    }
  }
  return out;
}

/** The sub-schema at a dotted payload path ("emergency_contacts.0.phone"), or undefined. */
function schemaAt(schema: Json, key: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const part of key.split('.')) {
    if (!node) return undefined;
    if (/^\d+$/.test(part)) {
      const items = node.items as Json | undefined;
      node = node.type === 'array' && items && Number(part) < ((node.maxItems as number | undefined) ?? Infinity) ? items : undefined;
    } else node = (node.properties as Record<string, Json> | undefined)?.[part];
  }
  return node;
}

/** The values the schema allows at a path, for choice fields; undefined when it does not list them. */
function allowedValues(target: Json, kind: string): string[] | undefined {
  if (kind === 'flags') return Object.keys((target.properties as Json | undefined) ?? {});
  const list = (target.items as Json | undefined)?.enum ?? target.enum;
  return Array.isArray(list) ? (list as string[]) : undefined;
}

export interface FormBuild {
  definition: FormDefinition;
  problems: Problem[];
  /** How many Japanese texts were given readings. */
  texts: number;
}

/**
 * Adds readings to ruby notation: the data build's Annotator (src/cli/readings.ts), which also
 * reports readings that contradict their context (src/cli/reading-rules.ts).
 */
export type Annotate = (notation: string) => {notation: string; missing: string[]; misread?: Array<{message: string; fix: string}>};

/**
 * Builds a definition: checks it, then gives every Japanese text readings (failing, like the
 * data build, wherever a reading is missing) and puts shared texts in place of their names.
 */
export function buildDefinition(source: unknown, annotate: Annotate, sources?: readonly string[], names: BuildNames = {}): FormBuild {
  const problems: Problem[] = [];
  const resolved = resolveTexts(source, problems);
  // An unknown name is one problem, not also "must be a text" at the same place.
  problems.push(...checkDefinition(resolved, sources, names).filter((p) => !problems.some((q) => q.path === p.path)));
  if (problems.length) return {definition: resolved as FormDefinition, problems, texts: 0};
  let texts = 0;
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, at(path, i)));
    if (!isObject(value)) return;
    if (!isText(value)) return Object.entries(value).forEach(([k, v]) => walk(v, at(path, k)));
    for (const lang of ['ja', 'ja-x-easy']) {
      const s = value[lang] as string;
      const {notation, missing, misread = []} = annotate(s);
      if (missing.length) {
        problems.push({
          path: at(path, lang),
          message: `no reading for ${[...new Set(missing)].join('')} in "${s.length > 40 ? s.slice(0, 40) + '…' : s}"`,
          fix: `write ｜漢字《かんじ》 in the text, or ${names.readings ?? 'add the word to a readings list (--readings FILE)'}`,
        });
      }
      for (const m of misread) problems.push({path: at(path, lang), message: m.message, fix: m.fix});
      value[lang] = notation;
      texts++;
    }
  };
  // Readings go on the source's own texts (so problems point where editors write), then shared ones are put in place.
  const annotated = structuredClone(source) as Json;
  walk(annotated, '$');
  const definition = resolveTexts(annotated) as FormDefinition & {$comment?: string};
  delete definition.$comment;
  definition.readings_complete = true;
  return {definition, problems, texts};
}
