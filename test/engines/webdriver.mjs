// A small W3C WebDriver (classic) client with only the commands the engine journeys use. Every
// command has a timeout and none is retried, so a stuck browser fails a test instead of hanging it.
// Used for WebKitWebDriver (WebKitGTK), which offers no BiDi here.

const COMMAND_TIMEOUT_MS = 30_000;

/** Keys by the names the journeys use (as in Playwright and Puppeteer), in WebDriver's code points. */
export const KEYS = {
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Space: ' ',
  Shift: '\uE008',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
};

async function send(base, method, path, body, timeout = COMMAND_TIMEOUT_MS) {
  const what = `WebDriver ${method} ${path}`;
  let json;
  let response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : {'Content-Type': 'application/json; charset=utf-8'},
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    json = await response.json();
  } catch (error) {
    throw new Error(`${what}: ${error.name === 'TimeoutError' ? `no answer within ${timeout} ms` : error.message}`);
  }
  if (!response.ok) throw new Error(`${what}: ${json?.value?.error ?? response.status}: ${json?.value?.message ?? ''}`);
  return json.value;
}

/** Waits until the driver at `base` answers /status (it takes a moment to listen). */
export async function waitForDriver(base, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await send(base, 'GET', '/status', undefined, 2000);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the WebDriver server at ${base} did not start within ${timeout} ms (${error.message})`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

/** Starts a browser session; returns the commands bound to it. */
export async function newSession(base, capabilities) {
  const {sessionId, capabilities: granted} = await send(base, 'POST', '/session', {capabilities: {alwaysMatch: capabilities}}, 60_000);
  const call = (method, path, body, timeout) => send(base, method, `/session/${sessionId}${path}`, body, timeout);
  return {
    capabilities: granted,
    navigate: (url) => call('POST', '/url', {url}, 60_000),
    setWindowRect: (rect) => call('POST', '/window/rect', rect),
    /** Runs `script` (a function body; its last argument is the callback) and returns what it passes on. */
    executeAsync: (script, args = [], timeout = COMMAND_TIMEOUT_MS) => call('POST', '/execute/async', {script, args}, timeout + 5000),
    setScriptTimeout: (ms) => call('POST', '/timeouts', {script: ms}),
    performActions: (actions) => call('POST', '/actions', {actions}),
    releaseActions: () => call('DELETE', '/actions'),
    deleteSession: () => call('DELETE', '', undefined, 10_000),
  };
}
