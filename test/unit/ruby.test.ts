import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {render} from 'lit';
import {bracketedReadings, formatRuby, parseRuby, partsOf, plainText, readingText, type Segment} from '../../src/core/text/ruby.js';
import {gradesReady, ruby} from '../../src/ui/ruby.js';
import {annotateTerm} from '../../src/components/easy-summary/glossary.js';

// The same cases on every machine and day (the Node property tests share this seed).
fc.configureGlobal({seed: 20261207});

/** Strings built from the characters that matter to the notation, plus HTML specials. */
const notationChars = fc.constantFrom(
  '｜', '《', '》', '|', '=', '漢', '字', '々', 'か', 'ん', 'じ', 'ア', 'a', ' ', '\n',
  '<', '>', '&', '"', "'", '/', 'script', '<img src=x onerror=alert(1)>', '</rt>', '<b>',
);
const notationString = fc.array(notationChars, {maxLength: 40}).map((parts) => parts.join(''));

describe('ruby notation', () => {
  it('parses explicit and implicit bases', () => {
    expect(parseRuby('｜成年後見制度《せいねんこうけんせいど》を使う')).to.deep.equal([
      {base: '成年後見制度', raw: 'せいねんこうけんせいど', explicit: true, speak: false},
      {text: 'を使う'},
    ]);
    expect(parseRuby('市の相談《そうだん》です')).to.deep.equal([
      {text: '市の'},
      {base: '相談', raw: 'そうだん', explicit: false, speak: false},
      {text: 'です'},
    ]);
  });

  it('reads per-character readings and the speak-as-reading marker', () => {
    const [segment] = parseRuby('｜柳沢《=やぎ|さわ》') as [Segment & {base: string}];
    expect(segment).to.deep.include({base: '柳沢', raw: 'やぎ|さわ', speak: true});
    expect(partsOf(segment as never)).to.deep.equal(['やぎ', 'さわ']);
    expect(readingText('｜柳沢《=やぎ|さわ》に住む')).to.equal('やぎさわに住む');
    expect(plainText('｜柳沢《=やぎ|さわ》に住む')).to.equal('柳沢に住む');
  });

  it('keeps anything that is not valid notation as literal text', () => {
    for (const s of ['《そうだん》', 'ふつう《》', '｜《x》', '｜漢字', 'a《b》', '漢《》', '漢《a|》']) {
      expect(plainText(s), s).to.equal(s);
    }
  });

  it('falls back to the implicit base when an explicit one is broken', () => {
    expect(plainText('｜漢\n字《かんじ》')).to.equal('｜漢\n字');
  });

  it('formats what it parses back to the same string (property)', () => {
    fc.assert(
      fc.property(notationString, (s) => formatRuby(parseRuby(s)) === s),
      {numRuns: 2000},
    );
  });

  it('renders only ruby, rt, rp, our own spans and text, whatever the input (property)', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const allowed = new Set(['RUBY', 'RT', 'RP', 'SPAN']);
    fc.assert(
      fc.property(notationString, fc.boolean(), fc.option(fc.integer({min: 1, max: 6})), fc.boolean(), (s, furigana, grade, join) => {
        render(ruby(s, {furigana, grade: grade ?? undefined, join}), host);
        const tags = [...host.querySelectorAll('*')].map((el) => el.tagName);
        const spansOk = [...host.querySelectorAll('span')].every((el) =>
          ['name', 'visually-hidden', ''].includes(el.className) && el.attributes.length <= 2,
        );
        // what is printed is exactly the plain text: nothing was interpreted as markup
        const printed = host.cloneNode(true) as HTMLElement;
        printed.querySelectorAll('rt, rp, .visually-hidden').forEach((el) => el.remove());
        return tags.every((t) => allowed.has(t)) && spansOk && printed.textContent === plainText(s);
      }),
      {numRuns: 500},
    );
    host.remove();
  });

  it('hides readings from assistive tech and drops them when furigana is off', () => {
    const host = document.createElement('div');
    render(ruby('市の相談《そうだん》', {furigana: true}), host);
    expect(host.querySelectorAll('ruby')).to.have.length(1);
    expect(host.querySelector('rt')!.getAttribute('aria-hidden')).to.equal('true');
    expect([...host.querySelectorAll('rp')].every((rp) => rp.getAttribute('aria-hidden') === 'true')).to.equal(true);
    render(ruby('市の相談《そうだん》', {furigana: false}), host);
    expect(host.querySelector('rt')).to.equal(null);
    expect(host.textContent).to.equal('市の相談');
  });

  it('annotates only unlearned kanji at a school grade, per character', async () => {
    const host = document.createElement('div');
    await gradesReady();
    // 成 is grade 4, 年 grade 1, 後 grade 2, 見 grade 1
    render(ruby('｜成年後見《せい|ねん|こう|けん》', {furigana: true, grade: 3}), host);
    const bases = [...host.querySelectorAll('ruby')].map((r) =>
      [...r.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''),
    );
    expect(bases).to.deep.equal(['成']);
    expect(host.querySelector('rt')!.textContent).to.equal('せい');
    render(ruby('｜成年後見《せい|ねん|こう|けん》', {furigana: true, grade: 4}), host);
    expect(host.querySelector('ruby')).to.equal(null);
    // without per-character readings the whole word is annotated
    render(ruby('｜成年後見《せいねんこうけん》', {furigana: true, grade: 3}), host);
    expect(host.querySelector('rt')!.textContent).to.equal('せいねんこうけん');
  });

  it('gives assistive tech the reading of names that speech engines misread', () => {
    const host = document.createElement('div');
    render(ruby('｜柳沢《=やぎさわ》', {furigana: false}), host);
    expect(host.querySelector('.visually-hidden')!.textContent).to.equal('やぎさわ');
    expect(host.querySelector('[aria-hidden="true"]')!.textContent).to.equal('柳沢');
  });

  it('joins neighbouring words into one ruby in easy Japanese, so that no reading pushes them apart', () => {
    const host = document.createElement('div');
    const rubies = () => [...host.querySelectorAll('ruby')].map((r) => `${[...r.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')}《${r.querySelector('rt')!.textContent}》`);
    render(ruby('｜要《よう》｜介護《かい|ご》の ｜人《ひと》', {furigana: true, join: true}), host);
    expect(rubies()).to.deep.equal(['要介護《ようかいご》', '人《ひと》']);
    expect(host.textContent).to.equal('要介護（ようかいご）の 人（ひと）');
    render(ruby('｜要《よう》｜介護《かい|ご》の', {furigana: true}), host);
    expect(rubies()).to.deep.equal(['要《よう》', '介護《かいご》']);
    // A name that speech engines misread keeps its reading for assistive tech inside the word.
    render(ruby('｜柳沢《=やぎさわ》｜公民館《こうみんかん》へ', {furigana: true, join: true}), host);
    expect(rubies()).to.deep.equal(['柳沢公民館《やぎさわこうみんかん》']);
    expect(host.querySelector('[aria-hidden="true"] ruby')).to.not.equal(null);
    expect(host.querySelector('.visually-hidden')!.textContent).to.equal('やぎさわこうみんかん');
  });

  it('gives readings in brackets where ruby cannot go', () => {
    expect(bracketedReadings('｜谷戸町《=やとちょう》')).to.equal('谷戸町（やとちょう）');
    expect(bracketedReadings('｜基本《き|ほん》｜目標《もく|ひょう》1 ｜福祉《ふく|し》を ｜学《まな》ぶ')).to.equal('基本目標（きほんもくひょう）1 福祉（ふくし）を 学（まな）ぶ');
    expect(bracketedReadings('えらばない')).to.equal('えらばない');
  });

  it('splits the whole reading of a term between its runs of kanji, by the kana between them', () => {
    expect(annotateTerm({term: '地域福祉', reading: 'ちいきふくし'})).to.equal('｜地域福祉《ちいきふくし》');
    expect(annotateTerm({term: '地域福祉コーディネーター', reading: 'ちいきふくしこーでぃねーたー'})).to.equal('｜地域福祉《ちいきふくし》コーディネーター');
    expect(annotateTerm({term: 'ほっとネット推進員', reading: 'ほっとねっとすいしんいん'})).to.equal('ほっとネット｜推進員《すいしんいん》');
    expect(annotateTerm({term: '心のバリアフリー', reading: 'こころのばりあふりー'})).to.equal('｜心《こころ》のバリアフリー');
    // Kanji beside marks or letters share one reading: where one ends cannot be told.
    expect(annotateTerm({term: '民生委員・児童委員', reading: 'みんせいいいんじどういいん'})).to.equal('｜民生委員・児童委員《みんせいいいんじどういいん》');
    expect(annotateTerm({term: 'ヤングケアラー', reading: 'やんぐけあらー'})).to.equal('ヤングケアラー');
    // A reading that does not fit leaves the term as it is.
    expect(annotateTerm({term: '心のバリアフリー', reading: 'こころばりあふりー'})).to.equal('心のバリアフリー');
  });
});
