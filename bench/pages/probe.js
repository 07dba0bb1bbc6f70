// The benchmark's probe, shared by the finder's page and the peer's page (plain JS, served as is).
// It puts the subject on the page from the URL (?services=5000&query=…), and measures in the page:
//
// Keystroke latency: from the `input` event's timeStamp (the clock of performance.now()) until a
// frame that shows this text's results has been painted, twice over:
//  - first screen: the results a resident sees are this text's. The results drawn so far are the
//    first ones of the list the subject settles on for that text (learnt beforehand by `settle`,
//    so a widget that renders later, in idle time or after a debounce, is waited for), in order,
//    with that list's count line, and they are all of it or they reach past the bottom of the
//    window. Nothing stale may show: one old result among them and the frame does not count.
//  - whole list: every result of that list is drawn, with its count line.
// Either way every contact card drawn must be past "loading", and the subject must have reacted to
// this keystroke: changed its DOM since (when the list is not the one it showed before), or
// finished its update. When the frame that shows it is found (requestAnimationFrame), a message
// posted from there runs after that frame is painted: that instant ends the measurement. A
// keystroke overtaken by the next one before its list showed ends when a later one does.
//
// Load → first result: from navigation start (performance.now() = 0) until the list for the
// `query` given in the URL first shows results.
const params = new URLSearchParams(location.search);
const tag = document.documentElement.dataset.subject;
const FINDER = tag === 'fukushi-service-finder';
const el = document.createElement(tag);
el.id = 'subject';
el.setAttribute('src', `/bench/tmp/dataset-${Number(params.get('services') ?? 5000)}.json`);
if (params.get('query')) el.setAttribute('query', params.get('query'));
document.querySelector('main').append(el);

const afterPaint = (done) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    done(performance.now());
  };
  channel.port2.postMessage(undefined);
};

/** Result ids in order and the count line, as a resident sees them now. */
function signature() {
  const root = el.shadowRoot;
  if (!root) return '';
  const items = [...root.querySelectorAll(FINDER ? 'ul.results > li' : 'ul > li')];
  const ids = items.map((li) => (FINDER ? li.querySelector('[aria-controls]')?.getAttribute('aria-controls')?.replace(/^details-/, '') : li.dataset.id));
  const count = root.querySelector(FINDER ? '.count, [part=no-results] strong' : 'p.count')?.textContent.trim() ?? '';
  return `${ids.join(',')}|${count}`;
}

/** Every contact card in the subject shows a desk (or the city's number), none is loading. */
function cardsReady() {
  const cards = el.shadowRoot?.querySelectorAll('fukushi-contact-card') ?? [];
  return [...cards].every((card) => card.shadowRoot?.querySelector('.card, [part=error]'));
}

/** The first ten results with the phone numbers (tel: links) shown with each, in the result or in its contact cards. */
function shown() {
  const root = el.shadowRoot;
  const items = [...(root?.querySelectorAll(FINDER ? 'ul.results > li' : 'ul > li') ?? [])].slice(0, 10);
  return items.map((li) => {
    const id = FINDER ? li.querySelector('[aria-controls]')?.getAttribute('aria-controls')?.replace(/^details-/, '') : li.dataset.id;
    // The finder shows a result's desk in the result itself, and in contact cards once opened.
    const cards = FINDER ? [...li.querySelectorAll('fukushi-contact-card')].flatMap((c) => [...(c.shadowRoot?.querySelectorAll('a[href^="tel:"]') ?? [])]) : [];
    const links = [...li.querySelectorAll('a[href^="tel:"]'), ...cards];
    return {id, tels: links.map((a) => a.getAttribute('href'))};
  });
}

// --- keystrokes --------------------------------------------------------------------------------
const expected = new Map();
const pending = [];
const samples = [];
let watching = false;

const LIST = FINDER ? 'ul.results > li' : 'ul > li';

/** Whether the results drawn now are the first screen of `list` (a signature): see the top of this file. */
function showsFirstScreen(list) {
  const [ids, count] = list.split('|');
  const [drawnIds, drawnCount] = signature().split('|');
  if (drawnCount !== count) return false;
  const want = ids ? ids.split(',') : [];
  const drawn = drawnIds ? drawnIds.split(',') : [];
  if (drawn.length > want.length || drawn.some((id, i) => id !== want[i])) return false;
  if (drawn.length === want.length) return true;
  const items = el.shadowRoot.querySelectorAll(LIST);
  return drawn.length > 0 && items[items.length - 1].getBoundingClientRect().bottom >= innerHeight;
}

/** Ends a keystroke's measurement once both instants are known. */
function finish(entry) {
  if (entry.screenMs === undefined || entry.fullMs === undefined) return;
  samples.push({value: entry.value, ms: entry.screenMs, fullMs: entry.fullMs, overtaken: entry.overtaken});
}

function frame() {
  const now = signature();
  const ready = cardsReady();
  const reacted = (p) => p.updated || (p.changed && p.expected !== p.before);
  // The last keystroke whose first screen (whole list) shows now; those before it were overtaken.
  let screen = -1;
  let full = -1;
  pending.forEach((p, i) => {
    if (!ready || !reacted(p)) return;
    if (p.expected === now) full = i;
    if (showsFirstScreen(p.expected)) screen = i;
  });
  const screenDone = pending.slice(0, screen + 1).filter((p) => !p.screenSeen);
  const fullDone = pending.slice(0, full + 1).filter((p) => !p.fullSeen);
  for (const p of screenDone) p.screenSeen = true;
  for (const p of fullDone) p.fullSeen = true;
  if (screenDone.length || fullDone.length) {
    afterPaint((t) => {
      screenDone.forEach((p, i) => {
        p.screenMs = t - p.ts;
        p.overtaken ||= i < screenDone.length - 1;
        finish(p);
      });
      fullDone.forEach((p) => {
        p.fullMs = t - p.ts;
        finish(p);
      });
    });
  }
  while (pending[0]?.screenSeen && pending[0].fullSeen) pending.shift();
  if (pending.length) requestAnimationFrame(frame);
  else watching = false;
}

// Any change to the subject's DOM after a keystroke: it has reacted to it.
const changes = new MutationObserver(() => pending.forEach((p) => (p.changed = true)));
let observed = false;

// Captured at the window, before the subject's own input handler runs (its update follows that
// handler at once, in a microtask): `before` is the list as it was, and every change is seen.
addEventListener('input', (event) => {
  const value = event.composedPath()[0]?.value;
  if (!expected.has(value)) return;
  if (!observed) changes.observe(el.shadowRoot, {subtree: true, childList: true, characterData: true, attributes: true});
  observed = true;
  const entry = {value, ts: event.timeStamp, expected: expected.get(value), before: signature(), updated: false, changed: false};
  // The subject's update for this keystroke is asked for once its handler has run (bubbling).
  addEventListener('input', () => el.updateComplete.then(() => (entry.updated = true)), {once: true});
  pending.push(entry);
  if (!watching) {
    watching = true;
    requestAnimationFrame(frame);
  }
}, {capture: true});

// --- load → first result --------------------------------------------------------------------
let firstResult;
const firstResultShown = new Promise((resolve) => {
  const poll = () => {
    if (signature().startsWith('|') || !signature() || !cardsReady()) return requestAnimationFrame(poll);
    afterPaint((t) => resolve((firstResult = t)));
  };
  if (params.get('query')) requestAnimationFrame(poll);
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const input = () => el.shadowRoot.querySelector('input[type=search]');

window.bench = {
  subject: el,
  signature,
  shown,
  firstResultShown,
  /** Resolves when the subject has loaded its data and rendered. */
  async ready() {
    await customElements.whenDefined(tag);
    await el.ready;
    await el.updateComplete;
    return performance.now();
  },
  /**
   * Puts `text` in the box (one input event) and resolves with the list once it has stayed the
   * same, with no card loading, for `quietMs`.
   */
  async settle(text, quietMs = 200) {
    input().value = text;
    input().dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText', data: text}));
    await el.updateComplete;
    let last = signature();
    let since = performance.now();
    for (;;) {
      await nextFrame();
      const now = signature();
      if (now !== last || !cardsReady()) {
        last = now;
        since = performance.now();
      } else if (performance.now() - since >= quietMs) return now;
    }
  },
  expect(map) {
    for (const [text, sig] of Object.entries(map)) expected.set(text, sig);
  },
  /** Samples so far, and how many keystrokes still wait for their list. */
  samples: () => ({samples, pending: pending.length}),
  firstResult: () => firstResult,
};
