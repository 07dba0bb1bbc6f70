// Screenshot baselines and the browser they were recorded with.
//
// Pixels depend on the browser's rendering and on the fonts, not only on our code. Baselines
// therefore record the Chromium version and the CJK font package they were made with:
//  - same Chromium major version and same fonts: any difference beyond the tolerance fails;
//  - otherwise the comparison still runs and reports how many screenshots differ, with the
//    command that re-records them once a person has looked at the diffs; it does not fail.
// Layout checks that do not depend on the browser's pixels (no sideways scroll, no text past
// the viewport) always fail, whatever the browser.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';

export const SCREENSHOTS = 'test/e2e/__screenshots__';
const RECORD = `${SCREENSHOTS}/recorded-with.json`;
export const RERECORD = 'UPDATE_SNAPSHOTS=1 node --test test/e2e/quality.test.mjs';

/** The Debian package that draws Japanese text in the screenshots, and its version. */
function fontsPackage() {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'fonts-noto-cjk'], {encoding: 'utf8'});
  return result.status === 0 ? `fonts-noto-cjk ${result.stdout.trim()}` : 'fonts-noto-cjk (not installed)';
}

/** What this run renders with. */
export function environment(browser) {
  return {chromium: browser.version(), fonts: fontsPackage()};
}

export function recordEnvironment(env) {
  writeFileSync(RECORD, JSON.stringify(env, null, 2) + '\n');
}

const major = (version) => String(version ?? '').split('.')[0];

/**
 * `strict` when this run renders like the run that recorded the baselines, else `report`,
 * with a sentence that says why.
 */
export function comparisonMode(env) {
  const recorded = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) : null;
  if (!recorded) return {mode: 'report', why: `no ${RECORD}: the baselines do not say which browser made them`};
  if (major(recorded.chromium) !== major(env.chromium)) {
    return {mode: 'report', why: `the baselines were recorded with Chromium ${recorded.chromium}; this is Chromium ${env.chromium}`};
  }
  if (recorded.fonts !== env.fonts) {
    return {mode: 'report', why: `the baselines were recorded with ${recorded.fonts}; this machine has ${env.fonts}`};
  }
  return {mode: 'strict', why: `Chromium ${env.chromium} and ${env.fonts}, as recorded`};
}
