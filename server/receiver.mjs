#!/usr/bin/env node
/**
 * The reference receiver for <fukushi-disaster-help-form> (HTTP contract: docs/help-request-api.md).
 * Plain node:http, SQLite (better-sqlite3, WAL) and ajv with the form's own JSON Schema
 * (dist/schema/help-request.schema.json). Runbook: README.md, "受付サーバーの運用 / Running the receiver".
 *
 *   POST   /api/help-requests              store a request (Idempotency-Key: the request's UUID)
 *   OPTIONS /api/help-requests             CORS preflight (FUKUSHI_ALLOWED_ORIGINS only)
 *   GET    /api/help-requests/export?format=csv|json   staff export (Authorization: Bearer FUKUSHI_EXPORT_TOKEN)
 *   DELETE /api/help-requests/:receipt     staff: erase one request's content (same token)
 *   GET    /api/health                     {"status":"ok"}
 *
 * `createReceiver(options)` returns {handle(req, res) → Promise<boolean>, db, close()}; `handle`
 * answers the paths above and returns false for anything else, so it can sit in front of a static
 * server (scripts/start.mjs). Run alone: `npm run receiver` (node server/receiver.mjs --port 8787).
 *
 * Logs one line per request: time, method, path, status, duration, receipt and the first 8
 * characters of the key. Never a body, a field value, a header value or an error message.
 */
import {createServer} from 'node:http';
import {createHash, timingSafeEqual} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SCHEMA = resolve(here, '../dist/schema/help-request.schema.json');
export const DEFAULT_DB = resolve(here, '../var/help-requests.sqlite');
export const MAX_BODY_BYTES = 64 * 1024;
export const RATE_PER_MINUTE = 30;
const BODY_TIMEOUT_MS = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECEIPT = /^[A-Z]{1,8}-\d{8}-\d{4,}$/;

/** Settings from the environment (see the README's runbook). */
export function optionsFromEnv(env = process.env) {
  const options = {};
  if (env.FUKUSHI_DB) options.dbFile = env.FUKUSHI_DB;
  if (env.FUKUSHI_SCHEMA) options.schema = env.FUKUSHI_SCHEMA;
  if (env.FUKUSHI_EXPORT_TOKEN) options.exportToken = env.FUKUSHI_EXPORT_TOKEN;
  if (env.FUKUSHI_ALLOWED_ORIGINS) options.allowedOrigins = env.FUKUSHI_ALLOWED_ORIGINS;
  if (env.FUKUSHI_RATE_PER_MINUTE) options.ratePerMinute = Number(env.FUKUSHI_RATE_PER_MINUTE);
  if (env.FUKUSHI_TRUST_PROXY) options.trustProxy = env.FUKUSHI_TRUST_PROXY === '1';
  if (env.FUKUSHI_RECEIPT_PREFIX) options.receiptPrefix = env.FUKUSHI_RECEIPT_PREFIX;
  return options;
}

// ---------------------------------------------------------------------------------------------
// Validation: the form's JSON Schema, with field errors as dotted paths

const validDate = (s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
/** The formats the help-request schema may use; any other makes compile() throw (strict mode). */
const FORMATS = {
  date: validDate,
  time: (s) => TIME.test(s),
  'date-time': (s) => {
    const [date, time, extra] = s.split(/[Tt ]/);
    return extra === undefined && validDate(date) && TIME.test(time ?? '');
  },
  uuid: (s) => UUID.test(s),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
};

function loadSchema(schema) {
  if (schema && typeof schema === 'object') return schema;
  const file = resolve(schema ?? DEFAULT_SCHEMA);
  if (!existsSync(file)) {
    throw new Error(
      `The help-request JSON Schema is missing (${file}). Run "npm run build" first, or set FUKUSHI_SCHEMA. ` +
        'The receiver never runs without the form’s schema.',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const pointer = (path) =>
  path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

/** ajv errors → [{field, message}], `field` a dotted path into the payload. */
export function fieldErrors(errors) {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const out = [];
  const seen = new Set();
  for (const e of errors) {
    // "must match then schema" only repeats the errors found inside `then`.
    if (e.keyword === 'if') continue;
    // Errors inside an anyOf are summed up by the anyOf error itself.
    if (anyOfs.some((a) => a !== e && e.schemaPath.startsWith(`${a.schemaPath}/`))) continue;
    const path = pointer(e.instancePath);
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'required') {
      path.push(e.params.missingProperty);
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path.push(e.params.additionalProperty);
      message = 'is not allowed';
    } else if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const inner = errors.filter((x) => x.schemaPath.startsWith(`${e.schemaPath}/`));
      if (inner.length && inner.every((x) => x.keyword === 'required')) {
        message = `needs one of: ${[...new Set(inner.map((x) => x.params.missingProperty))].join(', ')}`;
      }
    } else if (e.keyword === 'pattern' || e.keyword === 'format') {
      message = 'does not have the expected form';
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${e.params.allowedValues.join(', ')}`;
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify(e.params.allowedValue)}`;
    }
    const field = path.join('.');
    if (seen.has(`${field}\n${message}`)) continue;
    seen.add(`${field}\n${message}`);
    out.push({field, message});
  }
  return out.slice(0, 50);
}

/**
 * A validator for the schema. Where the schema is a oneOf/anyOf of request kinds (register,
 * urgent), errors come from the kind the body comes closest to (its `mode`), not from every kind.
 */
const compiled = new Map();
export function createValidator(schemaOption) {
  const cacheKey = typeof schemaOption === 'object' ? undefined : resolve(schemaOption ?? DEFAULT_SCHEMA);
  if (cacheKey && compiled.has(cacheKey)) return compiled.get(cacheKey);
  const validator = compileValidator(loadSchema(schemaOption));
  if (cacheKey) compiled.set(cacheKey, validator);
  return validator;
}

function compileValidator(schema) {
  const Impl = String(schema.$schema ?? '').includes('2020-12') ? Ajv2020 : Ajv;
  const ajv = new Impl({allErrors: true, strict: true, formats: FORMATS});
  const validate = ajv.compile(schema);
  const kinds = schema.oneOf ?? schema.anyOf;
  const branches = Array.isArray(kinds)
    ? kinds.map((k) => ajv.compile({...(schema.$schema ? {$schema: schema.$schema} : {}), $defs: schema.$defs, ...k}))
    : [];
  return (body) => {
    if (validate(body)) return [];
    let errors = validate.errors ?? [];
    if (branches.length) {
      let best;
      for (const branch of branches) {
        branch(body);
        const list = branch.errors ?? [];
        const wrongKind = list.some((e) => e.instancePath === '/mode' && (e.keyword === 'const' || e.keyword === 'enum'));
        const score = list.length + (wrongKind ? 1e6 : 0);
        if (!best || score < best.score) best = {score, list};
      }
      if (best?.list.length) errors = best.list;
    }
    const list = fieldErrors(errors);
    return list.length ? list : [{field: '', message: 'does not match the help-request schema'}];
  };
}

// ---------------------------------------------------------------------------------------------
// Storage

function openDatabase(file) {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), {recursive: true});
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // a 201 means the row survives a power cut
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON'); // erased content is overwritten, not left in free pages
  db.exec(`
    CREATE TABLE IF NOT EXISTS help_requests (
      receipt         TEXT NOT NULL PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      body_sha256     TEXT,
      mode            TEXT,
      body            TEXT,
      received_at     TEXT NOT NULL,
      deleted_at      TEXT
    );
    CREATE TABLE IF NOT EXISTS receipt_sequence (
      day  TEXT NOT NULL PRIMARY KEY,
      last INTEGER NOT NULL
    );
  `);
  return db;
}

/** JSON with sorted keys, so that the same request in another key order has the same hash. */
const canonical = (v) =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const tokyoDay = new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit'});

// ---------------------------------------------------------------------------------------------
// Export

/** Leaf values of a request as [dotted path, text]: arrays of plain values are joined with "; ". */
function flatten(value, prefix = '', out = []) {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    out.push([prefix, value.join('; ')]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, value === null || value === undefined ? '' : String(value)]);
  }
  return out;
}

/** A CSV cell that Excel will not run as a formula (OWASP: prefix ' to = + - @ tab CR). */
export function csvCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(rows) {
  const flat = rows.map((r) => new Map(flatten(JSON.parse(r.body))));
  const columns = [];
  const known = new Set();
  for (const row of flat) {
    for (const key of row.keys()) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    }
  }
  const lines = [['receipt', 'received_at', ...columns].map(csvCell).join(',')];
  rows.forEach((r, i) => lines.push([r.receipt, r.received_at, ...columns.map((c) => flat[i].get(c) ?? '')].map(csvCell).join(',')));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// HTTP

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : {'Content-Type': 'application/json; charset=utf-8'}),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
const problem = (field, message) => ({errors: [{field, message}]});

/**
 * Reads at most `max` bytes of the body into memory. Resolves to a Buffer, 'too-large' (reading
 * stopped), 'timeout' or 'aborted'.
 */
function readBody(req, max) {
  return new Promise((ok) => {
    if (req.destroyed) return ok('aborted'); // the client left before we started reading
    const chunks = [];
    let size = 0;
    const timer = setTimeout(() => finish('timeout'), BODY_TIMEOUT_MS);
    timer.unref();
    function finish(result) {
      clearTimeout(timer);
      req.removeListener('data', onData);
      ok(result);
    }
    function onData(chunk) {
      size += chunk.length;
      if (size > max) finish('too-large');
      else chunks.push(chunk);
    }
    req.on('data', onData);
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish('aborted'));
    req.on('close', () => finish('aborted'));
  });
}

/**
 * Answers, then closes the connection without keeping what is still coming: the rest of the body
 * is discarded unread (at most 1 MiB or 2 s, so that the client gets the answer), then the socket
 * is destroyed.
 */
function sendAndClose(req, res, status, body, headers) {
  send(res, status, body, {...headers, Connection: 'close'});
  res.on('finish', () => {
    let discarded = 0;
    const stop = () => req.socket.destroy();
    const timer = setTimeout(stop, 2000);
    timer.unref();
    req.on('data', (chunk) => (discarded += chunk.length) > 1024 * 1024 && stop());
    req.on('end', () => {
      clearTimeout(timer);
      stop();
    });
    req.resume();
  });
}

/**
 * @param {object} [options]
 * @param {string} [options.dbFile]  SQLite file (default var/help-requests.sqlite; ':memory:' in tests)
 * @param {string|object} [options.schema]  the help-request JSON Schema, a path or the object
 * @param {string} [options.exportToken]  staff token for export and delete; unset: both answer 404
 * @param {string|string[]} [options.allowedOrigins]  CORS origins (comma-separated), e.g. "https://www.city.nishitokyo.lg.jp"
 * @param {number} [options.maxBodyBytes]  64 KiB
 * @param {number} [options.ratePerMinute]  per client IP (token bucket); 0 turns it off
 * @param {boolean} [options.trustProxy]  take the client IP from X-Forwarded-For (last hop)
 * @param {string} [options.receiptPrefix]  "NT"
 * @param {string} [options.basePath]  "/api"
 * @param {(line: string) => void} [options.log]
 * @param {() => number} [options.now]
 */
export function createReceiver(options = {}) {
  const {
    dbFile = DEFAULT_DB,
    exportToken,
    maxBodyBytes = MAX_BODY_BYTES,
    ratePerMinute = RATE_PER_MINUTE,
    trustProxy = false,
    receiptPrefix = 'NT',
    basePath = '/api',
    log = (line) => console.log(line),
    now = () => Date.now(),
  } = options;
  const validate = createValidator(options.schema);
  const allowed = new Set(
    (Array.isArray(options.allowedOrigins) ? options.allowedOrigins : String(options.allowedOrigins ?? '').split(','))
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter((o) => o && o !== '*'),
  );
  const tokenHash = exportToken ? createHash('sha256').update(exportToken).digest() : undefined;
  const db = openDatabase(dbFile);

  const byKey = db.prepare('SELECT receipt, body_sha256, deleted_at FROM help_requests WHERE idempotency_key = ?');
  const nextNumber = db.prepare(
    'INSERT INTO receipt_sequence (day, last) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last',
  );
  const insertRow = db.prepare(
    'INSERT INTO help_requests (receipt, idempotency_key, body_sha256, mode, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const store = db.transaction((key, hash, mode, body, at) => {
    const day = tokyoDay.format(new Date(at)).replace(/-/g, '');
    const receipt = `${receiptPrefix}-${day}-${String(nextNumber.get(day).last).padStart(4, '0')}`;
    insertRow.run(receipt, key, hash, mode, body, new Date(at).toISOString());
    return receipt;
  });
  const listRows = db.prepare(
    'SELECT receipt, received_at, body FROM help_requests WHERE deleted_at IS NULL ORDER BY received_at, receipt',
  );
  const erase = db.prepare(
    'UPDATE help_requests SET body = NULL, body_sha256 = NULL, deleted_at = ? WHERE receipt = ? AND deleted_at IS NULL',
  );

  // Rate limit: a token bucket per client IP, refilled continuously.
  const buckets = new Map();
  function take(ip) {
    if (!ratePerMinute) return 0;
    const t = now();
    if (buckets.size > 10_000) for (const [k, b] of buckets) if (t - b.at > 60_000) buckets.delete(k);
    const b = buckets.get(ip) ?? {tokens: ratePerMinute, at: t};
    b.tokens = Math.min(ratePerMinute, b.tokens + ((t - b.at) * ratePerMinute) / 60_000);
    b.at = t;
    buckets.set(ip, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / ratePerMinute));
  }
  const clientIp = (req) =>
    (trustProxy && String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim()) || req.socket.remoteAddress || '?';

  /** 'none' (no Origin), 'same', 'allowed' (CORS headers set) or 'denied'. */
  function cors(req, res) {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (!origin) return 'none';
    if (allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      return 'allowed';
    }
    try {
      if (new URL(origin).host === req.headers.host) return 'same';
    } catch {
      // "null" or garbage: not the same origin
    }
    return 'denied';
  }

  function staff(req, res) {
    if (!tokenHash) {
      send(res, 404, problem('', 'not found'));
      return false;
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const given = createHash('sha256')
      .update(m?.[1] ?? '')
      .digest();
    if (!m || !timingSafeEqual(given, tokenHash)) {
      send(res, 401, problem('', 'a valid staff token is required'), {'WWW-Authenticate': 'Bearer realm="fukushi-receiver"'});
      return false;
    }
    return true;
  }

  async function post(req, res, ctx) {
    const wait = take(clientIp(req));
    if (wait) return send(res, 429, problem('', 'too many requests; retry later'), {'Retry-After': String(wait)});
    const key = String(req.headers['idempotency-key'] ?? '').trim().toLowerCase();
    if (!UUID.test(key)) return send(res, 400, problem('Idempotency-Key', 'the Idempotency-Key header must be the request’s UUID'));
    ctx.key = key;
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return sendAndClose(req, res, 415, problem('', 'Content-Type must be application/json'));
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
      return sendAndClose(req, res, 413, problem('', `the body is larger than ${maxBodyBytes} bytes`));
    }
    const raw = await readBody(req, maxBodyBytes);
    if (raw === 'aborted') return;
    if (raw === 'timeout') return sendAndClose(req, res, 408, problem('', 'the body came too slowly'));
    if (raw === 'too-large') return sendAndClose(req, res, 413, problem('', `the body is larger than ${maxBodyBytes} bytes`));
    let body;
    try {
      body = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(raw));
    } catch {
      return send(res, 400, problem('', 'the body is not valid UTF-8 JSON'));
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 400, problem('', 'the body must be a JSON object'));
    if (String(body.id ?? '').toLowerCase() !== key) return send(res, 400, problem('id', 'must equal the Idempotency-Key header'));
    const hash = sha256(canonical(body));
    const replay = (row) => {
      ctx.receipt = row.receipt;
      // A deleted request's key still answers with its receipt, so that a late retry is not stored again.
      if (row.deleted_at || row.body_sha256 === hash) return send(res, 200, {receipt: row.receipt});
      return send(res, 409, {
        receipt: row.receipt,
        errors: [{field: 'id', message: 'this request was already received with different content (see receipt)'}],
      });
    };
    const existing = byKey.get(key);
    if (existing) return replay(existing);
    const errors = validate(body);
    if (errors.length) return send(res, 422, {errors});
    let receipt;
    try {
      receipt = store.immediate(key, hash, typeof body.mode === 'string' ? body.mode : null, JSON.stringify(body), now());
    } catch (error) {
      // Another process stored the same key between the lookup and the insert.
      if (error?.code === 'SQLITE_CONSTRAINT_UNIQUE' || error?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        const row = byKey.get(key);
        if (row) return replay(row);
      }
      throw error;
    }
    ctx.receipt = receipt;
    send(res, 201, {receipt}, {Location: `${basePath}/help-requests/${receipt}`});
  }

  function exportAll(req, res, url) {
    if (take(clientIp(req))) return send(res, 429, problem('', 'too many requests'), {'Retry-After': '60'});
    if (!staff(req, res)) return;
    const format = url.searchParams.get('format') ?? 'json';
    const rows = listRows.all();
    const day = tokyoDay.format(new Date(now())).replace(/-/g, '');
    if (format === 'json') {
      const list = rows.map((r) => ({receipt: r.receipt, received_at: r.received_at, request: JSON.parse(r.body)}));
      return send(res, 200, list, {'Content-Disposition': `attachment; filename="help-requests-${day}.json"`});
    }
    if (format !== 'csv') return send(res, 400, problem('format', 'must be csv or json'));
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="help-requests-${day}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(toCsv(rows));
  }

  function remove(req, res, receipt, ctx) {
    if (take(clientIp(req))) return send(res, 429, problem('', 'too many requests'), {'Retry-After': '60'});
    if (!staff(req, res)) return;
    if (!RECEIPT.test(receipt)) return send(res, 404, problem('', 'no such request'));
    ctx.receipt = receipt;
    if (!erase.run(new Date(now()).toISOString(), receipt).changes) return send(res, 404, problem('', 'no such request'));
    db.pragma('wal_checkpoint(TRUNCATE)'); // the erased content leaves the WAL file too
    send(res, 204);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const collection = `${basePath}/help-requests`;
    if (path !== `${basePath}/health` && path !== collection && !path.startsWith(`${collection}/`)) return false;
    const started = process.hrtime.bigint();
    const ctx = {};
    res.once('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.writableFinished ? res.statusCode : 'aborted';
      const logPath = path.startsWith(`${collection}/`) && !path.endsWith('/export') ? `${collection}/${ctx.receipt ?? ':receipt'}` : path;
      log(
        `${new Date(now()).toISOString()} ${req.method} ${logPath} ${status} ${ms.toFixed(1)}ms` +
          (ctx.receipt ? ` receipt=${ctx.receipt}` : '') +
          (ctx.key ? ` key=${ctx.key.slice(0, 8)}` : ''),
      );
    });
    try {
      await route(req, res, url, path, ctx);
    } catch (error) {
      ctx.error = error?.code ?? error?.name;
      log(`${new Date(now()).toISOString()} error ${ctx.error ?? 'unknown'} in ${req.method} ${path}`);
      if (!res.headersSent) send(res, 500, problem('', 'internal error; retry later'));
      else res.destroy();
    }
    return true;
  }

  async function route(req, res, url, path, ctx) {
    const collection = `${basePath}/help-requests`;
    if (path === `${basePath}/health`) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, problem('', 'GET only'), {Allow: 'GET, HEAD'});
      db.prepare('SELECT 1').get();
      return send(res, 200, {status: 'ok'});
    }
    if (path === collection) {
      const origin = cors(req, res);
      if (req.method === 'OPTIONS') {
        if (origin === 'denied') return send(res, 403, problem('', 'origin not allowed'));
        const preflight = {
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
          'Access-Control-Max-Age': '600',
        };
        return send(res, 204, undefined, {Allow: 'POST, OPTIONS', ...(origin === 'allowed' ? preflight : {})});
      }
      if (req.method !== 'POST') return send(res, 405, problem('', 'POST only'), {Allow: 'POST, OPTIONS'});
      if (origin === 'denied') return sendAndClose(req, res, 403, problem('', 'origin not allowed'));
      return post(req, res, ctx);
    }
    const rest = path.slice(collection.length + 1);
    if (rest === 'export' && (req.method === 'GET' || req.method === 'HEAD')) return exportAll(req, res, url);
    if (rest !== 'export' && !rest.includes('/') && req.method === 'DELETE') return remove(req, res, rest, ctx);
    send(res, 404, problem('', 'not found'));
  }

  return {
    handle,
    db,
    close() {
      if (db.open) db.close();
    },
  };
}

/** `node server/receiver.mjs [--port 8787] [--host 127.0.0.1] [--db FILE]`: the receiver alone. */
export async function main(argv = process.argv.slice(2), env = process.env) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const options = optionsFromEnv(env);
  if (arg('--db')) options.dbFile = arg('--db');
  if (arg('--schema')) options.schema = arg('--schema');
  const receiver = createReceiver(options);
  const server = createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) send(res, 404, problem('', 'not found'));
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  const port = Number(arg('--port') ?? env.PORT ?? 8787);
  const host = arg('--host') ?? env.HOST ?? '127.0.0.1';
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  const address = server.address();
  console.log(`受付サーバー / Receiver: http://${host}:${address.port}/api/help-requests`);
  console.log(`  database: ${resolve(options.dbFile ?? DEFAULT_DB)}`);
  console.log(`  export and delete: ${options.exportToken ? 'on (FUKUSHI_EXPORT_TOKEN)' : 'off (set FUKUSHI_EXPORT_TOKEN)'}`);
  console.log(`  CORS origins: ${options.allowedOrigins || '(same origin only)'}`);
  const close = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    server.closeAllConnections();
    server.close();
    receiver.close();
  };
  const onSignal = () => {
    close();
    process.exit(0);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {server, receiver, close};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  });
}
