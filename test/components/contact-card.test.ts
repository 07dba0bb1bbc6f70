import {expect, fixture, html} from '@open-wc/testing';
import {fakeTimers} from '../lib/fake-timers.js';
import '../../src/components/contact-card/define.js';
import '../../src/components/reading-controls/define.js';
import type {FukushiContactCard} from '../../src/components/contact-card/contact-card.js';
import {setFurigana, setLocale} from '../../src/core/prefs/api.js';
import type {Dataset} from '../../src/core/data/types.js';
import {BROKEN_TOWN_URL, DATASET_URL, resetPage, settled, telLinks, visibleText, withBuiltinDatasetDown} from './lib/helpers.js';
import {consoleErrors} from '../lib/console-errors.js';

// Instants are written in Tokyo time.
const tokyo = (iso: string) => `${iso}+09:00`;
const shadow = (el: Element) => el.shadowRoot!;
const $ = (el: Element, selector: string) => shadow(el).querySelector(selector);
const text = (el: Element, selector = '.card') => visibleText($(el, selector) ?? shadow(el));

async function card(template: unknown) {
  const el = await fixture<FukushiContactCard>(template as ReturnType<typeof html>);
  await settled(el);
  return el;
}


/** The built dataset, changed by `edit`, served as a blob: URL. */
async function datasetWith(edit: (data: Dataset) => void) {
  const data = (await (await fetch(DATASET_URL)).json()) as Dataset;
  edit(data);
  return URL.createObjectURL(new Blob([JSON.stringify(data)], {type: 'application/json'}));
}

describe('<fukushi-contact-card>', () => {
  beforeEach(() => resetPage('ja'));
  afterEach(() => resetPage('ja'));

  it("shows its own language switch, and hides it when the page has one of its own", async () => {
    const ownSwitch = (el: Element) => $(el, 'fukushi-reading-controls')!.shadowRoot!.querySelectorAll('button').length;
    const alone = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
    expect(ownSwitch(alone)).to.be.greaterThan(1);
    const host = await fixture(html`<div>
      <fukushi-reading-controls></fukushi-reading-controls>
      <fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>
    </div>`);
    const inPage = host.querySelector('fukushi-contact-card') as FukushiContactCard;
    await settled(inPage);
    await ($(inPage, 'fukushi-reading-controls') as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    expect(ownSwitch(inPage)).to.equal(0);
    // The page's switch still acts on the card.
    [...host.querySelector('fukushi-reading-controls')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('English'))!.click();
    await settled(inPage);
    expect(text(inPage)).to.contain('Phone');
  });

  describe('contact details', () => {
    it('shows a desk from the dataset: tel: link read digit by digit, FAX, mailto, address with map', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-chiiki-kyosei"></fukushi-contact-card>`);
      expect(text(el, '.title')).to.equal('健康福祉部 地域共生課');
      const tel = $(el, 'a.phone') as HTMLAnchorElement;
      expect(tel.getAttribute('href')).to.equal('tel:0424641311');
      expect(visibleText(tel)).to.equal('042-464-1311');
      expect(tel.querySelector('.visually-hidden')!.textContent).to.equal('0 4 2、4 6 4、1 3 1 1');
      // FAX: prominent, labelled, for Deaf residents; not a tel: link (calling a fax machine helps no one)
      const fax = $(el, '[part="fax"]')!;
      expect(fax.closest('.row')!.querySelector('dt')!.textContent).to.equal('FAX（ファクス）');
      expect(visibleText(fax)).to.equal('042-420-2896');
      expect(fax.querySelector('.visually-hidden')!.textContent).to.equal('0 4 2、4 2 0、2 8 9 6');
      expect(fax.closest('a')).to.equal(null);
      expect(text(el)).to.contain('耳が聞こえない・聞こえにくい方は、FAXで相談できます。');
      expect(shadow(el).querySelector('a[href^="mailto:"]')!.getAttribute('href')).to.equal('mailto:fukushisougou@city.nishitokyo.lg.jp');
      expect(text(el)).to.contain('〒188-8666 東京都西東京市南町5-6-13 田無第二庁舎1階');
      const map = shadow(el).querySelector('.map a')!.getAttribute('href')!;
      expect(map.startsWith('https://www.google.com/maps/search/?api=1&query=')).to.equal(true);
      expect(decodeURIComponent(map.split('query=')[1]!)).to.equal('東京都西東京市南町5-6-13');
      // no schedules: no hours and no status
      expect(el.getAttribute('status')).to.equal('unknown');
      expect($(el, '.status')).to.equal(null);
    });

    it('uses the address furigana from the dataset and lat/lon for the map when known', async () => {
      setFurigana(true);
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
      const rts = [...shadow(el).querySelectorAll('[lang="ja"] rt')].map((rt) => rt.textContent);
      expect(rts).to.include('すみよしちょう');
      expect(shadow(el).querySelector('.map a')!.getAttribute('href')).to.contain(encodeURIComponent('35.744435,139.551337'));
      expect(shadow(el).querySelector('a[href^="https://www.city"]')!.getAttribute('href')).to.equal(
        'https://www.city.nishitokyo.lg.jp/smph/kosodate/KO/kodomosoudannshitsu.html',
      );
    });

    it('lists the weekly hours and closures', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-11-27T15:00:00')}></fukushi-contact-card>`);
      const hours = [...shadow(el).querySelectorAll('dd li')].map((li) => visibleText(li));
      expect(hours).to.deep.equal(['月〜金 14:00〜20:00', '土 10:00〜16:00']);
      expect(text(el)).to.contain('祝日・年末年始（12月29日〜1月3日）は休み');
    });

    it('shows the city main number when a desk has no usable phone', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-fukushi-marugoto"></fukushi-contact-card>`);
      const row = shadow(el).querySelector('.row')!;
      expect(visibleText(row)).to.contain('わからないときは、西東京市役所（代表）に電話してください。');
      expect(row.querySelector('a.phone')!.getAttribute('href')).to.equal('tel:0424641311');
      // directions (HSDS transportation) when the dataset has them
      const directions = [...shadow(el).querySelectorAll('.row')].find((r) => r.querySelector('dt')!.textContent === '行き方')!;
      expect(visibleText(directions.querySelector('dd')!)).to.contain('田無庁舎1階の入口付近');
    });

    it('with no attributes shows the city hall desk', async () => {
      const el = await card(html`<fukushi-contact-card></fukushi-contact-card>`);
      expect(text(el, '.title')).to.contain('西東京市役所（代表）');
    });

    it('sets the heading level (2–6, default 3)', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
      expect($(el, '[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
      el.headingLevel = 2;
      await el.updateComplete;
      expect($(el, '[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
      el.headingLevel = 9;
      await el.updateComplete;
      expect($(el, '[role="heading"]')!.getAttribute('aria-level')).to.equal('6');
    });
  });

  describe('provenance', () => {
    it('shows dated facts with 要確認 and a note', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-seikatsu-support" .now=${tokyo('2026-11-27T10:00:00')}></fukushi-contact-card>`);
      const badges = [...shadow(el).querySelectorAll('.dated')];
      // phone, address, hours, status line and the note
      expect(badges.length).to.be.at.least(4);
      expect(badges.every((b) => b.textContent === '要確認')).to.equal(true);
      expect(visibleText($(el, 'a.phone')!.parentElement!)).to.contain('要確認');
      expect(text(el, '.note')).to.contain('古い資料による情報です。変わっていることがあります。');
    });

    it('never shows unverified facts', async () => {
      const src = await datasetWith((data) => {
        const desk = data.locations.find((l) => l.id === 'desk-chiiki-kyosei')!;
        desk.phones.find((p) => p.type === 'fax')!.x_jp = {status: 'unverified'};
        desk.x_jp.contact = {status: 'unverified'};
        desk.addresses[0]!.x_jp = {...desk.addresses[0]!.x_jp, status: 'unverified', sources: []};
      });
      const el = await card(html`<fukushi-contact-card desk="desk-chiiki-kyosei" src=${src} structured-data></fukushi-contact-card>`);
      const all = text(el);
      expect(all).to.not.contain('042-420-2896');
      expect(all).to.not.contain('FAX');
      expect(all).to.not.contain('fukushisougou');
      expect(all).to.not.contain('南町');
      expect(shadow(el).querySelector('.dated')).to.equal(null);
      const json = el.querySelector('script[type="application/ld+json"]')!.textContent!;
      expect(json).to.not.contain('042-420-2896');
      expect(json).to.not.contain('fukushisougou');
    });
  });

  describe('opening status in Tokyo time', () => {
    const status = (el: Element) => text(el, '.status');

    it('is open, with the closing time', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-11-27T15:00:00')}></fukushi-contact-card>`);
      expect(status(el)).to.equal('✓ 受付中（20:00まで）');
      expect(el.getAttribute('status')).to.equal('open');
      // shown by text and an icon, not colour alone
      expect($(el, '.status span')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('is closed, opening later today, tomorrow or on a weekday', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-11-27T09:00:00')}></fukushi-contact-card>`);
      expect(status(el)).to.equal('✕ 受付時間外（本日 14:00から）');
      expect(el.getAttribute('status')).to.equal('closed');
      el.now = tokyo('2026-11-26T21:00:00');
      await el.updateComplete;
      expect(status(el)).to.equal('✕ 受付時間外（明日 14:00から）');
      el.now = tokyo('2026-11-28T17:00:00');
      await el.updateComplete;
      expect(status(el)).to.equal('✕ 受付時間外（月曜 14:00から）');
    });

    it('is closed on a public holiday (2026-11-23, 勤労感謝の日)', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-11-23T15:00:00')}></fukushi-contact-card>`);
      expect(status(el)).to.equal('✕ 受付時間外（明日 14:00から） 本日は祝日のため休みです。');
    });

    it('is closed on a substitute holiday (2026-05-06)', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-05-06T15:00:00')}></fukushi-contact-card>`);
      expect(status(el)).to.equal('✕ 受付時間外（明日 14:00から） 本日は祝日のため休みです。');
      expect(el.status).to.equal('closed');
    });

    it('is closed over the New Year (2026-12-30) and says when it opens', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-12-30T15:00:00')}></fukushi-contact-card>`);
      // 2027-01-04 is a Monday
      expect(status(el)).to.equal('✕ 受付時間外（月曜 14:00から） 年末年始のため休みです。');
    });

    it('does not depend on the viewer time zone', async () => {
      // 06:00 UTC is 15:00 on Friday in Tokyo (01:00 in New York): open, whatever the local zone.
      // Local-time Date methods are made to throw while the card renders, so none can be used.
      const names = ['getHours', 'getDay', 'getDate', 'getMonth', 'getFullYear', 'getMinutes', 'getTimezoneOffset'] as const;
      const originals = names.map((name) => Date.prototype[name]);
      names.forEach((name) => {
        Date.prototype[name] = () => {
          throw new Error(`${name} depends on the viewer's time zone`);
        };
      });
      let el: FukushiContactCard;
      try {
        el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${'2026-11-27T06:00:00Z'}></fukushi-contact-card>`);
      } finally {
        names.forEach((name, i) => (Date.prototype[name] = originals[i] as never));
      }
      expect(el!.status).to.equal('open');
      expect(text(el!, '.status')).to.equal('✓ 受付中（20:00まで）');
    });

    it('flips to open when the clock reaches the opening time, and reflects it', async () => {
      const {install} = await fakeTimers();
      const clock = install({now: new Date(tokyo('2026-11-27T08:29:00')), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
      try {
        const changes: string[] = [];
        const el = await card(html`<fukushi-contact-card
          name="窓口"
          phone="042-000-0000"
          hours="Mo-Fr 08:30-17:00; PH off"
          @fukushi-status-change=${(e: CustomEvent<{status: string}>) => changes.push(e.detail.status)}
        ></fukushi-contact-card>`);
        expect(el.getAttribute('status')).to.equal('closed');
        expect(text(el, '.status')).to.equal('✕ 受付時間外（本日 8:30から）');
        await clock.tickAsync(59_000);
        await el.updateComplete;
        expect(el.getAttribute('status')).to.equal('closed');
        await clock.tickAsync(1_000);
        await el.updateComplete;
        expect(el.getAttribute('status')).to.equal('open');
        expect(text(el, '.status')).to.equal('✓ 受付中（17:00まで）');
        // unknown until the code that reads `hours` has loaded, as a dataset desk is until its data has
        expect(changes).to.deep.equal(['unknown', 'closed', 'open']);
        // and closes again at 17:00
        await clock.tickAsync(8.5 * 3600_000);
        await el.updateComplete;
        expect(el.getAttribute('status')).to.equal('closed');
      } finally {
        clock.uninstall();
      }
    });

    it('checks again when the page becomes visible', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
      expect(el.isUpdatePending).to.equal(false);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(el.isUpdatePending).to.equal(true);
      await el.updateComplete;
    });
  });

  describe('a partner desk from attributes', () => {
    it('shows the given facts without loading a dataset', async () => {
      const requested: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        requested.push(String(input));
        return realFetch(input, init);
      };
      let el: FukushiContactCard;
      try {
        el = await card(html`<fukushi-contact-card
          name="ひばりが丘相談室"
          phone="０４２−１１１−２２２２"
          fax="042-111-3333"
          email="soudan@example.jp"
          address="〒202-0001 西東京市ひばりが丘1-1-1"
          url="https://example.jp/soudan"
          hours="Mo,We,Fr 10:00-16:00; PH off"
          .now=${tokyo('2026-11-27T11:00:00')}
        ></fukushi-contact-card>`);
      } finally {
        window.fetch = realFetch;
      }
      expect(requested).to.deep.equal([]);
      expect(text(el!, '.title')).to.equal('ひばりが丘相談室');
      expect(($(el!, 'a.phone') as HTMLAnchorElement).getAttribute('href')).to.equal('tel:0421112222');
      expect(text(el!)).to.contain('042-111-3333');
      expect(text(el!)).to.contain('〒202-0001 西東京市ひばりが丘1-1-1');
      expect(text(el!)).to.contain('月・水・金 10:00〜16:00');
      expect(text(el!)).to.contain('祝日は休み');
      expect(el!.status).to.equal('open');
      expect(shadow(el!).querySelector('a[href="https://example.jp/soudan"]')).to.not.equal(null);
    });

    it('reports an hours syntax error to editors and shows residents no hours', async () => {
      let el: FukushiContactCard;
      const errors = await consoleErrors(async () => {
        el = await card(html`<fukushi-contact-card name="窓口" phone="042-000-0000" hours="Mon-Fri 9-5"></fukushi-contact-card>`);
      });
      expect(errors.join('\n')).to.contain('hours="Mon-Fri 9-5"');
      expect(errors.join('\n')).to.contain('Mo Tu We Th Fr Sa Su');
      expect(el!.status).to.equal('unknown');
      expect(text(el!)).to.not.contain('受付時間');
      expect($(el!, '.debug')).to.equal(null);
    });
  });

  describe('with ?fukushi-debug', () => {
    const url = location.href;
    beforeEach(() => history.replaceState(null, '', '?fukushi-debug'));
    afterEach(() => history.replaceState(null, '', url));

    it('shows editors the hours syntax error and the unknown desk in the card', async () => {
      await consoleErrors(async () => {
        const hours = await card(html`<fukushi-contact-card name="窓口" phone="042-000-0000" hours="Mo-Fr 8:30-5pm"></fukushi-contact-card>`);
        expect(text(hours, '.debug')).to.contain('hours="Mo-Fr 8:30-5pm"');
        expect(text(hours, '.debug')).to.contain('24-hour clock');
        const unknown = await card(html`<fukushi-contact-card desk="desk-debug-nowhere"></fukushi-contact-card>`);
        expect(text(unknown, '.debug')).to.contain('desk="desk-debug-nowhere"');
      });
    });
  });

  describe('actions', () => {
    it('copies the phone number and says so politely', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
      const written: string[] = [];
      Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: async (t: string) => void written.push(t)}});
      try {
        const copied = new Promise<CustomEvent>((resolve) => el.addEventListener('fukushi-copy', resolve as never, {once: true}));
        ($(el, '[part="copy-button"]') as HTMLButtonElement).click();
        expect((await copied).detail).to.deep.equal({number: '0120-9109-77', copied: true});
      } finally {
        delete (navigator as unknown as Record<string, unknown>).clipboard;
      }
      await el.updateComplete;
      expect(written).to.deep.equal(['0120-9109-77']);
      const live = $(el, '[role="status"]')!;
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.textContent!.replace(/\u200b/g, '')).to.equal('コピーしました');
    });

    it('selects the number when the clipboard is unavailable', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
      Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined});
      try {
        const copied = new Promise<CustomEvent>((resolve) => el.addEventListener('fukushi-copy', resolve as never, {once: true}));
        ($(el, '[part="copy-button"]') as HTMLButtonElement).click();
        expect((await copied).detail.copied).to.equal(false);
      } finally {
        delete (navigator as unknown as Record<string, unknown>).clipboard;
      }
      await el.updateComplete;
      expect(getSelection()!.toString()).to.equal('0120-9109-77');
      expect($(el, '[role="status"]')!.textContent).to.contain('番号を選びました。コピーしてください。');
    });

    it('offers a vCard 4.0 download, built when the button is pressed', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-chiiki-kyosei"></fukushi-contact-card>`);
      const button = $(el, '[part~="vcard-button"]') as HTMLButtonElement;
      expect(button.localName).to.equal('button');
      expect(button.part.contains('vcard-link'), 'its first part name still works').to.equal(true);
      expect(visibleText(button)).to.equal('連絡先に保存（vCard）');
      // The file is made on demand and handed to a temporary <a download>: catch its click.
      const original = HTMLAnchorElement.prototype.click;
      const clicked = new Promise<HTMLAnchorElement>((resolve) => {
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          resolve(this);
        };
      });
      let link: HTMLAnchorElement;
      try {
        button.click();
        link = await clicked;
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      expect(link.href.startsWith('blob:')).to.equal(true);
      expect(link.getAttribute('download')).to.equal('desk-chiiki-kyosei.vcf');
      // the temporary link is gone and the download is announced politely
      await el.updateComplete;
      expect(shadow(el).querySelector('a[download]')).to.equal(null);
      expect($(el, '[role="status"]')!.textContent).to.contain('連絡先のファイル（vCard）をダウンロードしました。');
      const blob = await (await fetch(link.href)).blob();
      // Browsers differ on whether the charset parameter survives in Blob.type; the file is UTF-8 either way.
      expect(blob.type).to.match(/^text\/vcard\b/);
      const vcard = (await blob.text()).replace(/\r\n /g, '');
      for (const line of [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:健康福祉部 地域共生課',
        'ORG:西東京市',
        'TEL;TYPE=voice:042-464-1311',
        'TEL;TYPE=fax:042-420-2896',
        'EMAIL:fukushisougou@city.nishitokyo.lg.jp',
        'ADR:;田無第二庁舎1階;南町5-6-13;西東京市;東京都;188-8666;日本',
        'END:VCARD',
      ]) {
        expect(vcard.split('\r\n')).to.include(line);
      }
    });

    it('has print styles: no buttons, full URLs after links', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
      const css = [...shadow(el).adoptedStyleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join('\n');
      expect(css).to.match(/@media print[\s\S]*button[\s\S]*display: none/);
      expect(css).to.contain('attr(href)');
    });
  });

  describe('structured data', () => {
    it('writes schema.org JSON-LD into the light DOM when asked', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-chiiki-kyosei" structured-data></fukushi-contact-card>`);
      const scripts = el.querySelectorAll('script[type="application/ld+json"]');
      expect(scripts).to.have.length(1);
      const data = JSON.parse(scripts[0]!.textContent!);
      expect(data['@type']).to.equal('GovernmentService');
      expect(data.provider.name).to.equal('西東京市');
      expect(data.availableChannel.servicePhone).to.deep.include({
        telephone: '+81-42-464-1311',
        faxNumber: '+81-42-420-2896',
        email: 'fukushisougou@city.nishitokyo.lg.jp',
        contactOption: ['HearingImpairedSupported'],
      });
      el.structuredData = false;
      await el.updateComplete;
      expect(el.querySelector('script')).to.equal(null);
    });

    it('includes opening hours', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" structured-data></fukushi-contact-card>`);
      const data = JSON.parse(el.querySelector('script')!.textContent!);
      expect(data.availableChannel.servicePhone.hoursAvailable).to.deep.equal([
        {'@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], opens: '14:00', closes: '20:00'},
        {'@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '10:00', closes: '16:00'},
      ]);
      expect(data.availableChannel.servicePhone.contactOption).to.deep.equal(['TollFree']);
    });

    it('keeps a hostile name inert', async () => {
      const hostile = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
      const el = await card(
        html`<fukushi-contact-card name=${hostile} phone="042-000-0000" url="javascript:window.__pwned=3" structured-data></fukushi-contact-card>`,
      );
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
      expect(document.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
      expect(el.querySelectorAll('*')).to.have.length(1);
      const json = el.querySelector('script')!.textContent!;
      expect(json).to.not.contain('<');
      expect(JSON.parse(json).name).to.equal(hostile);
      expect(text(el, '.title')).to.equal(hostile);
      expect(shadow(el).querySelector('img')).to.equal(null);
    });
  });

  describe('compact mode', () => {
    it('shows name, phone, FAX and status, with the rest in a disclosure', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-chiiki-kyosei" compact heading-level="4"></fukushi-contact-card>`);
      expect($(el, 'fukushi-reading-controls')).to.equal(null);
      expect($(el, '[part="copy-button"]')).to.equal(null);
      expect($(el, '[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
      expect($(el, 'a.phone')).to.not.equal(null);
      expect($(el, '[part="fax"]')).to.not.equal(null);
      const details = $(el, 'details') as HTMLDetailsElement;
      expect(details.open).to.equal(false);
      expect(visibleText(details.querySelector('summary')!)).to.equal('くわしい情報');
      expect(details.querySelector('a[href^="mailto:"]')).to.not.equal(null);
      // the description is left out
      expect(text(el)).to.not.contain('担当課です');
    });

    it('works inside another widget shadow root', async () => {
      const host = await fixture<HTMLElement>(html`<main><div></div></main>`);
      const root = host.querySelector('div')!.attachShadow({mode: 'open'});
      const el = document.createElement('fukushi-contact-card');
      el.setAttribute('desk', 'desk-hotroom');
      el.compact = true;
      el.now = tokyo('2026-11-27T15:00:00');
      root.append(el);
      await settled(el);
      expect(text(el, '.status')).to.equal('✓ 受付中（20:00まで）');
      expect(getComputedStyle($(el, '.card')!).borderTopStyle).to.equal('solid');
      await expect(host).to.be.accessible();
    });
  });

  describe('progressive enhancement and errors', () => {
    it('hides the light-DOM fallback once the card renders', async () => {
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom"><p>子ども相談室 0120-9109-77</p></fukushi-contact-card>`);
      expect($(el, 'slot')).to.equal(null);
    });

    it("a partner's dataset that fails shows the page's own fallback and a retry, never the city's number", async () => {
      let el: FukushiContactCard;
      const errors = await consoleErrors(async () => {
        el = await card(html`<fukushi-contact-card desk="desk-hotroom" src="/fixtures/missing-dataset.json"><p>子ども相談室 0120-9109-77</p></fukushi-contact-card>`);
      });
      expect(errors.join()).to.contain('missing-dataset.json');
      const notice = $(el!, '[part="error"]')!;
      expect(visibleText(notice)).to.contain('情報を読み込めませんでした。');
      expect(telLinks(el!)).to.deep.equal([]);
      const slot = notice.querySelector('slot')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal('子ども相談室 0120-9109-77');
      expect(visibleText(notice)).to.contain('もう一度読み込む');
      expect(el!.status).to.equal('unknown');
      await expect(el!).to.be.accessible();
    });

    it("a partner's dataset with problems still gives residents its own sound fallback number", async () => {
      let el: FukushiContactCard;
      await consoleErrors(async () => {
        el = await card(html`<fukushi-contact-card desk="desk-fukushi" src=${BROKEN_TOWN_URL}></fukushi-contact-card>`);
      });
      expect(telLinks(el!)).to.deep.equal(['tel:0120000000']);
      expect(visibleText($(el!, '[part="error"]')!)).to.contain('架空町役場');
    });

    it("the built-in dataset that fails gives the city's main number", async () => {
      let el: FukushiContactCard;
      await withBuiltinDatasetDown(() =>
        consoleErrors(async () => {
          el = await card(html`<fukushi-contact-card desk="desk-hotroom"></fukushi-contact-card>`);
        }),
      );
      expect(telLinks(el!)).to.deep.equal(['tel:0424641311']);
      expect(visibleText($(el!, '[part="error"]')!)).to.contain('西東京市役所（代表）');
    });

    it('reports an unknown desk id with the valid ids, and residents get the city phone', async () => {
      let el: FukushiContactCard;
      const errors = await consoleErrors(async () => {
        el = await card(html`<fukushi-contact-card desk="desk-nowhere"><p>窓口 042-000-0000</p></fukushi-contact-card>`);
      });
      expect(errors.join()).to.contain('desk="desk-nowhere"');
      expect(errors.join()).to.contain('desk-chiiki-kyosei');
      expect($(el!, 'a.phone')!.getAttribute('href')).to.equal('tel:0424641311');
      expect(($(el!, 'slot') as HTMLSlotElement).assignedElements()).to.have.length(1);
      await expect(el!).to.be.accessible();
    });
  });

  describe('reading modes', () => {
    it('speaks easy Japanese with furigana: 12-hour clock, から/まで', async () => {
      await setLocale('ja-x-easy');
      setFurigana(true);
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-11-27T15:00:00')}></fukushi-contact-card>`);
      expect(text(el, '.status')).to.equal('✓ いま 相談 できます。 午後8時まで です。');
      expect([...shadow(el).querySelectorAll('.status rt')].map((rt) => rt.textContent)).to.include('そうだん');
      const hours = [...shadow(el).querySelectorAll('dd li')].map((li) => visibleText(li));
      expect(hours[0]).to.equal('月曜日から 金曜日 午後2時から 午後8時まで');
      expect(hours.join()).to.not.contain('〜');
      expect(text(el)).to.contain('祝日 と 年末年始（12月29日から 1月3日まで）は 休みです。');
      expect(text(el, '.title')).to.equal('子どもの 相談室 ほっとルーム');
      expect($(el, '.easy.furigana-on')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('speaks English, and marks Japanese-only text', async () => {
      await setLocale('en');
      const el = await card(html`<fukushi-contact-card desk="desk-hotroom" .now=${tokyo('2026-11-23T15:00:00')}></fukushi-contact-card>`);
      expect(text(el, '.status')).to.equal('✕ Closed now. Opens tomorrow at 2pm. Closed today for a public holiday.');
      expect(text(el, '.title')).to.equal("Children's advice room Hot Room");
      const hours = [...shadow(el).querySelectorAll('dd li')].map((li) => visibleText(li));
      expect(hours).to.deep.equal(['Monday to Friday, 2pm to 8pm', 'Saturday, 10am to 4pm']);
      expect($(el, 'a.phone .visually-hidden')!.textContent).to.equal('0 1 2 0, 9 1 0 9, 7 7');
      // the address is Japanese
      expect(shadow(el).querySelector('dd [lang="ja"]')!.textContent).to.contain('住吉町');
      expect(shadow(el).querySelector('div[lang]')!.getAttribute('lang')).to.equal('en');
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in every state (ja)', async () => {
      const host = await fixture<HTMLElement>(html`<main>
        <fukushi-contact-card desk="desk-chiiki-kyosei" .now=${tokyo('2026-11-27T15:00:00')}></fukushi-contact-card>
        <fukushi-contact-card desk="desk-seikatsu-support" .now=${tokyo('2026-12-30T15:00:00')}></fukushi-contact-card>
        <fukushi-contact-card desk="desk-hotroom" compact .now=${tokyo('2026-11-27T15:00:00')}></fukushi-contact-card>
      </main>`);
      for (const el of host.querySelectorAll('fukushi-contact-card')) await settled(el);
      await expect(host).to.be.accessible();
    });
  });
});
