// The three engines behind one small interface, so that each journey is written once:
//   goto(url), evaluate(fn, ...args), setViewport(width, height), click(x, y), type(text),
//   press(key), close(); plus `engine` and `version`. Coordinates are CSS pixels in the viewport;
//   `evaluate` sends the function's source, so it must not use variables from outside it.
// Chromium: playwright-core, as the e2e suite. Firefox: puppeteer-core over WebDriver BiDi.
// WebKit (Safari's engine): WebKitWebDriver and MiniBrowser under xvfb-run, over WebDriver classic.
// Every call has a time limit, and close() always ends the browser's processes.
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {chromium as playwrightChromium} from 'playwright-core';
import puppeteer from 'puppeteer-core';
import {CHROME_ARGS} from '../e2e/lib/browser.mjs';
import {programs} from './programs.mjs';
import {KEYS, newSession, waitForDriver} from './webdriver.mjs';

const CALL_TIMEOUT_MS = 30_000;

/** Rejects when `promise` takes longer than `ms`. */
export function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** The source the page runs: the function, called with the arguments, its result or error as JSON. */
function expression(fn, args) {
  return `(async () => {
    try { return {value: await (${fn})(...${JSON.stringify(args)})}; }
    catch (error) { return {error: String(error) + (error && error.stack ? '\\n' + error.stack : '')}; }
  })()`;
}

function unwrap(result, fn) {
  if (result?.error !== undefined) throw new Error(`in the page: ${result.error}\n  while running ${String(fn).slice(0, 200)}`);
  return result?.value;
}

/** "Shift+Tab" → ['Shift', 'Tab']. */
const chord = (key) => (key.length > 1 ? key.split('+') : [key]);

async function chromium({env}) {
  // Playwright's own clock and time zone stay unused: the page pins its clock as in the other engines.
  const browser = await playwrightChromium.launch({
    executablePath: programs('chromium', env).chrome.file,
    headless: true,
    args: CHROME_ARGS,
    env,
    timeout: CALL_TIMEOUT_MS,
  });
  const page = await browser.newPage();
  return {
    version: browser.version(),
    goto: (url) => page.goto(url, {timeout: 60_000}),
    evaluate: async (fn, ...args) => unwrap(await within(CALL_TIMEOUT_MS, 'evaluate', page.evaluate(expression(fn, args))), fn),
    setViewport: (width, height) => page.setViewportSize({width, height}),
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    close: () => browser.close(),
  };
}

/**
 * `env` without libfaketime: Firefox hangs at start-up when it is preloaded (as when the suite is
 * run under `faketime` to show that it passes at any hour). The page's clock is pinned anyway.
 */
function withoutFaketime(env) {
  const preload = (env.LD_PRELOAD ?? '').split(/[:\s]+/).filter((lib) => lib && !/libfaketime/.test(lib));
  const rest = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'LD_PRELOAD' && !/^FAKETIME/.test(name)));
  return preload.length ? {...rest, LD_PRELOAD: preload.join(':')} : rest;
}

async function firefox({env}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: programs('firefox', env).firefox.file,
    headless: true,
    env: withoutFaketime(env),
    timeout: CALL_TIMEOUT_MS,
    protocolTimeout: CALL_TIMEOUT_MS,
  });
  const page = await browser.newPage();
  return {
    version: await browser.version(),
    goto: (url) => page.goto(url, {timeout: 60_000}),
    evaluate: async (fn, ...args) => unwrap(await page.evaluate(expression(fn, args)), fn),
    async setViewport(width, height) {
      try {
        await page.setViewport({width, height});
      } catch {
        // Firefox 140 ESR refuses puppeteer's call; BiDi's own command works there.
        await page.mainFrame().browsingContext.setViewport({viewport: {width, height}});
      }
    },
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    async press(key) {
      const keys = chord(key);
      for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
      await page.keyboard.press(keys.at(-1));
      for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
    },
    async close() {
      const child = browser.process();
      await within(10_000, 'closing Firefox', browser.close()).catch(() => child?.kill('SIGKILL'));
    },
  };
}

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => ok(port));
    });
  });

/** Signals a process group that this runner started (xvfb-run with Xvfb, the driver and the browser). */
function endGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // nobody left in it
  }
}

/** Asks the group to end, waits up to 5 s for all of it, then kills what is left. */
async function endGroupGently(child) {
  endGroup(child, 'SIGTERM');
  for (let waited = 0; waited < 5000 && endGroup(child, 0); waited += 100) await new Promise((ok) => setTimeout(ok, 100));
  endGroup(child, 'SIGKILL');
}

async function webkit({env}) {
  const {driver, miniBrowser, xvfbRun} = programs('webkit', env);
  const port = await freePort();
  // Its own process group, so that everything under xvfb-run can be ended together.
  const child = spawn(xvfbRun.file, ['-a', '-s', '-screen 0 1280x1024x24', driver.file, `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const exited = new Promise((ok) => child.once('exit', ok));
  // Its own group does not get the terminal's Ctrl+C: pass it on, and never leave it behind.
  const killOnExit = () => endGroup(child, 'SIGKILL');
  const interrupted = (signal) => {
    killOnExit();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('exit', killOnExit);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  async function end() {
    await endGroupGently(child);
    process.off('exit', killOnExit);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }

  const base = `http://127.0.0.1:${port}`;
  let session;
  try {
    await Promise.race([
      waitForDriver(base),
      exited.then((code) => Promise.reject(new Error(`xvfb-run WebKitWebDriver exited (${code}): ${stderr.trim()}`))),
    ]);
    session = await newSession(base, {
      browserName: 'MiniBrowser',
      // --full-screen drops MiniBrowser's toolbar, which keeps a window wider than about 447 px.
      'webkitgtk:browserOptions': {binary: miniBrowser.file, args: ['--automation', '--full-screen']},
    });
    await session.setScriptTimeout(CALL_TIMEOUT_MS);
  } catch (error) {
    await end();
    throw error;
  }

  const keyActions = (keys) => [{type: 'key', id: 'keyboard', actions: keys}];
  return {
    version: session.capabilities.browserVersion,
    goto: (url) => session.navigate(url),
    async evaluate(fn, ...args) {
      const script = `const done = arguments[arguments.length - 1]; ${expression(fn, args)}.then(done);`;
      return unwrap(await session.executeAsync(script, [], CALL_TIMEOUT_MS), fn);
    },
    setViewport: (width, height) => session.setWindowRect({width, height}),
    // Pointer actions: WebDriver's element click reports inputs inside shadow roots as covered.
    click: (x, y) =>
      session.performActions([
        {
          type: 'pointer',
          id: 'mouse',
          parameters: {pointerType: 'mouse'},
          actions: [
            {type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0},
            {type: 'pointerDown', button: 0},
            {type: 'pointerUp', button: 0},
          ],
        },
      ]),
    type: (text) => session.performActions(keyActions([...text].flatMap((value) => [{type: 'keyDown', value}, {type: 'keyUp', value}]))),
    async press(key) {
      const values = chord(key).map((k) => KEYS[k] ?? k);
      await session.performActions(keyActions([...values.map((value) => ({type: 'keyDown', value})), ...values.reverse().map((value) => ({type: 'keyUp', value}))]));
    },
    async close() {
      await session.deleteSession().catch(() => {});
      await end();
    },
  };
}

const LAUNCHERS = {chromium, firefox, webkit};

/** Starts `engine` with `env` (TZ and the like) and wraps every call in a time limit. */
export async function openBrowser(engine, {env = process.env} = {}) {
  const browser = await within(90_000, `starting ${engine}`, LAUNCHERS[engine]({env}));
  const limited = {engine, version: browser.version};
  for (const [name, call] of Object.entries(browser)) {
    if (typeof call !== 'function') continue;
    limited[name] = (...args) => within(name === 'goto' ? 70_000 : CALL_TIMEOUT_MS + 10_000, `${engine} ${name}`, call(...args));
  }
  return limited;
}
