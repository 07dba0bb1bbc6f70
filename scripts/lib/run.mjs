// Runs commands step by step with timings; shared by scripts/test.mjs, build.mjs and start.mjs.
import {spawnSync} from 'node:child_process';

export const bin = (name) => `node_modules/.bin/${name}`;

export function run(label, command, args = [], options = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, {stdio: 'inherit', ...options, env: {...process.env, ...options.env}});
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds}s (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
  return result;
}
