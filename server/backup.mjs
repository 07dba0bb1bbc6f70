#!/usr/bin/env node
/**
 * npm run receiver:backup [-- DEST]: a consistent copy of the receiver's SQLite database, taken
 * with SQLite's online backup API while the receiver keeps running (a plain `cp` of a WAL
 * database can miss or tear recent writes).
 *   default source: FUKUSHI_DB or var/help-requests.sqlite
 *   default DEST:   var/backups/help-requests-YYYYMMDD-HHMMSS.sqlite
 * The copy holds personal data: keep it where the original may be kept, and delete old copies.
 */
import {existsSync, mkdirSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {DEFAULT_DB} from './receiver.mjs';

export async function backup(source = process.env.FUKUSHI_DB || DEFAULT_DB, dest) {
  const from = resolve(source);
  if (!existsSync(from)) throw new Error(`No database at ${from} (set FUKUSHI_DB).`);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const to = resolve(dest ?? resolve(dirname(from), 'backups', `help-requests-${stamp}.sqlite`));
  mkdirSync(dirname(to), {recursive: true});
  const db = new Database(from, {readonly: true, fileMustExist: true});
  try {
    await db.backup(to);
  } finally {
    db.close();
  }
  // One self-contained file (no -wal/-shm beside it), checked before it is called a backup.
  const copy = new Database(to);
  try {
    copy.pragma('journal_mode = DELETE');
    const ok = copy.pragma('integrity_check', {simple: true});
    if (ok !== 'ok') throw new Error(`integrity_check of ${to}: ${ok}`);
    const {n} = copy.prepare('SELECT COUNT(*) AS n FROM help_requests').get();
    return {file: to, requests: n};
  } finally {
    copy.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  backup(undefined, process.argv[2]).then(
    ({file, requests}) => console.log(`✔ バックアップ / Backup: ${file} (${requests} rows, integrity ok)`),
    (error) => {
      console.error(`✖ ${error.message}`);
      process.exit(1);
    },
  );
}
