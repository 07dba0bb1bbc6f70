import {expect} from '@open-wc/testing';
import {parseOpeningHours} from '../../src/core/hours/opening-hours-syntax.js';
import {openStatus} from '../../src/core/hours/status.js';
import {clock, closuresText, dateName, nextOpeningText, weeklyLines} from '../../src/core/hours/format.js';
import {hoursText, toVCard} from '../../src/core/data/vcard.js';
import {jsonLdText, toJsonLd} from '../../src/core/data/structured-data.js';
import type {Location, Organization, Provenance} from '../../src/core/data/types.js';
import {plainText} from '../../src/core/text/ruby.js';

const at = (iso: string) => new Date(`${iso}+09:00`);
const office = parseOpeningHours('Mo-Fr 08:30-17:00; PH off; Dec 29-Jan 03 off');

const verified: Provenance = {status: 'verified', sources: ['s']};
const dated: Provenance = {status: 'dated', sources: ['s']};
const unverified: Provenance = {status: 'unverified'};

function desk(): Location {
  return {
    id: 'desk-test',
    location_type: 'physical',
    organization_id: 'org',
    name: {ja: '｜地域共生課《ちいききょうせいか》', en: 'Community Inclusion Section'},
    description: {ja: '市の担当課です。'},
    email: 'fukushi@example.jp',
    url: 'https://example.jp/desk',
    latitude: 35.7,
    longitude: 139.5,
    addresses: [
      {
        id: 'a',
        address_1: '南町5-6-13',
        address_2: '田無第二庁舎1階',
        city: '西東京市',
        state_province: '東京都',
        postal_code: '188-8666',
        country: 'JP',
        address_type: 'physical',
        x_jp: verified,
      },
    ],
    phones: [
      {id: 't', number: '042-464-1311', type: 'voice', x_jp: verified},
      {id: 'f', number: '042-420-2896', type: 'fax', x_jp: verified},
      {id: 'x', number: '090-0000-0000', type: 'cell', x_jp: unverified},
    ],
    schedules: [{id: 's', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:30', closes_at: '17:00', x_jp: verified}],
    x_jp: {closures: {public_holidays: true, year_end: {from: '12-29', to: '01-03'}, x_jp: verified}, contact: verified},
  };
}
const org: Organization = {id: 'org', name: {ja: '西東京市', en: 'Nishitokyo City'}, x_jp: verified};

describe('hours in words (core/hours/format)', () => {
  it('writes clock times the way each reading mode reads them', () => {
    expect(clock(510, 'ja')).to.equal('8:30');
    expect(clock(1020, 'ja')).to.equal('17:00');
    expect(plainText(clock(510, 'ja-x-easy'))).to.equal('午前8時30分');
    expect(clock(510, 'ja-x-easy')).to.contain('30｜分《ぷん》');
    expect(clock(495, 'ja-x-easy')).to.contain('15｜分《ふん》');
    expect(plainText(clock(1020, 'ja-x-easy'))).to.equal('午後5時');
    expect(plainText(clock(720, 'ja-x-easy'))).to.equal('午後0時');
    expect(clock(510, 'en')).to.equal('8:30am');
    expect(clock(1020, 'en')).to.equal('5pm');
    expect(clock(720, 'en')).to.equal('12 noon');
    expect(clock(1440, 'en')).to.equal('midnight');
  });

  it('lists the week: 月〜金 8:30〜17:00, easy Japanese with から/まで and no 〜, English', () => {
    expect(weeklyLines(office, 'ja')).to.deep.equal(['月〜金 8:30〜17:00']);
    const easy = weeklyLines(office, 'ja-x-easy');
    expect(easy.map(plainText)).to.deep.equal(['月曜日から 金曜日 午前8時30分から 午後5時まで']);
    expect(easy[0]).to.not.contain('〜');
    expect(weeklyLines(office, 'en')).to.deep.equal(['Monday to Friday, 8:30am to 5pm']);
  });

  it('groups days with the same hours and keeps split days apart', () => {
    const rules = parseOpeningHours('Mo,We,Fr 10:00-12:00,13:00-16:00; Sa 10:00-16:00; Tu 09:00-12:00');
    expect(weeklyLines(rules, 'ja')).to.deep.equal(['月・水・金 10:00〜12:00、13:00〜16:00', '火 9:00〜12:00', '土 10:00〜16:00']);
    expect(weeklyLines(rules, 'en')[0]).to.equal('Monday, Wednesday and Friday, 10am to 12 noon and 1pm to 4pm');
    expect(weeklyLines(parseOpeningHours('24/7'), 'ja')).to.deep.equal(['毎日 24時間']);
    expect(weeklyLines(parseOpeningHours('Sa-Mo 10:00-12:00'), 'ja')).to.deep.equal(['月・土・日 10:00〜12:00']);
  });

  it('names the closures: 祝日・年末年始', () => {
    expect(closuresText(office, 'ja')).to.equal('祝日・年末年始（12月29日〜1月3日）は休み');
    expect(plainText(closuresText(office, 'ja-x-easy'))).to.equal('祝日 と 年末年始（12月29日から 1月3日まで）は 休みです。');
    expect(closuresText(office, 'ja-x-easy')).to.contain('｜3日《みっか》');
    expect(closuresText(office, 'en')).to.equal('Closed on public holidays and the New Year holidays (29 December to 3 January)');
    expect(closuresText(parseOpeningHours('Mo 10:00-11:00'), 'ja')).to.equal('');
    // Every closure is named, in the order written.
    const many = parseOpeningHours('Mo-Fr 08:30-17:00; Dec 29-Jan 03 off; May 01 off; Dec 24-26 off');
    expect(closuresText(many, 'ja')).to.equal('年末年始（12月29日〜1月3日）・5月1日・12月24日〜12月26日は休み');
    expect(closuresText(many, 'en')).to.equal('Closed on the New Year holidays (29 December to 3 January), 1 May and 24 December to 26 December');
    expect(plainText(closuresText(many, 'ja-x-easy'))).to.equal('年末年始（12月29日から 1月3日まで） と 5月1日 と 12月24日から 12月26日までは 休みです。');
    expect(dateName(5, 20, 'ja-x-easy')).to.equal('5｜月《がつ》｜20日《はつか》');
    expect(dateName(5, 21, 'ja-x-easy')).to.equal('5｜月《がつ》21｜日《にち》');
  });

  it('says when it opens next: later today, tomorrow, a weekday, a date', () => {
    const next = (iso: string) => openStatus(office, at(iso)).next!;
    expect(nextOpeningText(next('2026-11-27T07:00:00'), 'ja')).to.equal('本日 8:30');
    expect(nextOpeningText(next('2026-11-26T18:00:00'), 'ja')).to.equal('明日 8:30');
    expect(nextOpeningText(next('2026-11-27T18:00:00'), 'ja')).to.equal('月曜 8:30');
    expect(plainText(nextOpeningText(next('2026-11-27T18:00:00'), 'ja-x-easy'))).to.equal('月曜日 午前8時30分');
    expect(nextOpeningText(next('2026-11-27T18:00:00'), 'en')).to.equal('Monday at 8:30am');
    const weekly = parseOpeningHours('Tu 10:00-12:00; PH off');
    // 2026-09-22 (Tue) is a 国民の休日: the next Tuesday is a week later
    const far = openStatus(weekly, at('2026-09-22T09:00:00')).next!;
    expect(nextOpeningText(far, 'ja')).to.equal('9月29日（火） 10:00');
    expect(nextOpeningText(far, 'en')).to.equal('29 September (Tuesday) at 10am');
    // The same words say when an opening past midnight ends: 明日 2:00.
    const night = openStatus(parseOpeningHours('Mo 22:00-24:00; Tu 00:00-02:00'), at('2026-11-30T23:00:00')).closes!;
    expect(nextOpeningText(night, 'ja')).to.equal('明日 2:00');
    expect(nextOpeningText(night, 'en')).to.equal('tomorrow at 2am');
  });
});

describe('vCard (core/data/vcard)', () => {
  it('is a vCard 4.0 with the verified and dated facts, CRLF line ends and escaped values', () => {
    const location = desk();
    location.phones[1]!.x_jp = dated;
    location.addresses[0]!.address_2 = '田無第二庁舎1階, 窓口;3番';
    const card = toVCard(location, 'ja', org);
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).to.equal(true);
    expect(card.endsWith('END:VCARD\r\n')).to.equal(true);
    const unfolded = card.replace(/\r\n /g, '');
    expect(unfolded).to.contain('\r\nFN:地域共生課\r\n');
    expect(unfolded).to.contain('\r\nORG:西東京市\r\n');
    expect(unfolded).to.contain('\r\nTEL;TYPE=voice:042-464-1311\r\n');
    expect(unfolded).to.contain('\r\nTEL;TYPE=fax:042-420-2896\r\n');
    expect(unfolded).to.not.contain('090-0000-0000');
    expect(unfolded).to.contain('\r\nEMAIL:fukushi@example.jp\r\n');
    expect(unfolded).to.contain('\r\nADR:;田無第二庁舎1階\\, 窓口\\;3番;南町5-6-13;西東京市;東京都;188-8666;日本\r\n');
    expect(unfolded).to.contain('\r\nGEO:geo:35.7,139.5\r\n');
    expect(unfolded).to.contain('\r\nURL:https://example.jp/desk\r\n');
    expect(unfolded).to.contain('\r\nKIND:org\r\n');
    expect(unfolded).to.contain('\r\nNOTE:月〜金 8:30〜17:00\\n祝日・年末年始（12月29日〜1月3日）は休み\r\n');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const location = desk();
    location.name = {ja: '地域共生課'.repeat(20)};
    const card = toVCard(location, 'ja');
    for (const line of card.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(card.replace(/\r\n /g, '')).to.contain(`FN:${'地域共生課'.repeat(20)}\r\n`);
  });

  it('follows the reading mode and leaves out unverified email', () => {
    const location = desk();
    location.x_jp.contact = unverified;
    const card = toVCard(location, 'en', org);
    expect(card).to.contain('FN:Community Inclusion Section');
    expect(card).to.contain('NOTE:Monday to Friday\\, 8:30am to 5pm');
    expect(card).to.not.contain('EMAIL');
    expect(card).to.not.contain('URL:');
    expect(hoursText(location, 'ja-x-easy')[0]).to.equal('月曜日から 金曜日 午前8時30分から 午後5時まで');
  });
});

describe('structured data (core/data/structured-data)', () => {
  it('describes a GovernmentService with its ContactPoint, FAX option and hours', () => {
    const data = JSON.parse(JSON.stringify(toJsonLd(desk(), 'ja', org)));
    expect(data['@type']).to.equal('GovernmentService');
    expect(data.provider).to.deep.equal({'@type': 'Organization', name: '西東京市'});
    const point = data.availableChannel.servicePhone;
    expect(point).to.deep.include({
      '@type': 'ContactPoint',
      telephone: '+81-42-464-1311',
      faxNumber: '+81-42-420-2896',
      email: 'fukushi@example.jp',
      contactOption: ['HearingImpairedSupported'],
    });
    expect(point.hoursAvailable).to.deep.equal([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
        opens: '08:30',
        closes: '17:00',
      },
    ]);
    expect(data.availableChannel.serviceLocation.address).to.deep.include({postalCode: '188-8666', streetAddress: '南町5-6-13 田無第二庁舎1階'});
  });

  it('holds verified facts only', () => {
    const location = desk();
    location.phones[1]!.x_jp = dated;
    location.schedules[0]!.x_jp = dated;
    location.addresses[0]!.x_jp = unverified;
    const text = jsonLdText(toJsonLd(location, 'ja', org));
    expect(text).to.not.contain('042-420-2896');
    expect(text).to.not.contain('HearingImpairedSupported');
    expect(text).to.not.contain('hoursAvailable');
    expect(text).to.not.contain('南町');
    expect(text).to.contain('+81-42-464-1311');
  });

  it('escapes "<" so a name cannot end the script element', () => {
    const location = desk();
    location.name = {ja: '</script><script>alert(1)</script>'};
    const text = jsonLdText(toJsonLd(location, 'ja'));
    expect(text).to.not.contain('<');
    expect(JSON.parse(text).name).to.equal('</script><script>alert(1)</script>');
  });
});

describe('structured data under Trusted Types (writeJsonLd)', () => {
  // The policy is created once per page, so each case loads a fresh copy of the module.
  let fresh = 0;
  const freshModule = (): Promise<typeof import('../../src/core/data/structured-data.js')> =>
    import(new URL(`../../src/core/data/structured-data.ts?case=${++fresh}`, import.meta.url).href);
  const original = Object.getOwnPropertyDescriptor(globalThis, 'trustedTypes');
  const withTrustedTypes = async (value: unknown, run: () => Promise<void>) => {
    Object.defineProperty(globalThis, 'trustedTypes', {value, configurable: true, writable: true});
    try {
      await run();
    } finally {
      if (original) Object.defineProperty(globalThis, 'trustedTypes', original);
      else delete (globalThis as {trustedTypes?: unknown}).trustedTypes;
    }
  };
  const data = {'@type': 'GovernmentService', name: '</script>'};

  it('writes the JSON through one policy, "fukushi-widgets", that lets only JSON through', async () => {
    const policies: Array<{name: string; rules: {createScript: (s: string) => string}}> = [];
    const trusted: string[] = [];
    const factory = {
      createPolicy(name: string, rules: {createScript: (s: string) => string}) {
        policies.push({name, rules});
        return {createScript: (s: string) => (trusted.push(rules.createScript(s)), s)};
      },
    };
    await withTrustedTypes(factory, async () => {
      const {jsonLdText, writeJsonLd} = await freshModule();
      const host = document.createElement('div');
      writeJsonLd(host, data);
      writeJsonLd(host, {...data, name: 'changed'});
      writeJsonLd(host, {...data, name: 'changed'});
      expect(policies.map((p) => p.name)).to.deep.equal(['fukushi-widgets']);
      expect(trusted).to.deep.equal([jsonLdText(data), jsonLdText({...data, name: 'changed'})]);
      const scripts = host.querySelectorAll('script[type="application/ld+json"][data-fukushi-contact-card]');
      expect(scripts).to.have.length(1);
      expect(JSON.parse(scripts[0]!.textContent!).name).to.equal('changed');
      // anything that is not JSON is refused by the policy itself
      expect(() => policies[0]!.rules.createScript('alert(1)')).to.throw();
    });
  });

  it('writes plain text where Trusted Types are not supported', async () => {
    await withTrustedTypes(undefined, async () => {
      const {writeJsonLd} = await freshModule();
      const host = document.createElement('div');
      writeJsonLd(host, data);
      expect(JSON.parse(host.querySelector('script')!.textContent!)).to.deep.equal(data);
    });
  });

  it('writes nothing, with a console warning, when the page does not allow the policy', async () => {
    const refusing = {
      createPolicy() {
        throw new TypeError('Policy "fukushi-widgets" disallowed.');
      },
    };
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      await withTrustedTypes(refusing, async () => {
        const {writeJsonLd} = await freshModule();
        const host = document.createElement('div');
        writeJsonLd(host, data);
        writeJsonLd(host, data);
        expect(host.querySelector('script')).to.equal(null);
      });
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('trusted-types');
  });
});
