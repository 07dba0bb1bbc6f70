#!/usr/bin/env node
// npm test: everything, on a fresh Debian machine, in order. It installs what it needs:
// npm packages (npm ci) and, as root, Debian's chromium, firefox-esr, webkit2gtk-driver, xvfb and
// fonts-noto-cjk (npm tools cannot download browsers here). Uses only Node built-ins until the
// packages are installed.
import {existsSync, statSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {bin, run} from './lib/run.mjs';
import {ENGINE_NAMES, missingPackages} from '../test/engines/programs.mjs';

const started = Date.now();
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], {stdio: 'ignore'}).status === 0;
const isRoot = process.getuid?.() === 0;

function ensureDebianPackages() {
  // The browsers: Chromium for every test, Firefox and WebKit for the core journeys.
  const missing = missingPackages(ENGINE_NAMES);
  const fonts = spawnSync('sh', ['-c', 'fc-list :lang=ja 2>/dev/null | grep -qi noto'], {stdio: 'ignore'});
  if (fonts.status !== 0) missing.push('fonts-noto-cjk');
  if (!missing.length) return;
  if (isRoot && has('apt-get')) {
    run(`Installing ${missing.join(', ')} with apt-get`, 'sh', [
      '-c',
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    ]);
    return;
  }
  if (missing.some((p) => p !== 'fonts-noto-cjk')) {
    console.error(
      `\n✖ Debian packages are missing: ${missing.join(' ')}.\n` +
        `  On Debian or Ubuntu, as root: apt-get install -y ${missing.join(' ')}\n` +
        '  Or point CHROME_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER or WEBKIT_MINIBROWSER at other builds and run npm test again.\n',
    );
    process.exit(1);
  }
  console.warn('⚠ fonts-noto-cjk is missing: screenshots will show boxes for Japanese (apt-get install -y fonts-noto-cjk).');
}

/**
 * better-sqlite3 (the reference receiver's database) is compiled from source by npm ci where no
 * prebuilt binary can be downloaded, as here: that needs a C++ compiler, make and python3. Say so
 * before npm ci fails halfway with a compiler error.
 */
function ensureBuildTools() {
  const missing = [
    ['g++', has('g++') || has('c++')],
    ['make', has('make')],
    ['python3', has('python3')],
  ].filter(([, found]) => !found).map(([name]) => name);
  if (!missing.length) return;
  if (isRoot && has('apt-get')) {
    run(`Installing ${missing.join(', ')} with apt-get (npm ci compiles better-sqlite3)`, 'sh', [
      '-c',
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    ]);
    return;
  }
  console.error(
    `\n✖ npm ci compiles better-sqlite3 (the help-request receiver's database) from source, and this machine lacks: ${missing.join(', ')}.\n` +
      '  On Debian or Ubuntu, as root: apt-get install -y g++ make python3\n' +
      '  Then run npm test again.\n',
  );
  process.exit(1);
}

function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  ensureBuildTools();
  run('Installing npm packages (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
}

ensureDebianPackages();
ensureNodeModules();
run('Localised strings (lit-localize build)', bin('lit-localize'), ['build']);
run('Type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
run('Lint (ESLint with lit and lit-a11y)', bin('eslint'), ['.', '--max-warnings', '0']);
run('Node tests (data, CLI, translations)', 'sh', ['-c', 'node --import tsx --import ./test/lib/property-seed.ts --test test/node/*.test.ts']);
run('Easy-Japanese lint (fukushi-widgets lint-easy)', bin('tsx'), ['src/cli/index.ts', 'lint-easy', 'data/nishitokyo']);
// Component tests load the built-in data as the widgets do, from dist/data.
run('Built-in dataset and help form for the component tests (npm run data:build)', 'npm', ['run', '--silent', 'data:build']);
run('Unit and component tests in headless Chromium (@web/test-runner)', bin('web-test-runner'), [], {
  env: {CHROME_PATH: chrome},
});
run('custom-elements.json drift check', 'node', ['scripts/analyze.mjs', '--check']);
run('Build (npm run build)', 'node', ['scripts/build.mjs']);
run('Size budget (npm run size)', 'node', ['scripts/size.mjs']);
run('Storybook build (npm run build-storybook)', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'], {
  env: {STORYBOOK_DISABLE_TELEMETRY: '1'},
});
run('End-to-end tests in Chromium (built bundle, demo, axe on every story)', 'sh', [
  '-c',
  'node --test --test-concurrency=1 test/e2e/*.test.mjs',
], {env: {CHROME_PATH: chrome}});
run('Core journeys in Chromium, Firefox and WebKit (demo page, real receiver, 375 px)', 'node', ['test/engines/journeys.test.mjs'], {
  env: {CHROME_PATH: chrome},
});
console.log(`\n✔ All checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
