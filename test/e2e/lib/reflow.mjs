import {PNG} from 'pngjs';

// In-page checks of the reflow suite (test/e2e/reflow.test.mjs): what a resident on a phone would
// notice. `installProbe` runs in the page (page.addInitScript) and defines `window.__reflow`;
// each check looks inside the widgets named by CSS selectors, through every shadow root.
//
//  - layout: the page does not scroll sideways, no text or control lies beyond the viewport, and
//    no element cuts its text off (overflow hidden, clip or a scroll box of its own);
//  - overlaps: no reading (rt) reaches into other text, compared by the glyphs' em boxes;
//  - readings: every kanji shown has a reading, as ruby or, in a select's options (which cannot
//    hold ruby), in brackets right after it: 谷戸町（やとちょう）;
//  - sheet: adds a style sheet everywhere, as a resident's own would be (the 1.4.12 text spacing).
//  - glyphs: where each base character of each word sits, for the ruby word-spacing measure
//    (wordGaps, in Node, reads the ink off screenshots).

/** WCAG 1.4.12 text spacing: line height 1.5, letter 0.12 em, word 0.16 em, paragraphs 2 em. */
export const TEXT_SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }' +
  ' p { margin-bottom: 2em !important; }';

/** Defines window.__reflow in the page. Self-contained: it is serialised into the page. */
export function installProbe() {
  // As src/core/text/kanji.ts counts them: ideographs, 々 and 〆 (not 〇, a placeholder mark).
  const KANJI = /[々〆\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;
  /** The shadow roots of the widgets matched by `selectors`, nested ones included. */
  const rootsOf = (selectors) => {
    const roots = [];
    const add = (root) => {
      roots.push(root);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) add(el.shadowRoot);
    };
    for (const host of document.querySelectorAll(selectors.join(','))) if (host.shadowRoot) add(host.shadowRoot);
    return roots;
  };
  const label = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const host = el.getRootNode().host?.localName ?? 'document';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `${host} ${el.localName}${cls} "${(node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)}"`;
  };
  const hidden = (el) => !el.checkVisibility({visibilityProperty: true}) || el.closest('.visually-hidden, [aria-hidden="true"] .visually-hidden');
  /** Visible text nodes (not in rt/rp unless asked), with their parent element. */
  const textNodes = (roots, {readings = false} = {}) => {
    const out = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || !n.data.trim() || parent.closest('style, script, template, option, rp')) continue;
        if (!readings && parent.closest('rt')) continue;
        if (hidden(parent)) continue;
        out.push(n);
      }
    }
    return out;
  };
  // One range for every measure: each live range is updated on every change to the DOM until it
  // is collected, and a range per character would make the widgets' next render take seconds.
  const range = document.createRange();
  const rectsOf = (node) => {
    range.selectNodeContents(node);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  /** The em box of the glyphs in a text rect: a text box adds the font's own leading around it. */
  const emBox = (rect, size) => {
    const top = rect.top + (rect.height - size) / 2;
    return {left: rect.left, right: rect.right, top, bottom: top + size};
  };

  function layout(selectors) {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const page = document.scrollingElement.scrollWidth;
    if (page > width) problems.push(`the page scrolls sideways: ${page} px wide in a ${width} px viewport`);
    const roots = rootsOf(selectors);
    for (const node of textNodes(roots, {readings: true})) {
      for (const r of rectsOf(node)) {
        if (r.right > width + 0.5 || r.left < -0.5) problems.push(`text beyond the viewport: ${label(node)} at ${r.left.toFixed(0)}–${r.right.toFixed(0)} px`);
      }
    }
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        const controls = el.matches('input, select, textarea, button');
        const wide = el.scrollWidth > el.clientWidth + 1;
        const tall = el.scrollHeight > el.clientHeight + 1;
        if (!controls && !wide && !tall) continue;
        if (hidden(el) || el.localName === 'rt' || el.localName === 'ruby') continue;
        const box = el.getBoundingClientRect();
        if (controls && box.width && (box.right > width + 0.5 || box.left < -0.5)) {
          problems.push(`control beyond the viewport: ${label(el)} at ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`);
        }
        // Native controls scroll their own value; what matters there is that they fit the screen.
        if (el.matches('input, select, textarea') || (!wide && !tall)) continue;
        const style = getComputedStyle(el);
        const cuts = (overflow) => overflow !== 'visible';
        if ((wide && cuts(style.overflowX)) || (tall && ['hidden', 'clip'].includes(style.overflowY))) {
          problems.push(`clipped text: ${label(el)} shows ${el.clientWidth}×${el.clientHeight} of ${el.scrollWidth}×${el.scrollHeight} (overflow ${style.overflowX} ${style.overflowY})`);
        }
      }
    }
    return problems;
  }

  function overlaps(selectors) {
    const roots = rootsOf(selectors);
    const boxes = [];
    for (const node of textNodes(roots, {readings: true})) {
      const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      const rt = node.parentElement.closest('rt');
      // A popover lies over the page on purpose: its text is compared with its own text only.
      const layer = node.parentElement.closest('[popover]');
      for (const r of rectsOf(node)) boxes.push({node, rt, layer, box: emBox(r, size)});
    }
    // Buckets of 32 px rows, so that each reading is compared with the text near it only.
    const rows = new Map();
    for (const b of boxes) {
      for (let y = Math.floor(b.box.top / 32); y <= Math.floor(b.box.bottom / 32); y++) {
        if (!rows.has(y)) rows.set(y, []);
        rows.get(y).push(b);
      }
    }
    const problems = new Set();
    for (const a of boxes) {
      if (!a.rt) continue;
      for (let y = Math.floor(a.box.top / 32); y <= Math.floor(a.box.bottom / 32); y++) {
        for (const b of rows.get(y) ?? []) {
          if (b === a || b.node === a.node || b.layer !== a.layer) continue;
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 0.5 && h > 0.5) problems.add(`reading 《${a.node.data}》 over ${label(b.node)} by ${x.toFixed(1)}×${h.toFixed(1)} px`);
        }
      }
    }
    return [...problems];
  }

  function readings(selectors) {
    const problems = [];
    const roots = rootsOf(selectors);
    for (const node of textNodes(roots)) {
      if (!KANJI.test(node.data)) continue;
      const ruby = node.parentElement.closest('ruby');
      const rt = ruby?.querySelector(':scope > rt');
      if (!rt?.textContent.trim() || hidden(rt)) problems.push(`no reading: ${label(node)}`);
    }
    // An option cannot hold ruby: each run of kanji is followed by its reading in brackets.
    for (const root of roots) {
      for (const select of root.querySelectorAll('select')) {
        if (hidden(select)) continue;
        for (const option of select.options) {
          const bare = option.text.replace(new RegExp(`${KANJI.source}+[^\\s（]*?（[ぁ-ゖァ-ヺー・]+）`, 'gu'), '');
          if (KANJI.test(bare)) problems.push(`no reading: ${label(select)} option "${option.text}"`);
        }
      }
    }
    return problems;
  }

  /**
   * Sets the style sheet `name` (empty css removes its rules) in the document and in every shadow
   * root: a page's style sheet stops at each shadow root, a resident's own (user) style sheet does
   * not, so this is how a test stands in for the latter.
   */
  function sheet(name, css) {
    const all = [document];
    const add = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          all.push(el.shadowRoot);
          add(el.shadowRoot);
        }
      }
    };
    add(document);
    const sheets = (window.__reflowSheets ??= {});
    const one = (sheets[name] ??= new CSSStyleSheet());
    one.replaceSync(css);
    for (const root of all) {
      if (!root.adoptedStyleSheets.includes(one)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, one];
    }
  }

  /** The box a text sits in, for telling words apart: a badge or button of its own ends a word. */
  let boxes = 0;
  const boxIds = new WeakMap();
  const boxOf = (el, block) => {
    for (let at = el; at && at !== block; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.display === 'inline' || style.display.startsWith('ruby')) continue;
      const spaced = ['marginInlineStart', 'marginInlineEnd', 'paddingInlineStart', 'paddingInlineEnd', 'borderInlineStartWidth', 'borderInlineEndWidth'].some((p) => parseFloat(style[p]) > 0);
      if (spaced) {
        if (!boxIds.has(at)) boxIds.set(at, ++boxes);
        return boxIds.get(at);
      }
    }
    return 0;
  };

  /**
   * Each word (a run of base text without spaces, on one line) holding ruby, as its characters:
   * where the text engine put each one (page px) and the font's own measure of its glyph.
   */
  function glyphs(selectors) {
    const words = [];
    const rubyIds = new Map();
    for (const root of rootsOf(selectors)) {
      for (const block of root.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, dd, dt, button, label, legend, summary, strong, span.tip')) {
        if (hidden(block) || !block.querySelector('ruby')) continue;
        // The characters of the block in order, leaving out readings and nested blocks.
        const chars = [];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (parent.closest('rt, rp, style, .visually-hidden') || hidden(parent)) continue;
          if (parent !== block && parent.closest('p, li, h1, h2, h3, h4, h5, h6, dd, dt, button, label, legend, summary, span.tip') !== block) continue;
          const style = getComputedStyle(parent);
          const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const size = parseFloat(style.fontSize);
          const ruby = parent.closest('ruby');
          if (ruby && !rubyIds.has(ruby)) rubyIds.set(ruby, rubyIds.size + 1);
          const rubyId = rubyIds.get(ruby) ?? 0;
          const box = boxOf(parent, block);
          for (let i = 0; i < n.length; i++) {
            const ch = n.data[i];
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const r = range.getBoundingClientRect();
            chars.push({ch, font, ruby: rubyId, box, size, left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY});
          }
        }
        // A base character's box takes in the room its reading needs, and may reach over the glyph
        // of a neighbour under an overhanging reading: its ink is looked for only between the boxes
        // of its neighbours (a plain character's box is its glyph's).
        chars.forEach((c, i) => {
          const before = chars[i - 1];
          const after = chars[i + 1];
          const limits = (n) => c.ruby && n && n.ruby !== c.ruby && Math.abs(n.top - c.top) < c.size / 2;
          c.from = limits(before) ? Math.max(c.left, before.right) : c.left;
          c.to = limits(after) ? Math.min(c.right, after.left) : c.right;
        });
        let word = [];
        const close = () => {
          if (word.some((c) => c.ruby) && word.length > 1) words.push({where: label(block), chars: word});
          word = [];
        };
        for (const c of chars) {
          const last = word[word.length - 1];
          if (/\s/.test(c.ch) || (last && (last.box !== c.box || Math.abs(last.top - c.top) > c.size / 2))) close();
          if (!/\s/.test(c.ch)) word.push(c);
        }
        close();
      }
    }
    return words;
  }

  /**
   * Sets each character of `chars` ({ch, font}) alone, as plain text, in a box at the top of the
   * page (`id` __reflow-reference), and returns where each one starts and ends (page px): with a
   * screenshot of that box, where each glyph's ink lies from its own origin. `false` removes it.
   */
  function reference(chars) {
    document.getElementById('__reflow-reference')?.remove();
    if (!chars) return [];
    const box = document.createElement('div');
    box.id = '__reflow-reference';
    box.style.cssText = 'position:absolute;top:0;left:0;z-index:2147483647;box-sizing:border-box;width:100%;padding:8px;background:#fff;color:#000;line-height:2;letter-spacing:0;word-spacing:0;font-kerning:none';
    const spans = chars.map(({ch, font}) => {
      const span = document.createElement('span');
      span.style.cssText = `font:${font};margin-inline-end:0.6em;white-space:pre`;
      span.textContent = ch;
      return span;
    });
    box.append(...spans);
    document.body.append(box);
    return spans.map((span) => {
      const r = span.getBoundingClientRect();
      return {left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY};
    });
  }

  window.__reflow = {layout, overlaps, readings, sheet, glyphs, reference};
}

/** The image's commonest colour in a box (image px): the background, in a box wider than a glyph. */
function background(png, [x0, x1, y0, y1]) {
  const counts = new Map();
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (png.width * y + x) << 2;
      const key = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [bg] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0xffffff];
  return [(bg >> 16) & 255, (bg >> 8) & 255, bg & 255];
}

/** The first and last columns (image px) of the box that hold ink (a colour far from `bg`), or null. */
function inkColumns(png, [x0, x1, y0, y1], bg) {
  let first = -1;
  let last = -1;
  for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
    for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) {
      const i = (png.width * y + x) << 2;
      if (Math.abs(png.data[i] - bg[0]) + Math.abs(png.data[i + 1] - bg[1]) + Math.abs(png.data[i + 2] - bg[2]) > 180) {
        if (first < 0) first = x;
        last = x;
        break;
      }
    }
  }
  return first < 0 ? null : {first, last};
}

const key = (c) => `${c.font}|${c.ch}`;

/**
 * Where to read a character's ink (image px): across [from, to] (page px), in the middle of its
 * em box, clear of underlines (links, glossary words); and, for the background, its whole box and
 * an em either side (a bold glyph can cover most of its own box).
 */
function boxesOf(c, from, to, clip, scale) {
  const middle = (c.top + c.bottom) / 2;
  const px = (v, origin, round) => round((v - origin) * scale);
  return {
    ink: [px(from, clip.x, Math.ceil), px(to, clip.x, Math.floor), px(middle - 0.35 * c.size, clip.y, Math.floor), px(middle + 0.35 * c.size, clip.y, Math.ceil)],
    around: [px(from - c.size, clip.x, Math.floor), px(to + c.size, clip.x, Math.ceil), px(c.top, clip.y, Math.floor), px(c.bottom, clip.y, Math.ceil)],
  };
}

/**
 * Where each glyph's ink lies from its origin, per font and character, from a screenshot of the
 * reference box (`reference` in the page): [{ch, font}], their boxes, the box's page position.
 */
export function inkOffsets(png, chars, rects, clip, scale) {
  const offsets = new Map();
  chars.forEach((c, i) => {
    const r = rects[i];
    const pad = 0.25 * (r.right - r.left);
    const boxes = boxesOf({...r, size: c.size}, r.left - pad, r.right + pad, clip, scale);
    const ink = inkColumns(png, boxes.ink, background(png, boxes.around));
    if (ink) offsets.set(key(c), {left: ink.first / scale + clip.x - r.left, right: (ink.last + 1) / scale + clip.x - r.left, advance: r.right - r.left});
  });
  return offsets;
}

/**
 * Spacing between the base characters of each word, from a screenshot of the page region `clip`
 * (page px) taken with readings hidden: where a glyph's ink starts or ends, less where its ink
 * lies from its origin when set alone (`inkOffsets`), gives where the glyph starts, and so the
 * space the layout added between two neighbours, in em. Returns the gaps, widest first, each of
 * a `kind`: between two base characters ('bases'), a base character and plain text ('edge'), or
 * two plain characters ('plain', a check of the measure itself: those should be 0).
 */
export function inkGaps(png, words, clip, scale, offsets) {
  const MEASURED = /[\p{Script=Han}々〆ヶ\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
  // A glyph may reach a little past its own box (bold type), into its neighbour's: each pair is
  // measured by its outer edges, the start of the first glyph's ink and the end of the second's.
  const ink = (c) => {
    const boxes = boxesOf(c, c.from, c.to, clip, scale);
    return inkColumns(png, boxes.ink, background(png, boxes.around));
  };
  const gaps = [];
  for (const word of words) {
    for (let i = 0; i + 1 < word.chars.length; i++) {
      const a = word.chars[i];
      const b = word.chars[i + 1];
      if (!MEASURED.test(a.ch) || !MEASURED.test(b.ch)) continue;
      const [inkA, inkB, offA, offB] = [ink(a), ink(b), offsets.get(key(a)), offsets.get(key(b))];
      if (!inkA || !inkB || !offA || !offB) continue;
      const pa = inkA.first / scale + clip.x - offA.left;
      const pb = (inkB.last + 1) / scale + clip.x - offB.right;
      gaps.push({kind: a.ruby && b.ruby ? 'bases' : a.ruby || b.ruby ? 'edge' : 'plain', em: (pb - pa - offA.advance) / a.size, pair: a.ch + b.ch, word: word.chars.map((c) => c.ch).join(''), where: word.where});
    }
  }
  return gaps.sort((x, y) => y.em - x.em);
}

/** The distinct {ch, font} of the words, for `reference`. */
const charsOf = (words) => [...new Map(words.flatMap((w) => w.chars).map((c) => [key(c), {ch: c.ch, font: c.font, size: c.size}])).values()];

/** Where `locator`'s element is on the page (page px). */
const pageBox = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {x: r.left + scrollX, y: r.top + scrollY};
  });

/**
 * The spacing between the characters of every word with ruby in the widgets matched by `scope`
 * (see inkGaps), read off screenshots taken with the readings hidden, at `scale` device pixels
 * per CSS pixel (the page's deviceScaleFactor). Widest first.
 */
export async function wordGaps(page, scope, scale) {
  const probe = (fn, arg) => page.evaluate(({fn, arg}) => window.__reflow[fn](arg), {fn, arg});
  const hideReadings = (css) => page.evaluate((css) => window.__reflow.sheet('hide-readings', css), css);
  await hideReadings('rt { visibility: hidden !important; }');
  try {
    const words = await probe('glyphs', scope);
    if (!words.length) return [];
    const chars = charsOf(words);
    const rects = await probe('reference', chars);
    const reference = page.locator('#__reflow-reference');
    const offsets = inkOffsets(PNG.sync.read(await reference.screenshot()), chars, rects, await pageBox(reference), scale);
    await probe('reference', false);
    // In slices: a screenshot taller than the GPU's largest texture (16,384 px) comes out wrong.
    const SLICE = 2000;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const gaps = [];
    let rest = words;
    while (rest.length) {
      const y = Math.floor(Math.min(...rest.map((w) => w.chars[0].top)));
      const inside = rest.filter((w, i) => !i || w.chars.every((c) => c.bottom < y + SLICE));
      rest = rest.filter((w) => !inside.includes(w));
      const clip = {x: 0, y, width, height: SLICE};
      const png = PNG.sync.read(await page.screenshot({clip, fullPage: true, animations: 'disabled'}));
      gaps.push(...inkGaps(png, inside, clip, scale, offsets));
    }
    return gaps.sort((a, b) => b.em - a.em);
  } finally {
    await hideReadings('');
  }
}
