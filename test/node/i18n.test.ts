// Every UI string has a translation in every locale, and the XLIFF files are in step with
// the msg() calls in the source (checked by extracting into a scratch copy).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseXliff, LOCALE_FILES} from '../../scripts/lib/xliff.mjs';

test('every message has a translation in every locale', () => {
  const missing: string[] = [];
  for (const [locale, file] of Object.entries(LOCALE_FILES)) {
    for (const unit of parseXliff(readFileSync(file, 'utf8'))) {
      if (!unit.target?.trim()) missing.push(`${locale}: "${unit.sourceText}" (${unit.id})`);
    }
  }
  assert.deepEqual(missing, [], 'Translate these in xliff/ (node scripts/i18n.mjs missing lists them)');
});

test('the XLIFF files hold exactly the messages in the source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xliff-'));
  try {
    const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
    config.interchange.xliffDir = join(dir, 'xliff');
    cpSync('xliff', join(dir, 'xliff'), {recursive: true});
    const configPath = join(dir, 'lit-localize.json');
    writeFileSync(configPath, JSON.stringify({...config, inputFiles: config.inputFiles.map((g: string) => join(process.cwd(), g))}));
    const result = spawnSync('node_modules/.bin/lit-localize', ['extract', '--config', configPath], {encoding: 'utf8'});
    assert.equal(result.status, 0, result.stderr);
    for (const file of Object.values(LOCALE_FILES)) {
      const ids = (xml: string) => parseXliff(xml).map((u: {id: string}) => u.id).sort();
      const fresh = ids(readFileSync(join(dir, file), 'utf8'));
      const committed = ids(readFileSync(file, 'utf8'));
      assert.deepEqual(committed, fresh, `${file} is out of date: run npm run localize and translate the new messages`);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('src/version.ts matches package.json', async () => {
  const {VERSION} = await import('../../src/version.js');
  assert.equal(VERSION, JSON.parse(readFileSync('package.json', 'utf8')).version);
});
