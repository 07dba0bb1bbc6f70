/**
 * A define guard. Two partner scripts, or two versions of the bundle, may share a page:
 * the first definition stays, later ones warn once and never throw (Shoelace 2 pattern).
 */
import {VERSION} from '../version.js';

let warned = false;

export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tag);
  if (existing === ctor) return false;
  if (!existing) {
    try {
      registry.define(tag, ctor);
      return true;
    } catch {
      // Lost a race with another copy between get() and define(): fall through to the warning.
    }
  }
  if (!warned) {
    warned = true;
    const other = (registry.get(tag) as {version?: string} | undefined)?.version;
    console.warn(
      `fukushi-widgets ${VERSION}: <${tag}> is already defined` +
        (other ? ` by fukushi-widgets ${other}` : '') +
        '. The first definition is kept; load the script only once per page.',
    );
  }
  return false;
}
