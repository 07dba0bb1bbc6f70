// Helpers for the functions that the journeys run in the page. They are sent as source with each
// call, so everything here stays inside pageHelpers().

export function pageHelpers() {
  /** Every element under `root`, through open shadow roots. */
  function all(root = document) {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    return out;
  }

  /** The element at `path`: CSS selectors, each looked for inside the shadow root of the one before. */
  function find(...path) {
    let el = document;
    for (const selector of path) {
      el = (el.shadowRoot ?? el).querySelector(selector);
      if (!el) throw new Error(`not on the page: ${path.join(' → ')} (no "${selector}")`);
    }
    return el;
  }

  /** Text as a sighted reader sees it: no readings, nothing visually hidden, spaces squashed. */
  function seen(el) {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('rt, rp, .visually-hidden, style, [aria-hidden="true"]').forEach((n) => n.remove());
    return clone.textContent.replace(/\s+/g, ' ').trim();
  }

  /** Brings `el` to the middle of the screen; returns its centre in viewport pixels. */
  async function centre(el) {
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    // Two frames: the scroll is painted before a click aims at it (Firefox hit-tests what is on
    // screen, and a click right after scrolling could land on the old position).
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const r = el.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2};
  }

  /** Whether every fukushi-* element is defined and has finished rendering (with its data). */
  async function widgetsSettled() {
    // Twice: widgets rendered in the first pass may hold widgets of their own (cards in the finder).
    for (let pass = 0; pass < 2; pass++) {
      const widgets = all().filter((el) => el.localName.startsWith('fukushi-'));
      if (!widgets.length) return false;
      for (const el of widgets) {
        if (!customElements.get(el.localName) || !el.shadowRoot) return false;
        await el.updateComplete;
        if (el.ready) await el.ready;
        await el.updateComplete;
      }
    }
    await document.fonts.ready;
    return true;
  }

  return {all, find, seen, centre, widgetsSettled};
}
