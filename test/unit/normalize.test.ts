import {expect} from '@open-wc/testing';
import {looseKey, normalizeForSearch, romajiToHiragana} from '../../src/core/text/normalize.js';

describe('search normalisation', () => {
  it('reads half-width katakana as hiragana: ｾｲﾈﾝｺｳｹﾝ', () => {
    expect(normalizeForSearch('ｾｲﾈﾝｺｳｹﾝ')).to.equal('せいねんこうけん');
    expect(normalizeForSearch('セイネンコウケン')).to.equal('せいねんこうけん');
  });

  it('reads romaji, with or without spaces and long vowels: seinenkouken', () => {
    expect(romajiToHiragana('seinenkouken')).to.equal('せいねんこうけん');
    expect(romajiToHiragana('seinen kouken')).to.equal('せいねん こうけん');
    expect(romajiToHiragana('Seinen Kōken')).to.equal('せいねん こうけん');
    expect(looseKey(romajiToHiragana('seinen koken')!)).to.equal(looseKey('せいねん こうけん'));
    expect(romajiToHiragana('hikikomori')).to.equal('ひきこもり');
    expect(romajiToHiragana('chiiki houkatsu')).to.equal('ちいき ほうかつ');
    expect(romajiToHiragana('gakkou')).to.equal('がっこう');
    expect(romajiToHiragana('shinbun')).to.equal('しんぶん');
    expect(romajiToHiragana('jyuukyo')).to.equal('じゅうきょ');
  });

  it('does not pretend non-Japanese letters are romaji', () => {
    expect(romajiToHiragana('DV')).to.equal(null);
    expect(romajiToHiragana('npo')).to.equal(null);
    expect(romajiToHiragana('相談')).to.equal(null);
  });

  it('makes ケアマネージャー and ケアマネジャー meet', () => {
    expect(looseKey(normalizeForSearch('ケアマネージャー'))).to.equal(looseKey(normalizeForSearch('ケアマネジャー')));
    expect(normalizeForSearch('ケアマネ')).to.equal('けあまね');
  });

  it('makes ひばりヶ丘 and ひばりが丘 meet, but keeps ケ in katakana words', () => {
    expect(normalizeForSearch('ひばりヶ丘')).to.equal(normalizeForSearch('ひばりが丘'));
    expect(normalizeForSearch('霞ケ関')).to.equal('霞が関');
    expect(normalizeForSearch('ケース')).to.equal('けーす');
  });

  it('folds full-width letters, dashes, tildes, spaces and variant kanji', () => {
    expect(normalizeForSearch('ＤＶ　相談')).to.equal('dv 相談');
    expect(normalizeForSearch('０４２－４６４―１３１１')).to.equal('042-464-1311');
    expect(normalizeForSearch('8:30〜17:00')).to.equal('8:30~17:00');
    expect(normalizeForSearch('髙橋 﨑')).to.equal('高橋 崎');
    expect(normalizeForSearch('スーーパー')).to.equal('すーぱー');
  });
});
