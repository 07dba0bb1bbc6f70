import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import '../../src/components/reading-controls/define.js';
import {FukushiReadingControls} from '../../src/components/reading-controls/reading-controls.js';
import {defineElement} from '../../src/ui/define.js';
import {readingPrefs, STORAGE_KEY} from '../../src/core/prefs/prefs.js';
import {setFurigana, setLocale} from '../../src/core/prefs/api.js';
import {localeReady} from '../../src/core/i18n/localization.js';
import {BROWSER_TIME_ZONE} from '../lib/pinned-time.mjs';

const shadow = (el: Element) => el.shadowRoot!;
const pressed = (el: Element, text: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.includes(text))!.getAttribute('aria-pressed');

async function settle(...elements: FukushiReadingControls[]) {
  await localeReady();
  await Promise.all(elements.map((el) => el.updateComplete));
}

describe('foundation: base element and reading preferences', () => {
  beforeEach(async () => {
    readingPrefs.reset({clearStorage: true});
    document.documentElement.lang = 'ja';
    await localeReady();
  });
  afterEach(async () => {
    readingPrefs.reset({clearStorage: true});
    document.documentElement.style.fontSize = '';
    await localeReady();
  });

  it('runs in a browser outside Tokyo, so that widgets are tested doing their own Tokyo time', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(BROWSER_TIME_ZONE);
  });

  it('never throws when a second copy defines the same tag, and warns once', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class SecondCopy extends FukushiReadingControls {}
      class ThirdCopy extends FukushiReadingControls {}
      expect(defineElement('fukushi-reading-controls', SecondCopy)).to.equal(false);
      expect(defineElement('fukushi-reading-controls', ThirdCopy)).to.equal(false);
      expect(FukushiReadingControls.define('fukushi-reading-controls')).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('already defined');
    expect(customElements.get('fukushi-reading-controls')).to.equal(FukushiReadingControls);
  });

  it('re-renders elements that were in the HTML before the definition when the locale changes', async () => {
    const host = await fixture(html`<div><fukushi-pre-existing></fukushi-pre-existing></div>`);
    class PreExisting extends FukushiReadingControls {}
    PreExisting.define('fukushi-pre-existing');
    const el = host.querySelector('fukushi-pre-existing') as FukushiReadingControls;
    await settle(el);
    expect(shadow(el).querySelector('.label')!.textContent).to.equal('表示する言葉');
    await setLocale('en');
    await settle(el);
    expect(shadow(el).querySelector('.label')!.textContent).to.equal('Language');
    await setLocale('ja-x-easy');
    await settle(el);
    expect(shadow(el).querySelector('.label')!.textContent).to.equal('ことば');
    expect(shadow(el).querySelector('.controls')!.getAttribute('lang')).to.equal('ja');
  });

  it("applies a resident's toggle to every widget at once and remembers it", async () => {
    const host = await fixture(html`<div>
      <fukushi-reading-controls></fukushi-reading-controls>
      <fukushi-reading-controls></fukushi-reading-controls>
    </div>`);
    const [a, b] = [...host.querySelectorAll('fukushi-reading-controls')] as FukushiReadingControls[];
    await settle(a!, b!);
    expect(pressed(b!, 'ふりがな')).to.equal('false');
    [...shadow(a!).querySelectorAll('button')].find((x) => x.textContent!.includes('やさしい'))!.click();
    await settle(a!, b!);
    expect(pressed(b!, 'やさしい')).to.equal('true');
    // furigana comes on with easy Japanese unless someone turned it off
    expect(pressed(b!, 'ふりがな')).to.equal('true');
    [...shadow(b!).querySelectorAll('button')].find((x) => x.textContent!.includes('ふりがな'))!.click();
    await settle(a!, b!);
    expect(pressed(a!, 'ふりがな')).to.equal('false');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal({locale: 'ja-x-easy', furigana: false});
    // a reload reads the remembered choice back
    readingPrefs.reload();
    expect(readingPrefs.current).to.deep.equal({locale: 'ja-x-easy', furigana: false});
  });

  it('lets the first widget on the page set the default, and the page language otherwise', async () => {
    document.documentElement.lang = 'en';
    await nextFrame();
    const host = await fixture(html`<div>
      <fukushi-reading-controls locale="ja-x-easy" furigana="off"></fukushi-reading-controls>
      <fukushi-reading-controls locale="en"></fukushi-reading-controls>
    </div>`);
    const [a, b] = [...host.querySelectorAll('fukushi-reading-controls')] as FukushiReadingControls[];
    await settle(a!, b!);
    expect(pressed(b!, 'やさしい')).to.equal('true');
    expect(pressed(b!, 'ふりがな')).to.equal('false');
    a!.remove();
    b!.remove();
    await nextFrame();
    expect(readingPrefs.current.locale).to.equal('en');
  });

  it('exposes setLocale and setFurigana, and rejects values it does not know', async () => {
    const el = await fixture<FukushiReadingControls>(html`<fukushi-reading-controls></fukushi-reading-controls>`);
    setFurigana('on');
    await settle(el);
    expect(pressed(el, 'ふりがな')).to.equal('true');
    let error: unknown;
    try {
      await setLocale('fr' as never);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('setLocale() takes one of ja, ja-x-easy, en');
    expect(() => setFurigana('maybe' as never)).to.throw(TypeError);
  });

  it('keeps text at 14px or more on a host page that uses the 62.5% root font trick', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const el = await fixture<FukushiReadingControls>(html`<fukushi-reading-controls></fukushi-reading-controls>`);
    await settle(el);
    const sizes = [...shadow(el).querySelectorAll('button, .label')].map((n) => parseFloat(getComputedStyle(n).fontSize));
    expect(Math.min(...sizes)).to.be.at.least(14);
    // and it still grows with the reader's own text size
    document.documentElement.style.fontSize = '200%';
    await nextFrame();
    expect(parseFloat(getComputedStyle(shadow(el).querySelector('button')!).fontSize)).to.be.at.least(28);
  });

  it('has touch targets of at least 24px and no axe violations', async () => {
    const el = await fixture<FukushiReadingControls>(html`<main><fukushi-reading-controls></fukushi-reading-controls></main>`);
    const controls = el.querySelector('fukushi-reading-controls')!;
    await settle(controls as FukushiReadingControls);
    for (const button of shadow(controls).querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(box.height).to.be.at.least(24);
      expect(box.width).to.be.at.least(24);
    }
    await expect(el).to.be.accessible();
  });
});
