import {expect, fixture, html, nextFrame, oneEvent, aTimeout} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/components/service-finder/define.js';
import type {FukushiServiceFinder} from '../../src/components/service-finder/service-finder.js';
import {setLocale, setFurigana} from '../../src/core/prefs/api.js';
import {fakeTimers} from '../lib/fake-timers.js';
import {BROKEN_TOWN_URL, DATASET_URL, resetPage, settled, telLinks, visibleText} from './lib/helpers.js';

/** A partner's dataset: its desk's phone 000-000-0000, FAX 000-000-0001 (dated), weekdays 8:30–17:00. */
const FICTIONAL_TOWN_URL = '/test/fixtures/fictional-town.json';

type Finder = FukushiServiceFinder;
const root = (el: Finder) => el.shadowRoot!;
const input = (el: Finder) => root(el).querySelector<HTMLInputElement>('input[type=search]')!;
const titles = (el: Finder) =>
  [...root(el).querySelectorAll('.results > li .result-toggle')].map((b) => visibleText(b as Element));

async function finder(attrs = '') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<fukushi-service-finder src="${DATASET_URL}" ${attrs}></fukushi-service-finder>`;
  const el = host.firstElementChild as Finder;
  await settled(el);
  return el;
}

async function type(el: Finder, text: string) {
  const field = input(el);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText', data: text}));
  await el.updateComplete;
}

describe('<fukushi-service-finder>', () => {
  beforeEach(() => resetPage());
  afterEach(async () => {
    history.replaceState(null, '', location.pathname);
    await setViewport({width: 800, height: 600});
    await resetPage();
  });

  it('has a labelled search field with a hint', async () => {
    const el = await finder();
    const field = input(el);
    expect(field.type).to.equal('search');
    const label = root(el).querySelector(`label[for="${field.id}"]`)!;
    expect(visibleText(label)).to.contain('困っていること');
    expect(root(el).getElementById(field.getAttribute('aria-describedby')!)!.textContent).to.contain('お金がない');
    expect(root(el).querySelector('form[role=search]')).to.exist;
  });

  it('shows the services grouped by need before any query, and opens a group on demand', async () => {
    const el = await finder();
    const groups = [...root(el).querySelectorAll('details.group')] as HTMLDetailsElement[];
    expect(groups.length).to.be.greaterThan(8);
    const money = groups.find((g) => visibleText(g.querySelector('summary')!).startsWith('お金'))!;
    expect(money.querySelector('.results')).to.equal(null);
    money.querySelector('summary')!.click();
    await aTimeout(0);
    await el.updateComplete;
    expect(visibleText(money)).to.contain('住居確保給付金');
  });

  const finds: Array<[string, RegExp]> = [
    ['お金がない', /生活困窮者の自立相談支援/],
    ['家賃が払えない', /住居確保給付金/],
    ['せいねんこうけん', /成年後見/],
    ['ｾｲﾈﾝｺｳｹﾝ', /成年後見/],
    ['seinen kouken', /成年後見/],
    ['ひきこもり', /ひきこもり/],
    ['DV', /DV/],
    ['ヤングケアラー', /ヤングケアラー/],
  ];
  for (const [query, expected] of finds) {
    it(`finds ${expected} for "${query}" in the first results`, async () => {
      const el = await finder();
      await type(el, query);
      expect(titles(el).slice(0, 3).join(' / ')).to.match(expected);
    });
  }

  it('puts the exact name first', async () => {
    const el = await finder();
    await type(el, '成年後見制度');
    expect(titles(el)[0]).to.equal('成年後見制度');
  });

  it('combines filters with the text query', async () => {
    const el = await finder();
    await type(el, '相談');
    const all = titles(el).length + Number(/残り(\d+)件/.exec(visibleText(root(el)))?.[1] ?? 0);
    const fieldsets = [...root(el).querySelectorAll('fieldset')];
    expect(fieldsets.map((f) => visibleText(f.querySelector('legend')!))).to.include.members(['困っていること', 'だれのためのサービスか', 'お住まいの町']);
    const child = [...root(el).querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]')].find((c) =>
      visibleText(c.closest('label')!).startsWith('子ども・子育て'),
    )!;
    child.click();
    await el.updateComplete;
    const filtered = Number(/(\d+)件見つかりました/.exec(visibleText(root(el)))![1]);
    expect(filtered).to.be.greaterThan(0).and.lessThan(all);
    expect(titles(el).join(' ')).to.match(/子ども|ほっとルーム|子育て/);
    // focus stays on the checkbox that changed the results
    child.focus();
    child.click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(child);
  });

  it('keeps browsing by need while the query is one kana or one letter, and searches from a second character or one kanji', async () => {
    const el = await finder();
    const live = root(el).querySelector('[role=status][aria-live=polite]')!;
    for (const text of ['ひ', 's', ' ']) {
      await type(el, text);
      expect(root(el).querySelectorAll('details.group').length, text).to.be.greaterThan(8);
      expect(root(el).querySelector('.results'), text).to.equal(null);
    }
    await aTimeout(900);
    expect(live.textContent!.replace(/\u200b/g, '').trim(), 'no count is announced while browsing').to.equal('');
    await type(el, 'ひき');
    expect(root(el).querySelector('details.group')).to.equal(null);
    expect(titles(el).length).to.be.greaterThan(0);
    await type(el, '金');
    expect(titles(el).length).to.be.greaterThan(0);
  });

  it('announces the count politely once typing settles, not on every keystroke', async () => {
    const el = await finder();
    const live = root(el).querySelector('[role=status][aria-live=polite]')!;
    await type(el, 'ひ');
    await type(el, 'ひき');
    await type(el, 'ひきこ');
    await aTimeout(200);
    expect(live.textContent!.trim()).to.equal('');
    await aTimeout(700);
    expect(live.textContent!.replace(/\u200b/g, '').trim()).to.match(/^\d+件見つかりました$/);
  });

  it('says so when nothing matches, suggests other words and shows where to ask', async () => {
    const el = await finder();
    await type(el, 'ぱぴぷぺぽ');
    const text = visibleText(root(el));
    expect(text).to.contain('見つかりませんでした');
    expect(text).to.contain('ほかの言葉');
    const card = root(el).querySelector('fukushi-contact-card[desk="desk-city-hall"]') as HTMLElement & {ready?: Promise<unknown>};
    expect(card).to.exist;
    await card.ready;
    await (card as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    expect(card.shadowRoot!.querySelector('a[href="tel:0424641311"]')).to.exist;
  });

  it('does not search, rewrite the value or submit while an IME composition is in progress', async () => {
    const el = await finder();
    const field = input(el);
    field.focus();
    field.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, composed: true}));
    field.value = 'せいね';
    field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, isComposing: true, data: 'せいね'}));
    await el.updateComplete;
    expect(root(el).querySelector('details.group'), 'still browsing').to.exist;
    expect(field.value).to.equal('せいね');
    const enter = new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, bubbles: true, cancelable: true, composed: true});
    field.dispatchEvent(enter);
    expect(enter.defaultPrevented).to.equal(true);
    field.value = '成年後見';
    field.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, composed: true, data: '成年後見'}));
    await el.updateComplete;
    expect(field.value).to.equal('成年後見');
    expect(titles(el)[0]).to.match(/成年後見/);
  });

  it('shows easy names with furigana in easy Japanese, and English names in English', async () => {
    const el = await finder();
    await type(el, '家賃');
    await setLocale('ja-x-easy');
    await el.updateComplete;
    expect(root(el).querySelector('.results rt'), 'furigana on by default').to.exist;
    const easyTitle = titles(el)[0]!;
    await setFurigana(false);
    await el.updateComplete;
    expect(root(el).querySelector('rt')).to.equal(null);
    await setLocale('en');
    await el.updateComplete;
    expect(titles(el)[0]).to.match(/[A-Za-z]/);
    expect(titles(el)[0]).to.not.equal(easyTitle);
    expect(root(el).querySelector('.finder')!.getAttribute('lang')).to.equal('en');
    expect(visibleText(root(el).querySelector('label[for=q]')!)).to.match(/[A-Za-z]/);
    // The filters, drawn again only when what they show changes, follow the language too.
    expect(visibleText(root(el).querySelector('.filters > summary')!)).to.match(/^[\x20-\x7e]+$/);
    expect(visibleText(root(el).querySelector('.filters legend')!)).to.match(/^[\x20-\x7e]+$/);
  });

  it('draws the first screen of results with the keystroke and the rest of the page right after it is painted', async () => {
    const el = await finder();
    await type(el, '相談');
    const field = input(el);
    // What each render leaves in the list, seen as it happens (not at the next frame, which a slow
    // machine may deliver after the rest of the list).
    const drawn: Array<{items: Element[]; titles: string[]}> = [];
    const watch = new MutationObserver(() => drawn.push({items: [...root(el).querySelectorAll('.results > li')], titles: titles(el)}));
    watch.observe(root(el), {childList: true, subtree: true, characterData: true});
    field.value = '支援';
    field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText', data: '援'}));
    await el.updateComplete;
    watch.disconnect();
    // The keystroke's own render: the first results of the new query, none of the old.
    const {items: first, titles: firstTitles} = drawn[0]!;
    expect(first).to.have.length(3);
    expect(drawn.length, 'the rest came in a later render').to.be.greaterThan(1);
    expect(titles(el)).to.have.length(10);
    expect(titles(el).slice(0, 3)).to.deep.equal(firstTitles);
    // The first three stay the same elements: nothing the resident already sees is drawn again.
    expect([...root(el).querySelectorAll('.results > li')].slice(0, 3)).to.deep.equal(first);
    expect(visibleText(root(el))).to.match(/もっと見る（残り\d+件）/);
    // A keystroke that leaves the list as it was (a space) draws nothing again.
    const items = [...root(el).querySelectorAll('.results > li')];
    field.value = '支援 ';
    field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText', data: ' '}));
    await new Promise(requestAnimationFrame);
    expect([...root(el).querySelectorAll('.results > li')]).to.deep.equal(items);
  });

  it('keeps the filter panel open and the focus in it when the last filter is unchecked or all are cleared', async () => {
    const el = await finder();
    const panel = root(el).querySelector<HTMLDetailsElement>('details.filters')!;
    panel.querySelector('summary')!.click();
    await el.updateComplete;
    const box = panel.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    box.focus();
    box.click();
    await el.updateComplete;
    box.click();
    await el.updateComplete;
    await nextFrame();
    expect(panel.open).to.equal(true);
    expect(root(el).activeElement).to.equal(box);
    box.click();
    await el.updateComplete;
    const clear = [...panel.querySelectorAll('button')].find((b) => visibleText(b) === '条件をすべて外す')!;
    clear.focus();
    clear.click();
    await el.updateComplete;
    await nextFrame();
    expect(box.checked).to.equal(false);
    expect(root(el).activeElement).to.equal(panel.querySelector('summary'));
  });

  it('presets the query and filters from attributes, and syncs them with the page URL', async () => {
    const el = await finder('query="相談" need="need-child" sync-url');
    expect(input(el).value).to.equal('相談');
    await type(el, '子ども');
    await aTimeout(400);
    const params = new URLSearchParams(location.search);
    expect(params.get('fukushi-query')).to.equal('子ども');
    expect(params.get('fukushi-need')).to.equal('need-child');
    // a new finder restores them from the URL
    const again = await finder('sync-url');
    expect(input(again).value).to.equal('子ども');
    const checked = [...root(again).querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((c) => c.checked);
    expect(checked.map((c) => visibleText(c.closest('label')!))).to.deep.equal(['子ども・子育て']);
  });

  it('fires fukushi-select with the service id when a result is opened', async () => {
    const el = await finder();
    await type(el, '住居確保給付金');
    const toggle = root(el).querySelector<HTMLButtonElement>('.result-toggle')!;
    setTimeout(() => toggle.click());
    const event = await oneEvent(el, 'fukushi-select');
    expect(event.detail.id).to.be.a('string');
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).getElementById(toggle.getAttribute('aria-controls')!)!.hidden).to.equal(false);
  });

  it('moves focus to the first new result when more results are shown', async () => {
    const el = await finder();
    await type(el, '支援');
    const more = root(el).querySelector<HTMLButtonElement>('.more');
    expect(more, 'more than one page').to.exist;
    more!.click();
    await el.updateComplete;
    await nextFrame();
    const focused = root(el).activeElement!;
    expect(focused.classList.contains('result-toggle')).to.equal(true);
    expect([...root(el).querySelectorAll('.result-toggle')].indexOf(focused)).to.equal(10);
  });

  it("shows the page's own fallback, and the dataset's own number when it is sound, when the data cannot be loaded", async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `<fukushi-service-finder src="${BROKEN_TOWN_URL}"><a href="https://town.example/">町のページ</a></fukushi-service-finder>`;
    const el = host.firstElementChild as Finder;
    await settled(el);
    expect(visibleText(root(el))).to.contain('情報を読み込めませんでした');
    expect(telLinks(el)).to.deep.equal(['tel:0120000000']);
    expect(root(el).querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('町のページ');
  });

  it("shows each result's desk from the finder's own dataset: open now, phone and FAX; opened, its full cards from that dataset", async () => {
    const {install} = await fakeTimers();
    // Monday, a minute before the desk closes.
    const clock = install({now: new Date('2026-12-07T16:59:00+09:00'), toFake: ['Date', 'setTimeout', 'clearTimeout']});
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.innerHTML = `<fukushi-service-finder src="${FICTIONAL_TOWN_URL}" query="総合相談"></fukushi-service-finder>`;
      const el = host.firstElementChild as Finder;
      await settled(el);
      const result = root(el).querySelector('.results > li')!;
      const desk = result.querySelector('[part=desk]')!;
      expect(visibleText(desk.querySelector('.desk-name')!)).to.equal('福祉相談窓口');
      expect(visibleText(desk.querySelector('[part=status]')!)).to.equal('✓ 受付中（17:00まで）');
      // the dataset's own numbers (never the built-in ones), the dated FAX marked, the unverified line never shown
      expect([...result.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'))).to.deep.equal(['tel:0000000000']);
      expect(visibleText(desk)).to.match(/FAX（ファクス） 000-000-0001 ?要確認/);
      expect(visibleText(root(el))).not.to.contain('000-000-0002');
      // the line follows the clock, also after a render that left the result as it was
      el.query = '総合相談 ';
      await el.updateComplete;
      expect(root(el).querySelector('.results > li [part=desk]')).to.equal(desk);
      await clock.tickAsync(60_000);
      await el.updateComplete;
      expect(visibleText(desk.querySelector('[part=status]')!)).to.equal('✕ 受付時間外（明日 8:30から）');
      // opened: the details and a full card per desk, from the finder's dataset
      result.querySelector<HTMLButtonElement>('.result-toggle')!.click();
      await el.updateComplete;
      expect(result.querySelector('[part=desk]')).to.equal(null);
      const cards = [...result.querySelectorAll('fukushi-contact-card')];
      expect(cards.map((c) => c.getAttribute('desk'))).to.deep.equal(['desk-fukushi', 'line-kakuu']);
      for (const card of cards) expect(new URL(card.getAttribute('src')!, location.href).pathname).to.equal(FICTIONAL_TOWN_URL);
    } finally {
      clock.uninstall();
    }
  });

  it('shows a need group ten services at a time, and moves focus to the first new one', async () => {
    const el = await finder();
    const count = (g: HTMLDetailsElement) => Number(/(\d+)件/.exec(visibleText(g.querySelector('summary')!))![1]);
    const group = [...root(el).querySelectorAll<HTMLDetailsElement>('details.group')].find((g) => count(g) > 10)!;
    expect(group, 'a group of more than ten').to.exist;
    const total = count(group);
    group.querySelector('summary')!.click();
    await aTimeout(0);
    await el.updateComplete;
    expect(group.querySelectorAll('.results > li')).to.have.length(10);
    group.querySelector<HTMLButtonElement>('.more')!.click();
    await el.updateComplete;
    await nextFrame();
    expect(group.querySelectorAll('.results > li')).to.have.length(total);
    expect(group.querySelector('.more')).to.equal(null);
    expect(root(el).activeElement).to.equal(group.querySelectorAll('.result-toggle')[10]);
  });

  it('fits a 320px screen without scrolling sideways', async () => {
    await setViewport({width: 320, height: 640});
    const el = await finder('query="お金"');
    root(el).querySelector<HTMLDetailsElement>('details.filters')!.open = true;
    await el.updateComplete;
    const box = root(el).querySelector('.finder')!;
    expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('has no axe violations while browsing, with results and with no results', async () => {
    const el = await finder();
    await expect(el).to.be.accessible();
    await type(el, 'お金');
    await expect(el).to.be.accessible();
    await type(el, 'ぱぴぷぺぽ');
    await expect(el).to.be.accessible();
  });
});
