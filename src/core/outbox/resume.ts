/**
 * Resumes delivery of help requests queued on this device, from any page with any widget,
 * without loading the outbox on pages where nothing waits: the outbox keeps a localStorage flag
 * while something is queued, and only then is its code fetched.
 */
import {OUTBOX_FLAG} from './flag.js';

let loading = false;

function check() {
  let waiting = true;
  try {
    waiting = localStorage.getItem(OUTBOX_FLAG) !== null;
  } catch {
    // Storage blocked: look in IndexedDB to be safe.
  }
  if (!waiting || loading) return;
  loading = true;
  import('./outbox.js').then(
    (outbox) => outbox.startOutbox(),
    () => {
      loading = false; // offline before the code arrived: try again when the network returns
    },
  );
}

export function resumeOutbox(): void {
  if (typeof window === 'undefined') return;
  check();
  addEventListener('online', check);
}
