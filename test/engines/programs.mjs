// Where each engine's programs are, and the Debian packages that provide them. Node built-ins
// only: scripts/test.mjs reads this before the npm packages are installed.
import {existsSync, readdirSync} from 'node:fs';
import {spawnSync} from 'node:child_process';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], {encoding: 'utf8'}).stdout.trim() || undefined;
const existing = (file) => (file && existsSync(file) ? file : undefined);

/** MiniBrowser, WebKitGTK's test browser: /usr/lib/<multiarch>/webkit2gtk-4.1/ on Debian. */
function miniBrowser(env) {
  if (env.WEBKIT_MINIBROWSER) return existing(env.WEBKIT_MINIBROWSER);
  const dirs = readdirSync('/usr/lib').filter((d) => d.includes('-linux-'));
  return [...dirs.map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`), '/usr/libexec/webkit2gtk-4.1/MiniBrowser'].find((f) => existsSync(f));
}

/**
 * Each engine's programs as {file, package}, `file` undefined when missing. CHROME_PATH,
 * FIREFOX_PATH, WEBKIT_WEBDRIVER and WEBKIT_MINIBROWSER point at other builds.
 */
export function programs(engine, env = process.env) {
  switch (engine) {
    case 'chromium':
      return {chrome: {file: existing(env.CHROME_PATH || '/usr/bin/chromium'), package: 'chromium'}};
    case 'firefox':
      return {firefox: {file: existing(env.FIREFOX_PATH || '/usr/bin/firefox-esr'), package: 'firefox-esr'}};
    case 'webkit':
      return {
        driver: {file: env.WEBKIT_WEBDRIVER ? existing(env.WEBKIT_WEBDRIVER) : onPath('WebKitWebDriver'), package: 'webkit2gtk-driver'},
        // MiniBrowser comes with libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on.
        miniBrowser: {file: miniBrowser(env), package: 'webkit2gtk-driver'},
        xvfbRun: {file: onPath('xvfb-run'), package: 'xvfb'},
      };
    default:
      throw new Error(`Unknown engine "${engine}": use ${ENGINE_NAMES.join(', ')}.`);
  }
}

/** The Debian packages that `engines` still need (none when everything is there). */
export function missingPackages(engines, env = process.env) {
  const missing = engines.flatMap((engine) => Object.values(programs(engine, env)).filter((p) => !p.file).map((p) => p.package));
  return [...new Set(missing)];
}
