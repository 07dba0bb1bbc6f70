#!/usr/bin/env node
/**
 * fukushi-widgets: the editors' command line.
 *   fukushi-widgets validate FILE|FOLDER
 *   fukushi-widgets import-csv FILE.csv [--out FILE.json] [--org ID]
 *   fukushi-widgets build-data FOLDER|FILE [--out FILE.json] [--readings readings.json]
 *   fukushi-widgets schema [--out FILE.json]
 *   fukushi-widgets help-request-schema [--out FILE.json]
 *   fukushi-widgets build-help-form FILE.json [--out FILE.json] [--readings readings.json] [--dataset FOLDER]
 *   fukushi-widgets lint-easy [FOLDER|FILE] [--all]
 * Problems are printed with where (JSON path or line), what is wrong and what to do; exit code 1.
 * Never a stack trace: only FUKUSHI_DEBUG=1 shows one.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {validateDataset, type Problem} from '../core/data/validate.js';
import {buildDataset, DataFileError, locateInSource, readDatasetSource, readOverrides} from './build-data.js';
import {importServicesCsv} from './import-csv.js';
import {lintEasy} from './lint-easy.js';
import {datasetJsonSchema} from './schema.js';
import {helpRequestJsonSchema} from '../core/help-request/schema.js';
import {buildDefinition} from '../core/help-request/build-definition.js';
import {Annotator, loadTokenizer} from './readings.js';
import {parseJsonFile} from './build-data.js';

const USAGE = `fukushi-widgets — データの確認・変換 / data tools

  validate FILE|FOLDER         データを検査する / check a dataset
  import-csv FILE.csv          Excel の CSV（UTF-8 / Shift_JIS）をデータに変換する / convert a CSV of services
      --out FILE.json          書き出し先 / where to write (default: FILE.json)
      --org ID                 提供団体の id / organization id (default: org-imported)
  build-data FOLDER|FILE       ふりがなを付けて検査し、1つの JSON にする / add readings, validate, write one file
      --out FILE.json          書き出し先 / where to write (default: dataset.json)
      --readings FILE.json     読みの確認済みリスト / reviewed readings (default: data/readings.json)
  schema [--out FILE.json]     JSON Schema を書き出す / write the JSON Schema
  help-request-schema [--out FILE.json]  支援フォームの送信内容の JSON Schema / the help request's JSON Schema
  build-help-form FILE.json    支援フォームの定義を検査し、ふりがなを付ける / check the help form definition, add readings
      --out FILE.json          書き出し先 / where to write (default: help-form.json)
      --readings FILE.json     読みの確認済みリスト / reviewed readings (default: data/readings.json)
      --dataset FOLDER         出典 id を確かめるデータ / dataset whose sources it cites (default: data/nishitokyo)
  lint-easy [FOLDER|FILE]      やさしい日本語を検査する / lint the easy-Japanese texts (default: data/nishitokyo)
      --all                    同じ警告も1件ずつ表示する / list repeated warnings one by one

The CSV columns are documented in docs/csv-import.md.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function printProblems(where: string, problems: Problem[]) {
  console.error(`\n✖ ${where}: ${problems.length} 件の問題 / problem${problems.length === 1 ? '' : 's'}\n`);
  for (const p of problems.slice(0, 200)) {
    // In a dataset folder, name the file and the path inside it.
    const at = locateInSource(where, p.path);
    console.error(`  ${at ? `${at.file} ${at.path}` : p.path}\n    問題 / what: ${p.message}\n    直し方 / fix: ${p.fix}\n`);
  }
  if (problems.length > 200) console.error(`  … and ${problems.length - 200} more`);
}

function write(file: string, value: unknown, pretty = true) {
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, JSON.stringify(value, null, pretty ? 2 : undefined) + '\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, target, ...rest] = argv;
  switch (command) {
    case 'validate': {
      if (!target) break;
      const problems = validateDataset(readDatasetSource(target));
      if (problems.length) {
        printProblems(target, problems);
        return 1;
      }
      console.log(`✔ ${target}: 問題はありません / no problems`);
      return 0;
    }
    case 'import-csv': {
      if (!target) break;
      const out = option(rest, '--out') ?? target.replace(/\.csv$/i, '') + '.json';
      const {data, problems, rows} = importServicesCsv(readFileSync(target), {organizationId: option(rest, '--org') ?? 'org-imported'});
      if (problems.length) {
        printProblems(target, problems);
        console.error('  何も書き出していません。CSV を直して、もう一度実行してください。 / Nothing was written: fix the CSV and run again.');
        return 1;
      }
      write(out, data);
      console.log(`✔ ${rows} 行を変換しました / converted ${rows} rows → ${out}`);
      return 0;
    }
    case 'build-data': {
      if (!target) break;
      const out = option(rest, '--out') ?? 'dataset.json';
      const overrides = readOverrides(option(rest, '--readings') ?? 'data/readings.json');
      const started = Date.now();
      const report = await buildDataset(readDatasetSource(target), overrides);
      if (report.problems.length) {
        printProblems(target, report.problems);
        console.error('  何も書き出していません。 / Nothing was written.');
        return 1;
      }
      write(out, report.dataset, false);
      console.log(
        `✔ ${out}: ${report.texts} texts with readings, ${report.dataset.services.length} services, ` +
          `${report.dataset.locations.length} desks (${((Date.now() - started) / 1000).toFixed(1)}s)`,
      );
      if (report.unreviewedUsed.length) {
        console.log(`  読みが未確認の語 / readings still to review (data/readings.json): ${report.unreviewedUsed.join('、')}`);
      }
      return 0;
    }
    case 'schema': {
      const out = target === '--out' ? rest[0] : option(rest, '--out');
      if (out) write(out, datasetJsonSchema());
      else console.log(JSON.stringify(datasetJsonSchema(), null, 2));
      return 0;
    }
    case 'lint-easy': {
      const report = lintEasy(target && target !== '--all' ? target : 'data/nishitokyo', {all: argv.includes('--all')});
      console.log(report.lines.join('\n'));
      return report.errors ? 1 : 0;
    }
    case 'help-request-schema': {
      const out = target === '--out' ? rest[0] : option(rest, '--out');
      if (out) write(out, helpRequestJsonSchema());
      else console.log(JSON.stringify(helpRequestJsonSchema(), null, 2));
      return 0;
    }
    case 'build-help-form': {
      if (!target) {
        console.error('A file is missing.\n');
        console.error(USAGE);
        return 2;
      }
      const out = option(rest, '--out') ?? 'help-form.json';
      const overrides = readOverrides(option(rest, '--readings') ?? 'data/readings.json');
      const annotator = new Annotator(await loadTokenizer(), overrides);
      const sources = (readDatasetSource(option(rest, '--dataset') ?? 'data/nishitokyo').sources as Array<{id: string}> | undefined)?.map((s) => s.id);
      const report = buildDefinition(parseJsonFile(target), (text) => annotator.annotate(text), sources);
      if (report.problems.length) {
        printProblems(target, report.problems);
        console.error('  何も書き出していません。 / Nothing was written.');
        return 1;
      }
      write(out, report.definition, false);
      console.log(`✔ ${out}: ${report.texts} texts with readings`);
      const unreviewed = [...annotator.used.keys()].filter((t) => overrides.some((o) => o.text === t && o.status !== 'reviewed'));
      if (unreviewed.length) console.log(`  読みが未確認の語 / readings still to review (data/readings.json): ${unreviewed.join('、')}`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command ? 0 : 2;
  }
  console.error(command && !['validate', 'import-csv', 'build-data'].includes(command) ? `Unknown command "${command}".\n` : 'A file or folder is missing.\n');
  console.error(USAGE);
  return 2;
}

// Run as a program (the package bin, or `tsx src/cli/index.ts`), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(?:index\.ts|cli\.js|fukushi-widgets)$/.test(invoked)) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      const where = error instanceof DataFileError ? `${error.file}: ` : '';
      console.error(`\n✖ ${where}${error instanceof Error ? error.message : String(error)}`);
      if (process.env.FUKUSHI_DEBUG) console.error(error);
      process.exit(1);
    });
}
