import type * as FakeTimers from '@sinonjs/fake-timers';

/**
 * @sinonjs/fake-timers for tests in the browser. It is CommonJS, which the test server does not
 * convert, so it is evaluated here with the one require() it needs.
 */
export async function fakeTimers(): Promise<typeof FakeTimers> {
  const source = await (await fetch('/node_modules/@sinonjs/fake-timers/src/fake-timers-src.js')).text();
  const module = {exports: {}};
  const require = (id: string) => {
    if (id === '@sinonjs/commons') return {global: globalThis};
    throw new Error(`${id} is a Node module`);
  };
  new Function('require', 'module', 'exports', source)(require, module, module.exports);
  return module.exports as typeof FakeTimers;
}
