// The help form's normalisers (src/core/help-request/normalize.ts) and which kind of field uses
// which (field-kinds.ts): what residents type becomes one canonical form.
import {expect} from '@open-wc/testing';
import {
  normalizeBanchi, normalizeEmail, normalizeKana, normalizeNumber, normalizePhone, normalizeText, normalizeYear,
} from '../../src/core/help-request/normalize.js';
import {normalizeAnswer as normalize} from '../../src/core/help-request/field-kinds.js';

describe('help form: normalisers', () => {
  it('phone numbers: full-width digits, any dash, spaces and brackets', () => {
    expect(normalizePhone('０４２ー４６４ー１３１１')).to.equal('042-464-1311');
    expect(normalizePhone('042－464－1311')).to.equal('042-464-1311');
    expect(normalizePhone('042‐464―1311')).to.equal('042-464-1311');
    expect(normalizePhone(' 090 1234 5678 ')).to.equal('090-1234-5678');
    expect(normalizePhone('042(464)1311')).to.equal('042-464-1311');
    expect(normalizePhone('（042）464-1311')).to.equal('042-464-1311');
  });
  it('番地: 丁目・番地・号 and full-width forms', () => {
    expect(normalizeBanchi('５丁目６番地１３号')).to.equal('5-6-13');
    expect(normalizeBanchi('６ー１３')).to.equal('6-13');
    expect(normalizeBanchi('6の13')).to.equal('6-13');
    expect(normalizeBanchi(' 6 - 13 ')).to.equal('6-13');
  });
  it('フリガナ: hiragana and half-width kana become katakana; spaces become one full-width space', () => {
    expect(normalizeKana('にしとうきょう たろう')).to.equal('ニシトウキョウ　タロウ');
    expect(normalizeKana('ﾆｼﾄｳｷｮｳ')).to.equal('ニシトウキョウ');
    expect(normalizeKana('にしとうきょう　　たろう')).to.equal('ニシトウキョウ　タロウ');
    expect(normalizeKana('ゔぁ')).to.equal('ヴァ');
  });
  it('years: full-width digits and Japanese eras', () => {
    expect(normalizeYear('１９５０')).to.equal('1950');
    expect(normalizeYear('昭和25')).to.equal('1950');
    expect(normalizeYear('昭和２５年')).to.equal('1950');
    expect(normalizeYear('S25')).to.equal('1950');
    expect(normalizeYear('h1')).to.equal('1989');
    expect(normalizeYear('平成元')).to.equal('1989');
    expect(normalizeYear('令和2')).to.equal('2020');
  });
  it('numbers, email and free text', () => {
    expect(normalizeNumber('１２')).to.equal('12');
    expect(normalizeEmail(' ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ ')).to.equal('taro@example.jp');
    expect(normalizeText('  西東京　　太郎 ')).to.equal('西東京 太郎');
  });
  it('normalises each kind as typed answers are left (and the year of any date)', () => {
    expect(normalize('tel', 'contact.phone', '０４２ー４６４ー１３１１')).to.equal('042-464-1311');
    expect(normalize('kana', 'person.name_kana', 'にしとうきょう')).to.equal('ニシトウキョウ');
    expect(normalize('banchi', 'address.banchi', '５丁目６番地１３号')).to.equal('5-6-13');
    expect(normalize('date', 'person.birth_date.year', '昭和２５')).to.equal('1950');
    expect(normalize('date', 'person.birth_date.month', '０４')).to.equal('04');
    expect(normalize('num', 'people.count', '１２')).to.equal('12');
    expect(normalize('email', 'contact.email', ' ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).to.equal('taro@example.jp');
    expect(normalize('text', 'person.name', '  西東京　　太郎 ')).to.equal('西東京 太郎');
  });
});
