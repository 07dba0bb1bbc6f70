/**
 * Editors hear about a mistake in how a widget is set up (a missing endpoint, an unknown id,
 * data that cannot be used) in the console: once per page for each problem, never on every
 * render. Residents see the city's phone number instead (fallback.ts).
 */
const reported = new Set<string>();

/** Logs `message` as an error unless the problem `key` was reported on this page already. */
export function reportOnce(message: string, key = message) {
  if (reported.has(key)) return;
  reported.add(key);
  console.error(message);
}
