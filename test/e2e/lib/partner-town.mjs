// The fictional town of test/fixtures/kamome (かもめ市), built as a partner builds theirs: the
// commands of docs/your-own-data.md, in a folder of its own, with the CLI given (the built
// dist/cli.js, or the one in the packed tarball).
import {spawnSync} from 'node:child_process';
import {cpSync} from 'node:fs';
import {resolve} from 'node:path';

export const FIXTURE = resolve('test/fixtures/kamome');

/** The steps of the guide (docs/your-own-data.md), from the town's CSV and JSON to the files the widgets load. */
export const TOWN_STEPS = [
  ['import-csv', 'services.csv', '--org', 'org-kamome', '--city', 'かもめ市', '--prefecture', '架空県', '--out', 'data/services.json'],
  ['validate', 'data'],
  ['build-data', 'data', '--readings', 'readings.json', '--out', 'public/kamome.json'],
  ['lint-easy', 'data'],
  ['build-help-form', 'help-form.json', '--readings', 'readings.json', '--dataset', 'data', '--out', 'public/help-form.json'],
];

/** Runs the CLI (`[program, ...args]`) in `cwd`; returns its exit code and output. */
export function runCli(cli, args, {cwd, env} = {}) {
  const [program, ...first] = cli;
  const result = spawnSync(program, [...first, ...args], {cwd, env: {...process.env, ...env}, encoding: 'utf8'});
  return {status: result.status, out: `${result.stdout}${result.stderr}`};
}

/**
 * Copies the town's sources into `dir` and runs every step there; throws with the output of the
 * first step that fails. Returns each step's output.
 */
export function buildTown(cli, dir, options = {}) {
  cpSync(FIXTURE, dir, {recursive: true});
  return TOWN_STEPS.map((args) => {
    const result = runCli(cli, args, {...options, cwd: dir});
    if (result.status !== 0) throw new Error(`fukushi-widgets ${args.join(' ')} failed (exit ${result.status}):\n${result.out}`);
    return {args, out: result.out};
  });
}
