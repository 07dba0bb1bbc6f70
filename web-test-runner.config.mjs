// @ts-check
// Component and unit tests in headless Chromium (Debian's chromium package).
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {builtinDataMiddleware} from './scripts/lib/dev-middleware.mjs';
import {BROWSER_TIME_ZONE} from './test/lib/pinned-time.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
// As root in a container --no-sandbox is required; the rest keep Chromium off the network.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/unit/**/*.test.ts', 'test/components/**/*.test.ts'],
  nodeResolve: true,
  // The browser runs outside Tokyo, so that every widget must do its own Asia/Tokyo arithmetic;
  // tests that depend on the time pin it (the `now` property, or test/lib/fake-timers.ts).
  browsers: [chromeLauncher({launchOptions: {executablePath, headless: true, args, env: {...process.env, TZ: BROWSER_TIME_ZONE}}})],
  concurrency: 1,
  middleware: [builtinDataMiddleware],
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  testFramework: {config: {timeout: 20000}},
  testsFinishTimeout: 300000,
};
