#!/usr/bin/env node
/**
 * fukushi-widgets: the editors' command line.
 *   fukushi-widgets validate FILE|FOLDER
 *   fukushi-widgets import-csv FILE.csv [--out FILE.json] [--org ID] [--city 市区町村] [--prefecture 都道府県]
 *   fukushi-widgets build-data FOLDER|FILE [--out FILE.json] [--readings readings.json]
 *   fukushi-widgets schema [--out FILE.json]
 *   fukushi-widgets help-request-schema [--out FILE.json]
 *   fukushi-widgets build-help-form FILE.json [--out FILE.json] [--readings readings.json] [--dataset FOLDER|FILE]
 *   fukushi-widgets lint-easy FOLDER|FILE [--all]
 * It works for any town, from the installed package: nothing here knows a town's files. Problems
 * are printed with the file, where in it (JSON path or line), what is wrong and what to do; exit
 * code 1. Never a stack trace: only FUKUSHI_DEBUG=1 shows one.
 */
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {validateDataset, type Problem} from '../core/data/validate.js';
import {buildDataset, DataFileError, locateInSource, parseJsonFile, readDatasetSource, readOverrides} from './build-data.js';
import {importServicesCsv} from './import-csv.js';
import {lintEasy} from './lint-easy.js';
import {datasetJsonSchema} from './schema.js';
import {READING_PACKAGES} from './optional-packages.js';
import {helpRequestJsonSchema} from '../core/help-request/schema.js';
import {buildDefinition} from '../core/help-request/build-definition.js';
import {Annotator, loadTokenizer, readingsAdvice, type ReadingOverride} from './readings.js';

const USAGE = `fukushi-widgets — データの確認・変換 / data tools

  validate FILE|FOLDER         データを検査する / check a dataset
  import-csv FILE.csv          Excel の CSV（UTF-8 / Shift_JIS）をデータに変換する / convert a CSV of services
      --out FILE.json          書き出し先 / where to write (default: FILE.json)
      --org ID                 提供団体の id / organization id (default: org-imported)
      --city 市区町村          住所の市区町村が空の行に使う / the city of rows that leave 市区町村 empty
      --prefecture 都道府県    住所の都道府県が空の行に使う / the prefecture of rows that leave 都道府県 empty
  build-data FOLDER|FILE       ふりがなを付けて検査し、1つの JSON にする / add readings, validate, write one file
      --out FILE.json          書き出し先 / where to write (default: dataset.json)
      --readings FILE.json     地域の言葉の読み（任意）/ your town's own readings (optional; common words are built in)
  schema [--out FILE.json]     JSON Schema を書き出す / write the JSON Schema
  help-request-schema [--out FILE.json]  支援フォームの送信内容の JSON Schema / the help request's JSON Schema
  build-help-form FILE.json    支援フォームの定義を検査し、ふりがなを付ける / check the help form definition, add readings
      --out FILE.json          書き出し先 / where to write (default: help-form.json)
      --readings FILE.json     地域の言葉の読み（任意）/ your town's own readings (optional)
      --dataset FOLDER|FILE    出典 id を確かめるデータ / the dataset whose sources the form cites (checks the ids)
  lint-easy FOLDER|FILE        やさしい日本語を検査する / lint the easy-Japanese texts
      --all                    同じ警告も1件ずつ表示する / list repeated warnings one by one

build-data and build-help-form need: npm install --save-dev ${READING_PACKAGES}
The CSV columns, the readings file and the form definition: the guide "Your own town's data"
(docs/your-own-data.md in the fukushi-widgets repository).`;

/** Commands that need a file or folder. */
const WITH_TARGET = ['validate', 'import-csv', 'build-data', 'build-help-form', 'lint-easy'];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Where a problem is: the file (in a dataset folder, the file of the folder) and the path or line in it. */
function locate(target: string, path: string): string {
  const at = locateInSource(target, path);
  if (at) return `${at.file} ${at.path}`;
  return existsSync(target) && statSync(target).isDirectory() ? `${target} (no file of the folder sets it) ${path}` : `${target} ${path}`;
}

function printProblems(target: string, problems: Problem[]) {
  console.error(`\n✖ ${target}: ${problems.length} 件の問題 / problem${problems.length === 1 ? '' : 's'}\n`);
  for (const p of problems.slice(0, 200)) {
    console.error(`  ${locate(target, p.path)}\n    問題 / what: ${p.message}\n    直し方 / fix: ${p.fix}\n`);
  }
  if (problems.length > 200) console.error(`  … and ${problems.length - 200} more`);
}

function write(file: string, value: unknown, pretty = true) {
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, JSON.stringify(value, null, pretty ? 2 : undefined) + '\n');
}

/** The town's own readings list, when given: `--readings FILE`. */
function readings(args: string[]): {file?: string; list: ReadingOverride[]} {
  const file = option(args, '--readings');
  return file ? {file, list: readOverrides(file)} : {list: []};
}

/** Words of the town's list used by the build whose reading is not reviewed yet. */
function printUnreviewed(file: string | undefined, words: string[]) {
  if (file && words.length) console.log(`  読みが未確認の語 / readings still to review (${file}): ${words.join('、')}`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, target, ...rest] = argv;
  if (command && WITH_TARGET.includes(command) && (!target || target.startsWith('--'))) {
    console.error(`${command}: a file or folder is missing.\n`);
    console.error(USAGE);
    return 2;
  }
  switch (command) {
    case 'validate': {
      const problems = validateDataset(readDatasetSource(target!));
      if (problems.length) {
        printProblems(target!, problems);
        return 1;
      }
      console.log(`✔ ${target}: 問題はありません / no problems`);
      return 0;
    }
    case 'import-csv': {
      const out = option(rest, '--out') ?? target!.replace(/\.csv$/i, '') + '.json';
      if (!existsSync(target!)) throw new DataFileError('no such file', target!);
      const {data, problems, rows} = importServicesCsv(readFileSync(target!), {
        organizationId: option(rest, '--org') ?? 'org-imported',
        city: option(rest, '--city'),
        prefecture: option(rest, '--prefecture'),
      });
      if (problems.length) {
        printProblems(target!, problems);
        console.error('  何も書き出していません。CSV を直して、もう一度実行してください。 / Nothing was written: fix the CSV and run again.');
        return 1;
      }
      write(out, data);
      console.log(`✔ ${rows} 行を変換しました / converted ${rows} rows → ${out}`);
      return 0;
    }
    case 'build-data': {
      const out = option(rest, '--out') ?? 'dataset.json';
      const own = readings(rest);
      const started = Date.now();
      const report = await buildDataset(readDatasetSource(target!), own.list, own.file);
      if (report.problems.length) {
        printProblems(target!, report.problems);
        console.error('  何も書き出していません。 / Nothing was written.');
        return 1;
      }
      write(out, report.dataset, false);
      console.log(
        `✔ ${out}: ${report.texts} texts with readings, ${report.dataset.services.length} services, ` +
          `${report.dataset.locations.length} desks (${((Date.now() - started) / 1000).toFixed(1)}s)`,
      );
      printUnreviewed(own.file, report.unreviewedUsed);
      return 0;
    }
    case 'schema': {
      const out = target === '--out' ? rest[0] : option(rest, '--out');
      if (out) write(out, datasetJsonSchema());
      else console.log(JSON.stringify(datasetJsonSchema(), null, 2));
      return 0;
    }
    case 'lint-easy': {
      const report = lintEasy(target!, {all: argv.includes('--all')});
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
      const out = option(rest, '--out') ?? 'help-form.json';
      const own = readings(rest);
      const dataset = option(rest, '--dataset');
      const source = parseJsonFile(target!);
      const sources = dataset ? ((readDatasetSource(dataset).sources as Array<{id: string}> | undefined) ?? []).map((s) => s.id) : undefined;
      const annotator = new Annotator(await loadTokenizer(), own.list, own.file);
      const report = buildDefinition(source, (text) => annotator.annotate(text), sources, {dataset, readings: readingsAdvice(own.file)});
      if (report.problems.length) {
        printProblems(target!, report.problems);
        console.error('  何も書き出していません。 / Nothing was written.');
        return 1;
      }
      write(out, report.definition, false);
      console.log(`✔ ${out}: ${report.texts} texts with readings`);
      if (!dataset && JSON.stringify(source).includes('"sources"')) {
        console.log('  出典 id は確かめていません / the source ids the form cites were not checked: pass --dataset FOLDER');
      }
      const unreviewed = new Set(own.list.filter((o) => o.status !== 'reviewed').map((o) => o.text));
      printUnreviewed(own.file, [...annotator.used.keys()].filter((t) => unreviewed.has(t)));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command ? 0 : 2;
  }
  console.error(`Unknown command "${command}".\n`);
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
