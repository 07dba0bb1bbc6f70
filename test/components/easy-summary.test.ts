import {aTimeout, expect, fixture, html} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/components/easy-summary/define.js';
import type {FukushiEasySummary} from '../../src/components/easy-summary/easy-summary.js';
import {setFurigana, setLocale} from '../../src/core/prefs/api.js';
import {BROKEN_TOWN_URL, DATASET_URL, resetPage, settled, telLinks, visibleText, withBuiltinDatasetDown} from './lib/helpers.js';

type Summary = FukushiEasySummary;
const root = (el: Summary) => el.shadowRoot!;
const all = <T extends Element = HTMLElement>(el: Summary, selector: string) => [...root(el).querySelectorAll<T & Element>(selector)] as T[];
const headings = (el: Summary) => all(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.localName} ${visibleText(h)}`);
/** Everything the summary shows (not the shadow root itself: it cannot be cloned). */
const shown = (el: Summary) => {
  const clone = root(el).querySelector('.root')!.cloneNode(true) as Element;
  clone.querySelectorAll('[popover]').forEach((p) => p.remove());
  return visibleText(clone);
};
/** The printed base of a <ruby>, without its reading. */
const base = (r: Element) => visibleText(r);

async function summary(attrs = '', inner = '') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<fukushi-easy-summary ${attrs.includes('src=') ? '' : `src="${DATASET_URL}"`} ${attrs}>${inner}</fukushi-easy-summary>`;
  const el = host.firstElementChild as Summary;
  await settled(el);
  return el;
}

/** A stand-in for window.speechSynthesis that records what it is asked to say. */
function fakeSpeech(voices: Array<{lang: string; name: string}>) {
  const said: SpeechSynthesisUtterance[] = [];
  const calls: string[] = [];
  const target = new EventTarget();
  const fake = Object.assign(target, {
    getVoices: () => voices as unknown as SpeechSynthesisVoice[],
    speak: (u: SpeechSynthesisUtterance) => (said.push(u), calls.push('speak')),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    cancel: () => calls.push('cancel'),
  });
  const original = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
  const Utterance = window.SpeechSynthesisUtterance;
  Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
  // A plain utterance, so that the fake voices (not real SpeechSynthesisVoice objects) fit.
  window.SpeechSynthesisUtterance = class {
    lang = '';
    voice: unknown = null;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  } as unknown as typeof SpeechSynthesisUtterance;
  return {
    said,
    calls,
    voices,
    fire: () => target.dispatchEvent(new Event('voiceschanged')),
    restore: () => {
      window.SpeechSynthesisUtterance = Utterance;
      if (original) Object.defineProperty(window, 'speechSynthesis', original);
      else delete (window as {speechSynthesis?: unknown}).speechSynthesis;
    },
  };
}

describe('<fukushi-easy-summary>', () => {
  beforeEach(() => resetPage('ja'));
  afterEach(async () => {
    await setViewport({width: 800, height: 600});
    await resetPage('ja');
  });

  it('shows the whole summary in easy Japanese with furigana on by default, and is accessible', async () => {
    await setLocale('ja-x-easy');
    const el = await summary();
    expect(root(el).querySelector('fukushi-reading-controls')).to.not.equal(null);
    expect(headings(el).filter((h) => h.startsWith('h2 '))).to.have.length(8);
    expect(headings(el)[0]).to.equal('h2 地域福祉 計画とは');
    expect(all(el, 'rt').length).to.be.greaterThan(100);
    expect(all(el, 'rt').every((rt) => rt.getAttribute('aria-hidden') === 'true')).to.equal(true);
    expect(root(el).querySelector('.root')!.classList.contains('easy')).to.equal(true);
    expect(root(el).querySelector('.root')!.classList.contains('furigana-on')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('builds a heading outline from heading-level, one level down per nested section, capped at 6', async () => {
    const el = await summary('section="policies" heading-level="4"');
    const hs = headings(el);
    expect(hs[0]).to.match(/^h4 /);
    expect(hs.filter((h) => h.startsWith('h5 '))).to.have.length(6);
    expect(hs.filter((h) => h.startsWith('h6 '))).to.have.length(17);
    const deep = await summary('section="policies" heading-level="6"');
    expect(headings(deep).every((h) => h.startsWith('h6 '))).to.equal(true);
    const silly = await summary('section="about" heading-level="9"');
    expect(headings(silly)[0]).to.match(/^h2 /);
  });

  it('picks a top-level or nested section by id', async () => {
    const top = await summary('section="levels"');
    expect(headings(top)).to.deep.equal(['h2 4つの階層での地域づくり']);
    const nested = await summary('section="goal-1-1" heading-level="3"');
    expect(headings(nested)).to.deep.equal(['h3 福祉教育・啓発の充実']);
    expect(shown(nested)).to.contain('あらゆる世代の福祉教育');
  });

  it('tells the editor about an unknown section and shows residents the whole summary', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await summary('section="no-such-part"');
      expect(headings(el).filter((h) => h.startsWith('h2 '))).to.have.length(8);
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(String(errors[0]![0])).to.contain('no-such-part').and.contain('Valid ids: about, philosophy').and.contain('goal-1-1');
  });

  it('renders no <rt> with furigana off, and uses the page-wide toggle', async () => {
    await setLocale('ja-x-easy');
    const el = await summary('section="about"');
    const toggle = [...root(el).querySelector('fukushi-reading-controls')!.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('ふりがな'),
    )!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await settled(el);
    expect(all(el, 'rt')).to.have.length(0);
    expect(all(el, 'ruby')).to.have.length(0);
    expect(root(el).querySelector('.root')!.classList.contains('furigana-on')).to.equal(false);
    setFurigana(true);
    await settled(el);
    expect(all(el, 'rt').length).to.be.greaterThan(10);
  });

  it('annotates only kanji not learned by furigana-grade, per character', async () => {
    await setLocale('ja-x-easy');
    const el = await summary('section="about" furigana-grade="3"');
    const ruby = all(el, 'ruby').map((r) => [base(r), r.querySelector('rt')!.textContent]);
    // 福祉: 福 is taught in grade 3, 祉 is not a 教育漢字
    expect(ruby).to.deep.include(['祉', 'し']);
    expect(ruby.some(([base]) => base!.includes('福'))).to.equal(false);
    // 市 (grade 2) never, 域 (grade 6) at grade 3
    expect(ruby.some(([base]) => base === '市')).to.equal(false);
    expect(ruby).to.deep.include(['域', 'いき']);
    const g6 = await summary('section="about" furigana-grade="6"');
    const bases = all(g6, 'ruby').map(base);
    expect(bases).to.include('祉');
    expect(bases).not.to.include('域');
    // a word split into per-character ruby stays one unit at a line end
    const word = all(el, '.w').find((w) => visibleText(w).includes('福祉'))!;
    expect(getComputedStyle(word).display).to.equal('inline-block');
    await expect(el).to.be.accessible();
  });

  it('turns the first use of each glossary term per section into a popover button', async () => {
    await setLocale('ja-x-easy');
    const el = await summary('section="about"');
    const buttons = all<HTMLButtonElement>(el, 'button.term');
    const terms = buttons.map((b) => b.dataset.term);
    expect(terms).to.include.members(['term-chiiki-fukushi', 'term-shakai-fukushi-kyogikai', 'term-jijo', 'term-kyojo', 'term-gojo', 'term-kojo']);
    expect(new Set(terms).size).to.equal(terms.length, 'once per section');
    // 地域福祉 is written as two ruby words: the button holds both, never part of one (in easy
    // Japanese neighbouring words are one ruby, so that no reading pushes them apart)
    const first = buttons.find((b) => b.dataset.term === 'term-chiiki-fukushi')!;
    expect(visibleText(first)).to.equal('地域福祉');
    expect([...first.querySelectorAll('ruby')].map(base)).to.deep.equal(['地域福祉']);
    expect(all(el, 'ruby').every((r) => !r.closest('button.term') || r.closest('button.term')!.contains(r))).to.equal(true);
    // a term with a spaced variant: 「地域共生 社会」
    expect(visibleText(buttons.find((b) => b.dataset.term === 'term-chiiki-kyosei-shakai')!)).to.equal('地域共生 社会');
    // other sections mark their own first use again
    const both = await summary('section="policies"');
    expect(all<HTMLButtonElement>(both, 'button.term').filter((b) => b.dataset.term === 'term-sdgs').length).to.equal(1);
  });

  it('opens the easy explanation in a popover by keyboard; Escape closes it and focus stays on the term', async () => {
    await setLocale('ja-x-easy');
    const el = await summary('section="guardianship"');
    const button = all<HTMLButtonElement>(el, 'button.term').find((b) => b.dataset.term === 'term-seinen-koken-seido')!;
    const pop = button.popoverTargetElement as HTMLElement;
    expect(pop).to.not.equal(null);
    expect(pop.hasAttribute('popover')).to.equal(true);
    expect(pop.matches(':popover-open')).to.equal(false);
    button.focus();
    await sendKeys({press: 'Enter'});
    await aTimeout(0);
    expect(pop.matches(':popover-open')).to.equal(true);
    expect(visibleText(pop)).to.contain('後見人などが 助けて 守る 制度です');
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await aTimeout(0);
    expect(pop.matches(':popover-open')).to.equal(false);
    expect(root(el).activeElement).to.equal(button);
    // the close button inside closes it too
    button.click();
    await aTimeout(0);
    expect(pop.matches(':popover-open')).to.equal(true);
    pop.querySelector<HTMLButtonElement>('button')!.click();
    await aTimeout(0);
    expect(pop.matches(':popover-open')).to.equal(false);
  });

  it('without CSS anchor positioning (Firefox 140 ESR), opens an explanation right below or above its word, never over it', async () => {
    await setLocale('ja-x-easy');
    await setViewport({width: 375, height: 700});
    const el = await summary('section="about"');
    const host = el.parentElement!;
    host.before(Object.assign(document.createElement('div'), {style: 'height: 150vh'}));
    host.after(Object.assign(document.createElement('div'), {style: 'height: 150vh'}));
    // Such an engine answers no to CSS.supports and skips the component's @supports block.
    const supports = CSS.supports;
    const answer = supports as (...args: string[]) => boolean;
    CSS.supports = ((...args: string[]) => !args.join(':').includes('position-area') && answer.apply(CSS, args)) as typeof CSS.supports;
    const skipped: Array<[CSSStyleSheet, number, string]> = [];
    for (const sheet of root(el).adoptedStyleSheets) {
      [...sheet.cssRules].forEach((rule, i) => rule instanceof CSSSupportsRule && rule.conditionText.includes('position-area') && skipped.push([sheet, i, rule.cssText]));
    }
    expect(skipped).to.have.length(1);
    for (const [sheet, i] of [...skipped].reverse()) sheet.deleteRule(i);
    try {
      const button = all<HTMLButtonElement>(el, 'button.term')[0]!;
      const pop = button.popoverTargetElement as HTMLElement;
      for (const block of ['start', 'end'] as const) {
        button.scrollIntoView({block});
        button.click();
        await aTimeout(0);
        expect(pop.matches(':popover-open')).to.equal(true);
        const word = button.getBoundingClientRect();
        const box = pop.getBoundingClientRect();
        // In the upper half of the screen the explanation opens below the word, in the lower half above it.
        const gap = block === 'start' ? box.top - word.bottom : word.top - box.bottom;
        expect(gap, `gap between word and explanation (${block})`).to.be.within(0, 8);
        expect(box.left).to.be.at.least(0);
        expect(box.right).to.be.at.most(375);
        pop.hidePopover();
      }
    } finally {
      CSS.supports = supports;
      for (const [sheet, i, text] of skipped) sheet.insertRule(text, i);
    }
  });

  it('shows explanations in the current locale, and open-term opens one when the summary appears', async () => {
    const el = await summary('section="about" open-term="term-jijo"');
    const pop = root(el).querySelector<HTMLElement>(':popover-open')!;
    expect(pop).to.not.equal(null);
    expect(visibleText(pop)).to.contain('自分のことを自分で行い');
    await setLocale('en');
    const en = await summary('section="policies" open-term="SDGs"');
    const enPop = root(en).querySelector<HTMLElement>(':popover-open')!;
    expect(visibleText(enPop)).to.contain('Sustainable Development Goals');
  });

  it('renders the 4 levels as an ordered list and the desks as compact contact cards', async () => {
    await setLocale('ja-x-easy');
    const el = await summary('section="levels"');
    const levels = all(el, 'ol.levels > li');
    expect(levels).to.have.length(4);
    expect(visibleText(levels[0]!.querySelector('.level-name')!)).to.equal('身近な 地域');
    expect(levels[3]!.querySelectorAll('ul > li')).to.have.length(3);
    const contact = await summary('section="contact" heading-level="3"');
    const cards = all(contact, 'fukushi-contact-card');
    expect(cards.map((c) => c.getAttribute('desk'))).to.deep.equal(['desk-chiiki-kyosei', 'desk-city-hall']);
    expect(cards.every((c) => c.hasAttribute('compact') && c.getAttribute('heading-level') === '4')).to.equal(true);
    expect(customElements.get('fukushi-contact-card')).to.not.equal(undefined);
  });

  it('shows the English variants in English mode', async () => {
    await setLocale('en');
    const el = await summary('section="about"');
    expect(headings(el)).to.deep.equal(['h2 About the plan']);
    expect(root(el).querySelector('.root')!.getAttribute('lang')).to.equal('en');
    expect(shown(el)).to.contain('Community welfare means people in a community');
  });

  it('keeps standard Japanese as written', async () => {
    const el = await summary('section="about"');
    expect(root(el).querySelector('.root')!.classList.contains('easy')).to.equal(false);
    expect(shown(el)).to.contain('地域福祉計画は、市民・市（行政）・社会福祉協議会');
    expect(all(el, 'rt')).to.have.length(0);
  });

  it("shows a loading status, then the dataset's own fallback number (or the city's, for the built-in data) when the data fails", async () => {
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('fukushi-test-hang') ? new Promise<Response>(() => {}) : realFetch(input, init);
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.innerHTML = '<fukushi-easy-summary src="/fukushi-test-hang.json"></fukushi-easy-summary>';
      const loading = host.firstElementChild as Summary;
      await loading.updateComplete;
      expect(root(loading).querySelector('[role=status]')!.textContent).to.contain('読み込んでいます');
    } finally {
      window.fetch = realFetch;
    }
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      // Its fallback number is unverified: no number at all, never another town's.
      const el = await summary('src="/stories/fixtures/broken-dataset.json"');
      const notice = root(el).querySelector('.notice.error')!;
      expect(visibleText(notice)).to.contain('情報を読み込めませんでした');
      expect(telLinks(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
      expect(telLinks(await summary(`src="${BROKEN_TOWN_URL}"`))).to.deep.equal(['tel:0120000000']);
      const builtin = await withBuiltinDatasetDown(async () => {
        const host = await fixture<HTMLDivElement>(html`<div></div>`);
        host.innerHTML = '<fukushi-easy-summary></fukushi-easy-summary>';
        await settled(host.firstElementChild as Summary);
        return host.firstElementChild as Summary;
      });
      expect(telLinks(builtin)).to.deep.equal(['tel:0424641311']);
    } finally {
      console.error = original;
    }
  });

  it("renders an editor's own text from the light DOM as text, with the same ruby rules", async () => {
    await setLocale('ja-x-easy');
    const el = await summary(
      '',
      `<h3>｜西東京市《にしとうきょうし》の お知らせ</h3>
       <p>｜柳沢《=やぎさわ》に ある ｜成年後見《せいねんこうけん》 制度の ｜相談《そうだん》です。 &lt;img src=x onerror=alert(1)&gt;</p>
       <ul><li>｜電話《でんわ》で ｜聞《き》けます</li><li>あと 1つ</li></ul>
       <p>｜社会的孤立感《しゃかいてきこりつかん》が あります。</p>`,
    );
    expect(headings(el)).to.deep.equal(['h2 西東京市の お知らせ']);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(shown(el)).to.contain('<img src=x onerror=alert(1)>');
    expect(all(el, 'ruby').map(base)).to.include.members(['西東京市', '柳沢', '成年後見', '相談', '電話']);
    // a name speech engines misread: assistive tech hears the reading
    const name = root(el).querySelector('.name')!;
    expect(name.querySelector('[aria-hidden=true]')!.textContent).to.contain('柳沢');
    expect(name.querySelector('.visually-hidden')!.textContent).to.equal('やぎさわ');
    // glossary terms are marked in the editor's text too
    expect(all<HTMLButtonElement>(el, 'button.term').map((b) => b.dataset.term)).to.include('term-seinen-koken-seido');
    expect(all(el, 'ul > li')).to.have.length(2);
    // 社会的孤立 ends inside the ruby word 社会的孤立感: the button takes the whole <ruby>
    const partial = all<HTMLButtonElement>(el, 'button.term').find((b) => b.dataset.term === 'term-kodoku-koritsu')!;
    expect([...partial.querySelectorAll('ruby')].map(base)).to.deep.equal(['社会的孤立感']);
    expect(all(el, 'ruby').filter((r) => base(r).includes('孤立') && !r.closest('[popover]'))).to.have.length(1);
    // changes to the light DOM are picked up
    el.querySelector('p')!.textContent = '｜新《あたら》しい ｜文《ぶん》です。';
    await aTimeout(0);
    await el.updateComplete;
    expect(shown(el)).to.contain('新しい 文です。');
    await expect(el).to.be.accessible();
  });

  it('reads a <template> and keeps its lang', async () => {
    const el = await summary(
      'heading-level="3"',
      '<template><h2>｜見出《みだ》し</h2><h3>｜小見出《こみだ》し</h3><p lang="en">An English note.</p></template>',
    );
    expect(headings(el)).to.deep.equal(['h3 見出し', 'h4 小見出し']);
    expect(root(el).querySelector('p')!.getAttribute('lang')).to.equal('en');
  });

  it('has no read-aloud button without a Japanese voice', async () => {
    const speech = fakeSpeech([{lang: 'en-US', name: 'English'}]);
    try {
      await setLocale('ja-x-easy');
      const el = await summary('section="contact"');
      expect(root(el).querySelector('.speech')).to.equal(null);
      // a Japanese voice that arrives later brings the button
      speech.voices.push({lang: 'ja-JP', name: 'Kyoko'});
      speech.fire();
      await el.updateComplete;
      expect(visibleText(root(el).querySelector('.speech')!)).to.equal('声で 読む');
    } finally {
      speech.restore();
    }
  });

  it('reads sentence by sentence with a highlight, pauses, resumes and stops, and stops on disconnect', async () => {
    const speech = fakeSpeech([{lang: 'ja-JP', name: 'Kyoko'}]);
    try {
      await setLocale('ja-x-easy');
      const el = await summary('section="contact"');
      const play = root(el).querySelector<HTMLButtonElement>('#speak')!;
      expect(visibleText(play)).to.equal('声で 読む');
      play.click();
      await el.updateComplete;
      expect(speech.said).to.have.length(1);
      expect(speech.said[0]!.text).to.equal('聞きたいときは');
      expect(speech.said[0]!.lang).to.equal('ja-JP');
      expect(all(el, '.s.now')).to.have.length(1);
      expect(visibleText(all(el, '.s.now')[0]!)).to.equal('聞きたい ときは');
      (speech.said[0]!.onend as () => void)();
      await el.updateComplete;
      expect(speech.said[1]!.text).to.match(/^この計画のまとめをつくったのは、西東京市の健康福祉部地域共生課です。$/);
      expect(visibleText(all(el, '.s.now')[0]!)).to.contain('この 計画の まとめを');
      expect(visibleText(play)).to.equal('いったん 止める');
      play.click();
      await el.updateComplete;
      expect(speech.calls).to.include('pause');
      expect(visibleText(play)).to.equal('続きを 読む');
      play.click();
      await el.updateComplete;
      expect(speech.calls).to.include('resume');
      const stop = [...root(el).querySelectorAll<HTMLButtonElement>('.speech button')].find((b) => visibleText(b) === '読むのを やめる')!;
      stop.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(speech.calls).to.include('cancel');
      expect(all(el, '.s.now')).to.have.length(0);
      expect(root(el).activeElement).to.equal(play);
      // the cancelled utterance's late callback does nothing
      (speech.said[1]!.onerror as () => void)();
      (speech.said[1]!.onend as () => void)();
      expect(speech.said).to.have.length(2);
      await expect(el).to.be.accessible();

      play.click();
      await el.updateComplete;
      speech.calls.length = 0;
      el.remove();
      expect(speech.calls).to.deep.equal(['cancel']);
    } finally {
      speech.restore();
    }
  });

  it('stops reading when the reader switches to English', async () => {
    const speech = fakeSpeech([{lang: 'ja-JP', name: 'Kyoko'}]);
    try {
      await setLocale('ja-x-easy');
      const el = await summary('section="contact"');
      root(el).querySelector<HTMLButtonElement>('#speak')!.click();
      await el.updateComplete;
      expect(all(el, '.s.now')).to.have.length(1);
      await setLocale('en');
      await settled(el);
      expect(speech.calls).to.include('cancel');
      expect(all(el, '.s.now')).to.have.length(0);
      expect(root(el).querySelector('.speech')).to.equal(null);
    } finally {
      speech.restore();
    }
  });

  it('reads names that speech engines misread by their reading', async () => {
    const speech = fakeSpeech([{lang: 'ja-JP', name: 'Kyoko'}]);
    try {
      await setLocale('ja-x-easy');
      const el = await summary('', '<p>｜柳沢《=やぎさわ》の ｜近《ちか》くです。</p>');
      root(el).querySelector<HTMLButtonElement>('#speak')!.click();
      expect(speech.said[0]!.text).to.equal('やぎさわの近くです。');
    } finally {
      speech.restore();
    }
  });

  it('never hides the read-aloud controls in English (no Japanese text to read) behind a button that speaks English', async () => {
    const speech = fakeSpeech([{lang: 'ja-JP', name: 'Kyoko'}]);
    try {
      await setLocale('en');
      const el = await summary('section="contact"');
      expect(root(el).querySelector('.speech')).to.equal(null);
    } finally {
      speech.restore();
    }
  });

  it('keeps 成年後見 on one line at 320 px, and ruby never overlaps the line above', async () => {
    await setViewport({width: 320, height: 800});
    for (const grade of ['', 'furigana-grade="3"']) {
      await setLocale('ja-x-easy');
      const el = await summary(`section="guardianship" ${grade}`);
      el.style.fontSize = '16px';
      const tops: number[][] = [];
      const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_TEXT);
      let text = '';
      const nodes: Array<[Text, number]> = [];
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement!.closest('rt, rp, .visually-hidden, [popover], style')) continue;
        for (let i = 0; i < n.data.length; i++) nodes.push([n, i]);
        text += n.data;
      }
      for (let at = text.indexOf('成年後見'); at >= 0; at = text.indexOf('成年後見', at + 1)) {
        tops.push(
          nodes.slice(at, at + 4).map(([n, i]) => {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            return Math.round(range.getBoundingClientRect().top);
          }),
        );
      }
      expect(tops.length).to.be.greaterThan(3);
      for (const t of tops) expect(new Set(t).size).to.equal(1, `成年後見 split across lines (${grade})`);
    }
  });
});
