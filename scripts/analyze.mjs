// Writes custom-elements.json, or with --check says whether the committed one is current.
// The analyzer lists modules in the order the file system returns them, which differs between
// machines, so the manifest's modules are sorted by path to make it the same everywhere.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const GLOBS = ['src/**/*.ts'];
// Generated strings, styles, the data core and the CLI declare no elements.
const EXCLUDES = ['src/generated/**', 'src/**/*.styles.ts', 'src/core/**', 'src/ui/styles.ts', 'src/cli/**'];
const MANIFEST = 'custom-elements.json';

function quote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** Runs the analyzer in a scratch folder and returns the manifest's text, modules sorted by path. */
export function generateManifest() {
  // cem writes --outdir relative to the project, so the scratch folder lives here (git-ignored).
  const dir = mkdtempSync('.cem-');
  // cem also points package.json's customElements field at its output folder: put it back.
  const packageJson = readFileSync('package.json', 'utf8');
  const args = [
    'analyze', '--litelement',
    ...GLOBS.flatMap((glob) => ['--globs', glob]),
    ...EXCLUDES.flatMap((glob) => ['--exclude', glob]),
    '--outdir', dir,
  ];
  const cem = join('node_modules', '.bin', 'cem');
  const result = spawnSync('sh', ['-c', `${cem} ${args.map(quote).join(' ')} >/dev/null`], {stdio: 'inherit'});
  writeFileSync('package.json', packageJson);
  const file = join(dir, MANIFEST);
  const text = result.status === 0 && existsSync(file) ? readFileSync(file, 'utf8') : null;
  rmSync(dir, {recursive: true, force: true});
  if (text === null) throw new Error(`the analyzer failed (exit ${result.status ?? result.signal})`);
  const manifest = JSON.parse(text);
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let fresh;
  try {
    fresh = generateManifest();
  } catch (error) {
    console.error(`✖ ${MANIFEST}: ${error.message}`);
    process.exit(1);
  }
  if (!check) {
    writeFileSync(MANIFEST, fresh);
    console.log(`✔ ${MANIFEST} written`);
  } else if (!existsSync(MANIFEST) || readFileSync(MANIFEST, 'utf8') !== fresh) {
    console.error(`✖ ${MANIFEST} is out of date. Run \`npm run analyze\` and commit the result.`);
    process.exit(1);
  } else {
    console.log(`✔ ${MANIFEST} is current`);
  }
}
