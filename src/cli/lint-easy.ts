/**
 * `fukushi-widgets lint-easy [FOLDER|FILE]`: checks every やさしい日本語 (ja-x-easy) text of a
 * dataset (a source folder or a built file) and prints the Tateishi readability per summary
 * section. Rules: src/core/text/easy-lint.ts. Exit code 1 when there are errors.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {
  easyTexts,
  lintEasyDataset,
  ROMAJI_ALLOWLIST,
  summaryReadability,
  tateishi,
  type DatasetFinding,
  type Readability,
} from '../core/text/easy-lint.js';
import {DataFileError, parseJsonFile, readDatasetSource} from './build-data.js';

export interface LintEasyReport {
  errors: number;
  warnings: number;
  texts: number;
  /** Printable report. */
  lines: string[];
}

const score = (r: Readability) =>
  `${r.score.toFixed(1).padStart(6)}  ${String(r.sentences).padStart(4)} sentences  ls ${r.ls.toFixed(1)}  lh ${r.lh.toFixed(2)}  lc ${r.lc.toFixed(2)}  lk ${r.lk.toFixed(2)}  la ${r.la.toFixed(2)}  cp ${r.cp.toFixed(2)}`;

/** Lints `target` (a folder of dataset files or one JSON file). `all` lists repeated warnings one by one. */
export function lintEasy(target: string, {all = false} = {}): LintEasyReport {
  if (!existsSync(target)) throw new DataFileError('no such file or folder', target);
  const files = statSync(target).isDirectory()
    ? readdirSync(target).filter((f) => f.endsWith('.json')).sort().map((f) => join(target, f))
    : [target];
  const lines: string[] = [`やさしい日本語チェック / easy-Japanese lint: ${target}`];
  let errors = 0;
  let warnings = 0;
  let texts = 0;
  for (const file of files) {
    const data = parseJsonFile(file);
    texts += easyTexts(data).length;
    const findings = lintEasyDataset(data);
    if (!findings.length) continue;
    lines.push('', file);
    // The same warning in many texts (a long official term) is listed once with a count.
    const groups = new Map<string, DatasetFinding[]>();
    for (const f of findings) {
      const key = f.severity === 'warning' && !all ? `${f.rule}\u0000${f.snippet}` : `${groups.size}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const group of [...groups.values()].sort((a, b) => (a[0]!.severity === b[0]!.severity ? 0 : a[0]!.severity === 'error' ? -1 : 1))) {
      const f = group[0]!;
      if (f.severity === 'error') errors += group.length;
      else warnings += group.length;
      const times = group.length > 1 ? ` ×${group.length}` : '';
      lines.push(
        `  ${f.severity === 'error' ? '✖ error  ' : '⚠ warning'} ${f.rule}${times}: 「${f.snippet}」 ${f.message}`,
        `      ${f.id}  (${f.path})${group.length > 1 ? ` and ${group.length - 1} more` : ''}`,
      );
    }
  }

  const dataset = readDatasetSource(target);
  const {sections, summary} = summaryReadability(dataset);
  lines.push('', '読みやすさ / readability (建石 RS′: higher is easier; mean 50, SD 10)');
  for (const s of sections) lines.push(`  ${s.id.padEnd(16)}${score(s.readability)}`);
  if (summary) lines.push(`  ${'summary (all)'.padEnd(16)}${score(summary)}`);
  lines.push(`  ${'all easy texts'.padEnd(16)}${score(tateishi(easyTexts(dataset).map((t) => t.text)))}`);
  lines.push(
    '',
    `${errors ? '✖' : '✔'} ${texts} texts: ${errors} errors, ${warnings} warnings` +
      (errors ? '' : ' / エラーはありません'),
    `  romaji allowed: ${ROMAJI_ALLOWLIST.join(', ')}`,
  );
  return {errors, warnings, texts, lines};
}
