/** Retry timing for the outbox: exponential backoff with full jitter, and Retry-After. */

export const BASE_DELAY = 2000;
export const MAX_DELAY = 5 * 60 * 1000;
/** No retry sooner than this, so that a jitter of almost 0 cannot spin. */
export const MIN_DELAY = 1000;

/** Milliseconds to wait after failed attempt number `attempts` (1, 2, …): random in [1 s, min(5 min, 2 s × 2^(n-1))]. */
export const retryDelay = (attempts: number, random = Math.random()) =>
  Math.max(MIN_DELAY, random * Math.min(MAX_DELAY, BASE_DELAY * 2 ** (attempts - 1)));

/** A Retry-After header (seconds or an HTTP date) in milliseconds from `now`, at most one day; undefined if absent or past. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? +header * 1000 : Date.parse(header) - now;
  return ms > 0 ? Math.min(ms, 864e5) : undefined;
}
