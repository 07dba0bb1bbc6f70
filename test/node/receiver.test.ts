// The reference receiver (server/receiver.mjs) over real HTTP with a real SQLite file, validating
// with the form's own JSON Schema: the one `npm run build` writes to dist/schema/help-request.schema.json,
// made here from its source (src/core/help-request/schema.ts) so that these tests need no build.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, request, type Server} from 'node:http';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {createReceiver, csvCell, main, type Receiver, type ReceiverOptions} from '../../server/receiver.mjs';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, {recursive: true, force: true})));

/** FUKUSHI_SCHEMA if set, else the schema exactly as the build writes it. */
async function schemaPath(): Promise<string | undefined> {
  if (process.env.FUKUSHI_SCHEMA) return process.env.FUKUSHI_SCHEMA;
  try {
    const {helpRequestJsonSchema} = await import('../../src/core/help-request/schema.js');
    const dir = mkdtempSync(join(tmpdir(), 'receiver-schema-'));
    dirs.push(dir);
    const file = join(dir, 'help-request.schema.json');
    writeFileSync(file, JSON.stringify(helpRequestJsonSchema(), null, 2) + '\n');
    return file;
  } catch {
    return undefined;
  }
}
const schemaFile = await schemaPath();
const skip =
  schemaFile && existsSync(schemaFile)
    ? false
    : 'SKIPPED: the help-request JSON Schema (src/core/help-request/schema.ts, or FUKUSHI_SCHEMA) is not there. ' +
      'The receiver validates with the form\'s own schema and never with a weaker one.';
if (skip) console.warn(`\n⚠ ${skip}\n`);

type Json = Record<string, unknown>;
const schema = skip ? {examples: [{}, {}]} : JSON.parse(readFileSync(schemaFile!, 'utf8'));
const [registerExample, urgentExample] = schema.examples as Json[];
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const register = (id = randomUUID(), change: (p: Json) => void = () => {}) => {
  const p = {...clone(registerExample), id};
  change(p);
  return p;
};

interface Started {
  url: string;
  base: string;
  receiver: Receiver;
  logs: string[];
  close(): void;
}

async function start(options: ReceiverOptions = {}): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'receiver-'));
  dirs.push(dir);
  const logs: string[] = [];
  const receiver = createReceiver({dbFile: join(dir, 'var', 'help-requests.sqlite'), schema: schemaFile, ratePerMinute: 0, log: (l) => logs.push(l), ...options});
  const server: Server = createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404);
      res.end('static');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address() as {port: number};
  const base = `http://127.0.0.1:${address.port}`;
  return {
    url: `${base}/api/help-requests`,
    base,
    receiver,
    logs,
    close() {
      server.closeAllConnections();
      server.close();
      receiver.close();
    },
  };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const key = typeof body === 'object' && body && 'id' in body ? String((body as Json).id) : '';
  return fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers}, body: text});
}
const rows = (s: Started, key?: string) =>
  Number(
    (key
      ? s.receiver.db.prepare('SELECT COUNT(*) AS n FROM help_requests WHERE idempotency_key = ?').get(key)
      : s.receiver.db.prepare('SELECT COUNT(*) AS n FROM help_requests').get())!.n,
  );

describe('receiver', {skip}, () => {
  test('stores a new request: 201 with a receipt (prefix, Tokyo date, daily number)', async () => {
    const s = await start({now: () => Date.parse('2026-11-27T15:30:00Z')}); // 2026-11-28 00:30 in Tokyo
    try {
      const a = register();
      const res = await post(s.url, a);
      assert.equal(res.status, 201);
      assert.deepEqual(await res.json(), {receipt: 'NT-20261128-0001'});
      assert.equal(res.headers.get('location'), '/api/help-requests/NT-20261128-0001');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const second = await post(s.url, register());
      assert.deepEqual(await second.json(), {receipt: 'NT-20261128-0002'});
      const urgent = await post(s.url, {...clone(urgentExample), id: randomUUID()});
      assert.equal(urgent.status, 201);
      const row = s.receiver.db.prepare('SELECT mode, body FROM help_requests WHERE idempotency_key = ?').get(a.id)!;
      assert.equal(row.mode, 'register');
      assert.deepEqual(JSON.parse(String(row.body)), a);
      assert.equal(s.receiver.db.pragma('journal_mode', {simple: true}), 'wal');
      assert.ok(existsSync(join(dirs.at(-1)!, 'var', 'help-requests.sqlite')), 'the database folder is created');
    } finally {
      s.close();
    }
  });

  test('the same Idempotency-Key gets the same receipt with 200, even in another key order; one row', async () => {
    const s = await start();
    try {
      const a = register();
      const first = (await (await post(s.url, a)).json()) as Json;
      const again = await post(s.url, a);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), first);
      const reordered = Object.fromEntries(Object.entries(a).reverse());
      const third = await post(s.url, reordered);
      assert.equal(third.status, 200);
      assert.deepEqual(await third.json(), first);
      assert.equal(rows(s, a.id), 1);
      // A direct second insert of the key is refused by the UNIQUE column.
      assert.throws(
        () =>
          s.receiver.db
            .prepare("INSERT INTO help_requests (receipt, idempotency_key, received_at) VALUES ('X-1', ?, '')")
            .run(a.id),
        /UNIQUE/,
      );
    } finally {
      s.close();
    }
  });

  test('twenty concurrent posts of one key store it once', async () => {
    const s = await start();
    try {
      const a = register();
      const answers = await Promise.all(Array.from({length: 20}, () => post(s.url, a)));
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, ...Array(18).fill(200), 201].sort());
      const receipts = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Json).receipt)));
      assert.equal(receipts.size, 1);
      assert.equal(rows(s, a.id), 1);
    } finally {
      s.close();
    }
  });

  test('a known key with a different body gets 409 with the stored receipt; nothing changes', async () => {
    const s = await start();
    try {
      const a = register();
      const {receipt} = (await (await post(s.url, a)).json()) as Json;
      const changed = register(a.id, (p) => ((p.needs as Json).notes = '変更しました'));
      const res = await post(s.url, changed);
      assert.equal(res.status, 409);
      const body = (await res.json()) as Json;
      assert.equal(body.receipt, receipt);
      assert.equal((body.errors as Json[])[0].field, 'id');
      const stored = s.receiver.db.prepare('SELECT body FROM help_requests WHERE idempotency_key = ?').get(a.id)!;
      assert.deepEqual(JSON.parse(String(stored.body)), a);
    } finally {
      s.close();
    }
  });

  test('413 for a body over 64 KiB, by Content-Length or while reading a chunked body; nothing stored', async () => {
    const s = await start();
    try {
      const big = register(randomUUID(), (p) => ((p.needs as Json).notes = 'あ'.repeat(30_000)));
      const res = await post(s.url, big);
      assert.equal(res.status, 413);
      assert.equal(res.headers.get('connection'), 'close');
      const chunked = await new Promise<number>((ok, fail) => {
        const req = request(s.url, {method: 'POST', headers: {'Content-Type': 'application/json', 'Idempotency-Key': randomUUID()}}, (r) => {
          r.resume();
          ok(r.statusCode!);
        });
        req.on('error', fail);
        for (let i = 0; i < 10; i++) req.write(' '.repeat(10_000));
        req.end();
      });
      assert.equal(chunked, 413);
      assert.equal(rows(s), 0);
    } finally {
      s.close();
    }
  });

  test('415 for a body that is not application/json; nothing stored', async () => {
    const s = await start();
    try {
      const a = register();
      const res = await post(s.url, a, {'Content-Type': 'text/plain'});
      assert.equal(res.status, 415);
      const form = await post(s.url, 'id=1', {'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': a.id});
      assert.equal(form.status, 415);
      const charset = await post(s.url, a, {'Content-Type': 'application/json; charset=utf-8'});
      assert.equal(charset.status, 201);
      assert.equal(rows(s), 1);
    } finally {
      s.close();
    }
  });

  test('429 with Retry-After past 30 requests a minute from one IP, and allowed again after the wait', async () => {
    let now = Date.parse('2026-11-27T01:00:00Z');
    const s = await start({ratePerMinute: 30, now: () => now});
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await post(s.url, register())).status);
      assert.deepEqual(statuses.slice(0, 30), Array(30).fill(201));
      assert.equal(statuses[30], 429);
      const limited = await post(s.url, register());
      assert.equal(limited.status, 429);
      const wait = Number(limited.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 2, `Retry-After ${wait}`);
      now += wait * 1000;
      assert.equal((await post(s.url, register())).status, 201);
      assert.equal(rows(s), 31);
    } finally {
      s.close();
    }
  });

  test('400 with errors for a missing or malformed Idempotency-Key, an id that differs from it, or bad JSON', async () => {
    const s = await start();
    try {
      const a = register();
      for (const key of ['', 'abc', `${a.id}x`, "'; DROP TABLE help_requests; --"]) {
        const res = await post(s.url, a, {'Idempotency-Key': key});
        assert.equal(res.status, 400, key);
        assert.deepEqual(((await res.json()) as Json).errors, [{field: 'Idempotency-Key', message: 'the Idempotency-Key header must be the request’s UUID'}]);
      }
      const mismatch = await post(s.url, a, {'Idempotency-Key': randomUUID()});
      assert.equal(mismatch.status, 400);
      assert.equal(((await mismatch.json()) as {errors: Json[]}).errors[0].field, 'id');
      const broken = await post(s.url, '{"id": "', {'Idempotency-Key': a.id});
      assert.equal(broken.status, 400);
      const list = await post(s.url, '[1,2]', {'Idempotency-Key': a.id});
      assert.equal(list.status, 400);
      assert.equal(rows(s), 0);
    } finally {
      s.close();
    }
  });

  test('422 with dotted field paths for schema errors, from the kind of request it is; nothing stored', async () => {
    const s = await start();
    try {
      const bad = register(randomUUID(), (p) => {
        (p.contact as Json).phone = '04-ABC';
        delete (p.person as Json).name_kana;
        (p.emergency_contacts as Json[])[0].phone = 'not a phone';
        (p.address as Json).extra = 'x';
        (p.person as Json).birth_date = '1948-02-30';
      });
      const res = await post(s.url, bad);
      assert.equal(res.status, 422);
      const {errors} = (await res.json()) as {errors: {field: string; message: string}[]};
      const fields = errors.map((e) => e.field).sort();
      assert.deepEqual(fields, ['address.extra', 'contact.phone', 'emergency_contacts.0.phone', 'person.birth_date', 'person.name_kana']);
      assert.ok(errors.every((e) => typeof e.message === 'string' && e.message.length > 0));

      const urgent = {...clone(urgentExample), id: randomUUID(), urgency: 'someday'};
      const u = await post(s.url, urgent);
      assert.equal(u.status, 422);
      const uErrors = ((await u.json()) as {errors: {field: string}[]}).errors;
      assert.deepEqual(uErrors.map((e) => e.field), ['urgency']);

      const noContact = register(randomUUID(), (p) => (p.contact = {preferred: 'phone'}));
      const c = await post(s.url, noContact);
      const cErrors = ((await c.json()) as {errors: {field: string; message: string}[]}).errors;
      assert.deepEqual(cErrors, [{field: 'contact', message: 'needs one of: phone, mobile, fax, email'}]);
      assert.equal(rows(s), 0);
    } finally {
      s.close();
    }
  });

  test('CORS: configured origins only, never a wildcard; same origin always fine', async () => {
    const city = 'https://www.city.nishitokyo.lg.jp';
    const s = await start({allowedOrigins: `${city}, https://partner.example/ ,*`});
    try {
      const preflight = await fetch(s.url, {
        method: 'OPTIONS',
        headers: {Origin: city, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key'},
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), city);
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
      assert.equal(preflight.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key');
      assert.match(preflight.headers.get('vary') ?? '', /Origin/);
      const partner = await fetch(s.url, {method: 'OPTIONS', headers: {Origin: 'https://partner.example'}});
      assert.equal(partner.headers.get('access-control-allow-origin'), 'https://partner.example');

      const evil = await fetch(s.url, {method: 'OPTIONS', headers: {Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST'}});
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const evilPost = await post(s.url, register(), {Origin: 'https://evil.example'});
      assert.equal(evilPost.status, 403);
      assert.equal(evilPost.headers.get('access-control-allow-origin'), null);

      const allowedPost = await post(s.url, register(), {Origin: city});
      assert.equal(allowedPost.status, 201);
      assert.equal(allowedPost.headers.get('access-control-allow-origin'), city);
      assert.equal(allowedPost.headers.get('access-control-expose-headers'), 'Retry-After');
      const same = await post(s.url, register(), {Origin: s.base});
      assert.equal(same.status, 201);
      assert.equal(same.headers.get('access-control-allow-origin'), null);
      assert.equal(rows(s), 2);
    } finally {
      s.close();
    }
  });

  test('export: 404 without a configured token, 401 with a wrong one; JSON, and CSV with a BOM and no formulas', async () => {
    const off = await start();
    try {
      const res = await fetch(`${off.url}/export?format=csv`, {headers: {Authorization: 'Bearer anything'}});
      assert.equal(res.status, 404);
    } finally {
      off.close();
    }
    const token = 'staff-token-0123456789';
    const s = await start({exportToken: token});
    try {
      const nasty = register(randomUUID(), (p) => {
        (p.person as Json).name = '=HYPERLINK("http://evil.example","x")';
        (p.proxy as Json).relationship = '+SUM(1,2)';
        (p.needs as Json).notes = '@cmd, "quoted"\n二行目';
        (p.address as Json).banchi = '-1';
      });
      assert.equal((await post(s.url, nasty)).status, 201);
      assert.equal((await post(s.url, register())).status, 201);
      for (const auth of [undefined, 'Bearer wrong', `Basic ${token}`, `Bearer ${token}x`, `bearer`]) {
        const r = await fetch(`${s.url}/export?format=csv`, {headers: auth ? {Authorization: auth} : {}});
        assert.equal(r.status, 401, String(auth));
        assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
      const csv = await fetch(`${s.url}/export?format=csv`, {headers: {Authorization: `Bearer ${token}`}});
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
      assert.match(csv.headers.get('content-disposition')!, /attachment; filename="help-requests-\d{8}\.csv"/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n');
      assert.match(lines[0], /^receipt,received_at,schema_version,id,mode,/);
      assert.equal(lines.filter((l) => /^NT-/.test(l)).length, 2);
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`), 'formula cell prefixed and quoted');
      assert.ok(text.includes(",'+SUM(1,2),") || text.includes(`"'+SUM(1,2)"`));
      assert.ok(text.includes(`"'@cmd, ""quoted""\n二行目"`));
      assert.ok(text.includes(",'-1,"));
      assert.ok(!/(^|,)[=+@-]/m.test(text.replace(/"[^"]*"/g, '""')), 'no unquoted cell starts with = + - @');

      const json = await fetch(`${s.url}/export?format=json`, {headers: {Authorization: `Bearer ${token}`}});
      const list = (await json.json()) as {receipt: string; request: Json}[];
      assert.equal(list.length, 2);
      assert.deepEqual(list[0].request, nasty);
      assert.equal((await fetch(`${s.url}/export?format=xml`, {headers: {Authorization: `Bearer ${token}`}})).status, 400);
    } finally {
      s.close();
    }
  });

  test('csvCell escapes formulas, quotes and line breaks', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+81 42 464 1311'), "'+81 42 464 1311");
    assert.equal(csvCell('-5'), "'-5");
    assert.equal(csvCell('@A1'), "'@A1");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('042-464-1311'), '042-464-1311');
    assert.equal(csvCell(null), '');
  });

  test('DELETE /api/help-requests/:receipt erases the content (staff token); a late retry is not stored again', async () => {
    const token = 'staff-token-0123456789';
    const s = await start({exportToken: token});
    try {
      const a = register();
      const {receipt} = (await (await post(s.url, a)).json()) as {receipt: string};
      assert.equal((await fetch(`${s.url}/${receipt}`, {method: 'DELETE'})).status, 401);
      const del = await fetch(`${s.url}/${receipt}`, {method: 'DELETE', headers: {Authorization: `Bearer ${token}`}});
      assert.equal(del.status, 204);
      const row = s.receiver.db.prepare('SELECT body, body_sha256, deleted_at FROM help_requests WHERE receipt = ?').get(receipt)!;
      assert.equal(row.body, null);
      assert.equal(row.body_sha256, null);
      assert.ok(row.deleted_at);
      const list = await (await fetch(`${s.url}/export?format=json`, {headers: {Authorization: `Bearer ${token}`}})).json();
      assert.deepEqual(list, []);
      const retry = await post(s.url, a);
      assert.equal(retry.status, 200);
      assert.deepEqual(await retry.json(), {receipt});
      assert.equal(rows(s, a.id), 1);
      assert.equal((await fetch(`${s.url}/${receipt}`, {method: 'DELETE', headers: {Authorization: `Bearer ${token}`}})).status, 404);
      assert.equal((await fetch(`${s.url}/not-a-receipt`, {method: 'DELETE', headers: {Authorization: `Bearer ${token}`}})).status, 404);
    } finally {
      s.close();
    }
  });

  test('health, other methods and other paths', async () => {
    const s = await start();
    try {
      const health = await fetch(`${s.base}/api/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), {status: 'ok'});
      assert.equal((await fetch(s.url)).status, 405);
      assert.equal((await fetch(`${s.base}/index.html`)).status, 404);
      assert.equal(await (await fetch(`${s.base}/index.html`)).text(), 'static', 'other paths are left to the host server');
    } finally {
      s.close();
    }
  });

  test('logs method, path, status, duration, receipt and key prefix, and never a payload value', async () => {
    const token = 'staff-token-0123456789';
    const s = await start({exportToken: token, allowedOrigins: 'https://www.city.nishitokyo.lg.jp'});
    try {
      const a = register();
      const {receipt} = (await (await post(s.url, a)).json()) as {receipt: string};
      await post(s.url, a);
      await post(s.url, register(randomUUID(), (p) => ((p.contact as Json).phone = 'bad-phone-value')));
      await post(s.url, '{"id":"secret-value-in-broken-json', {'Idempotency-Key': randomUUID()});
      await post(s.url, a, {'Idempotency-Key': 'not-a-uuid-but-personal-data'});
      await fetch(`${s.url}/export?format=csv`, {headers: {Authorization: `Bearer ${token}`}});
      await fetch(`${s.url}/${receipt}`, {method: 'DELETE', headers: {Authorization: `Bearer ${token}`}});
      const log = s.logs.join('\n');
      assert.equal(s.logs.length, 7);
      for (const line of s.logs) {
        assert.match(line, /^\d{4}-\d\d-\d\dT[\d:.]+Z (POST|GET|DELETE) \/api\/help-requests(\/export|\/NT-\d{8}-\d{4})? \d{3} [\d.]+ms( receipt=NT-\d{8}-\d{4})?( key=[0-9a-f-]{8})?$/);
      }
      assert.ok(log.includes(`receipt=${receipt} key=${a.id.slice(0, 8)}`));
      const values = [
        a.id,
        token,
        'bad-phone-value',
        'secret-value',
        'not-a-uuid',
        ...JSON.stringify(a)
          .match(/"[^"]{4,}"/g)!
          .map((v) => v.slice(1, -1))
          .filter((v) => !['register', 'schema_version', 'created_at', 'emergency_contacts', 'filled_by', 'eligibility'].includes(v)),
      ];
      for (const value of values) assert.ok(!log.includes(value), `the log holds "${value}"`);
    } finally {
      s.close();
    }
  });

  test('refuses to start without the schema, and runs alone from the command line', async () => {
    assert.throws(() => createReceiver({dbFile: ':memory:', schema: '/nonexistent/help-request.schema.json'}), /npm run build/);
    const dir = mkdtempSync(join(tmpdir(), 'receiver-cli-'));
    dirs.push(dir);
    const log = console.log;
    const printed: string[] = [];
    console.log = (line: string) => printed.push(line);
    try {
      const started = await main(['--port', '0', '--db', join(dir, 'cli.sqlite')], {FUKUSHI_SCHEMA: schemaFile});
      try {
        const {port} = started.server.address() as {port: number};
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        assert.equal(res.status, 200);
        assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 404);
      } finally {
        started.close();
      }
    } finally {
      console.log = log;
    }
    assert.match(printed[0], /Receiver: http:\/\/127\.0\.0\.1:\d+\/api\/help-requests/);
    assert.ok(printed.some((l) => l.includes('export and delete: off')));
  });
});
