import {expect} from '@open-wc/testing';
import {ReadingPrefsStore, STORAGE_KEY, localeFromLang} from '../../src/core/prefs/prefs.js';

describe('reading preferences store', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => localStorage.removeItem(STORAGE_KEY));

  it('takes the page language when nobody has chosen', () => {
    const store = new ReadingPrefsStore();
    store.setLangDefault('en-GB');
    expect(store.current).to.deep.equal({locale: 'en', furigana: false});
    store.setLangDefault('ja-x-easy');
    expect(store.current).to.deep.equal({locale: 'ja-x-easy', furigana: true});
    store.setLangDefault('');
    expect(store.current.locale).to.equal('ja');
  });

  it('lets the first widget that declares a preference set the page default', () => {
    const store = new ReadingPrefsStore();
    const first = {};
    const second = {};
    store.declarePageDefault(first, {locale: 'en'});
    store.declarePageDefault(second, {locale: 'ja-x-easy', furigana: false});
    // locale stays with the first widget; furigana was first declared by the second one
    expect(store.current).to.deep.equal({locale: 'en', furigana: false});
    store.declarePageDefault(first, {});
    expect(store.current.locale).to.equal('ja');
  });

  it("puts the resident's choice above the page and remembers it", () => {
    const store = new ReadingPrefsStore();
    store.declarePageDefault({}, {locale: 'en', furigana: false});
    store.choose({locale: 'ja-x-easy'});
    // furigana keeps the page's explicit "off" until the resident changes it
    expect(store.current).to.deep.equal({locale: 'ja-x-easy', furigana: false});
    store.choose({furigana: true});
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal({locale: 'ja-x-easy', furigana: true});
    const afterReload = new ReadingPrefsStore();
    expect(afterReload.current).to.deep.equal({locale: 'ja-x-easy', furigana: true});
  });

  it('ignores junk in storage instead of failing', () => {
    localStorage.setItem(STORAGE_KEY, '{"locale":"xx","furigana":"yes"');
    expect(new ReadingPrefsStore().current).to.deep.equal({locale: 'ja', furigana: false});
    localStorage.setItem(STORAGE_KEY, '{"locale":"fr","furigana":"yes"}');
    expect(new ReadingPrefsStore().current).to.deep.equal({locale: 'ja', furigana: false});
  });

  it('notifies listeners only on a real change', () => {
    const store = new ReadingPrefsStore();
    const seen: string[] = [];
    store.subscribe((p) => seen.push(`${p.locale}/${p.furigana}`));
    store.choose({locale: 'ja'}, {remember: false});
    store.choose({locale: 'en'}, {remember: false});
    store.choose({locale: 'en'}, {remember: false});
    expect(seen).to.deep.equal(['en/false']);
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
  });

  it('maps page languages to reading modes', () => {
    expect(localeFromLang('ja-JP')).to.equal('ja');
    expect(localeFromLang('JA')).to.equal('ja');
    expect(localeFromLang('ja-x-easy')).to.equal('ja-x-easy');
    expect(localeFromLang('vi')).to.equal('en');
    expect(localeFromLang(null)).to.equal(undefined);
  });
});
