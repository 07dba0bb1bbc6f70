// The benchmark's probe, shared by the finder's page and the peer's page (plain JS, served as is).
// It puts the subject on the page from the URL (?services=5000&query=…), and measures in the page:
//
// Keystroke latency: from the `input` event's timeStamp (the clock of performance.now()) until
// the results list shows this query's results and a frame has painted them. Each animation frame
// compares the list (result ids in order and the count line) with the list the subject settles
// on for that text (learnt beforehand by `settle`, so a widget that renders later, in idle time or
// after a debounce, is waited for); the subject's own update must be complete and every contact
// card in it past "loading". When the frame that shows it is found (requestAnimationFrame), a
// message posted from there runs after that frame is painted: that instant ends the measurement.
// A keystroke overtaken by the next one before its list showed ends when a later one does.
//
// Load → first result: from navigation start (performance.now() = 0) until the list for the
// `query` given in the URL first shows results, by the same frame test.
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

function frame() {
  const now = signature();
  const ready = cardsReady();
  let last = -1;
  pending.forEach((p, i) => {
    if (p.updated && ready && p.expected === now) last = i;
  });
  if (last >= 0) {
    const done = pending.splice(0, last + 1);
    afterPaint((t) => done.forEach((p, i) => samples.push({value: p.value, ms: t - p.ts, overtaken: i < done.length - 1})));
  }
  if (pending.length) requestAnimationFrame(frame);
  else watching = false;
}

// Bubbling to the window: the subject's own input handler (inside its shadow root) has run.
addEventListener('input', (event) => {
  const value = event.composedPath()[0]?.value;
  if (!expected.has(value)) return;
  const entry = {value, ts: event.timeStamp, expected: expected.get(value), updated: false};
  el.updateComplete.then(() => (entry.updated = true));
  pending.push(entry);
  if (!watching) {
    watching = true;
    requestAnimationFrame(frame);
  }
});

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
