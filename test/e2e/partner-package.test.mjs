// The editors' CLI from the packed package, outside the repository, as a partner runs it (issue 15):
// `npm pack` (what package.json `files` ships), the tarball unpacked into a project folder of its
// own under the system's temp folder, its bin linked as npm links it, and the guide's commands
// (docs/your-own-data.md) run there on the fictional town's CSV and JSON. The project holds
// nothing else but kuromoji and kanji, the two optional packages the guide installs, linked from
// this repository (no network): the package's own contents must be enough.
// Needs the built package: npm run build && node --test test/e2e/partner-package.test.mjs
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {buildTown, runCli, TOWN_STEPS} from './lib/partner-town.mjs';

const skip = existsSync('dist/cli.js') ? false : 'SKIPPED: run "npm run build" first (npm pack ships dist/).';
if (skip) console.warn(`\n⚠ ${skip}\n`);

/** What points at Nishitokyo: its files, its name, its number. */
const NISHITOKYO = /data\/readings\.json|data\/nishitokyo|nishitokyo|西東京|042-464-1311/i;

let dir;
let packed; // the file list of the tarball
/** Makes a project folder with the unpacked package in node_modules and, when asked, the reading packages. */
function project(name, tarball, {readingPackages}) {
  const root = join(dir, name);
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '.bin'), {recursive: true});
  const unpacked = spawnSync('tar', ['-xzf', tarball, '-C', modules], {encoding: 'utf8'});
  assert.equal(unpacked.status, 0, unpacked.stderr);
  spawnSync('mv', [join(modules, 'package'), join(modules, 'fukushi-widgets')]);
  // As npm install links a package's bin.
  const bin = join(modules, '.bin', 'fukushi-widgets');
  symlinkSync('../fukushi-widgets/dist/cli.js', bin);
  chmodSync(join(modules, 'fukushi-widgets', 'dist', 'cli.js'), 0o755);
  if (readingPackages) for (const name of ['kuromoji', 'kanji']) symlinkSync(realpathSync(resolve('node_modules', name)), join(modules, name));
  writeFileSync(join(root, 'package.json'), JSON.stringify({name, private: true}));
  return {root, cli: [bin]};
}

let town; // the project with kuromoji and kanji
let bare; // the project with the package alone
before(() => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'fukushi-partner-package-'));
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {encoding: 'utf8'});
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout);
  packed = info.files.map((f) => f.path);
  town = project('town-site', join(dir, info.filename), {readingPackages: true});
  bare = project('bare-site', join(dir, info.filename), {readingPackages: false});
});
after(() => dir && rmSync(dir, {recursive: true, force: true}));

describe('the CLI of the packed package, in an empty project', {skip}, () => {
  test('the package ships the CLI, and no town\'s source files', () => {
    assert.ok(packed.includes('dist/cli.js'), packed.join('\n'));
    assert.ok(!packed.some((f) => /^(data|src|test)\//.test(f)), 'no repository sources in the package');
  });

  test('the guide\'s commands are the steps these tests run', () => {
    const commands = [...readFileSync('docs/your-own-data.md', 'utf8').matchAll(/^npx fukushi-widgets (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(commands)], TOWN_STEPS.map((step) => step.join(' ')));
  });

  test('the guide\'s steps build the fictional town from its CSV and JSON', () => {
    const folder = join(town.root, 'kamome');
    const steps = buildTown(town.cli, folder);
    assert.deepEqual(steps.map((s) => s.args[0]), TOWN_STEPS.map((s) => s[0]));
    const built = JSON.parse(readFileSync(join(folder, 'public', 'kamome.json'), 'utf8'));
    assert.equal(built.readings_complete, true);
    assert.equal(built.fallback_contact.phone, '0120-000-000');
    assert.equal(JSON.parse(readFileSync(join(folder, 'public', 'help-form.json'), 'utf8')).readings_complete, true);
    for (const {args, out} of steps) assert.doesNotMatch(out, NISHITOKYO, args.join(' '));
  });

  test('build-data needs no readings file; a missing reading names the file, the path and the fix', () => {
    const folder = join(town.root, 'kamome');
    const plain = runCli(town.cli, ['build-data', 'data', '--out', 'plain.json'], {cwd: folder});
    assert.equal(plain.status, 0, plain.out);
    // The common readings inside the CLI: 避難所 is ひなんじょ (the analyzer alone says ひなんしょ).
    assert.match(readFileSync(join(folder, 'plain.json'), 'utf8'), /｜避難所《ひ\|なん\|じょ》/);
    const plan = join(folder, 'data', 'plan.json');
    const original = readFileSync(plan, 'utf8');
    writeFileSync(plan, original.replace('困りごとを 1つの 窓口で 聞きます。', '𩸽の 窓口で 聞きます。'));
    const missing = runCli(town.cli, ['build-data', 'data', '--out', 'broken.json'], {cwd: folder});
    writeFileSync(plan, original);
    assert.equal(missing.status, 1);
    assert.ok(missing.out.includes('data/plan.json $.plan.goals[0].measures[0].description["ja-x-easy"]'), missing.out);
    assert.match(missing.out, /write ｜漢字《かんじ》 in the text, or list the word in a readings file of your own and pass it with --readings FILE/);
    assert.equal(existsSync(join(folder, 'broken.json')), false, 'nothing written');
    const help = runCli(town.cli, ['--help'], {cwd: folder});
    assert.equal(help.status, 0);
    for (const out of [plain.out, missing.out, help.out]) assert.doesNotMatch(out, NISHITOKYO);
  });

  test('without kuromoji and kanji: validate, lint-easy and --help run; build-data says what to install', () => {
    const folder = join(bare.root, 'kamome');
    rmSync(folder, {recursive: true, force: true});
    const built = join(town.root, 'kamome', 'public', 'kamome.json');
    assert.equal(runCli(bare.cli, ['validate', built], {cwd: bare.root}).status, 0);
    assert.equal(runCli(bare.cli, ['lint-easy', join(town.root, 'kamome', 'data')], {cwd: bare.root}).status, 0);
    assert.equal(runCli(bare.cli, ['--help'], {cwd: bare.root}).status, 0);
    const build = runCli(bare.cli, ['build-data', join(town.root, 'kamome', 'data'), '--out', 'x.json'], {cwd: bare.root});
    assert.equal(build.status, 1);
    assert.match(build.out, /npm install --save-dev kuromoji@0\.1\.2 kanji@0\.19\.3/);
    assert.doesNotMatch(build.out, /\n\s+at /, 'no stack trace');
  });
});
