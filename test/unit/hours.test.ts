import {expect} from '@open-wc/testing';
import {rulesFromSchedules, schedulesFromRules} from '../../src/core/hours/opening-hours.js';
import {HoursSyntaxError, parseOpeningHours} from '../../src/core/hours/opening-hours-syntax.js';
import {isPublicHoliday, openStatus, tokyoTime} from '../../src/core/hours/status.js';

// Instants are written in Tokyo time (+09:00); the result must not depend on the viewer's zone.
const at = (iso: string) => new Date(`${iso}+09:00`);
const weekday = parseOpeningHours('Mo-Fr 08:30-17:00; PH off; Dec 29-Jan 03 off');

describe('opening hours', () => {
  it('parses the documented subset', () => {
    const rules = parseOpeningHours('Mo-Fr 10:00-12:00,13:00-16:00; Sa 10:00-16:00; Su off; PH off; Dec 29-Jan 03 off');
    expect(rules.periods).to.have.length(11);
    expect(rules.periods.filter((p) => p.day === 1)).to.have.length(2);
    expect(rules.periods.filter((p) => p.day === 6)).to.deep.equal([{day: 6, opens: 600, closes: 960}]);
    expect(rules.holidaysClosed).to.equal(true);
    expect(rules.closedRanges).to.deep.equal([{from: '12-29', to: '01-03'}]);
    expect(parseOpeningHours('24/7').periods).to.have.length(7);
  });

  it('reads rules in order, as OpenStreetMap does: a later rule replaces earlier ones for its days', () => {
    // Wednesday is 12:00-18:00 only; the other weekdays keep 10:00-16:00.
    const rules = parseOpeningHours('Mo-Fr 10:00-16:00; We 12:00-18:00');
    expect(rules.periods.filter((p) => p.day === 3)).to.deep.equal([{day: 3, opens: 720, closes: 1080}]);
    expect(openStatus(rules, at('2026-11-25T10:30:00')).state).to.equal('closed');
    expect(openStatus(rules, at('2026-11-26T10:30:00')).state).to.equal('open');
    // "Su off" after an every-day rule closes Sundays (2026-11-29 is a Sunday).
    expect(openStatus(parseOpeningHours('Mo-Su 08:30-17:00; Su off'), at('2026-11-29T10:00:00')).state).to.equal('closed');
    expect(openStatus(parseOpeningHours('24/7; Su off'), at('2026-11-29T10:00:00')).state).to.equal('closed');
    expect(openStatus(parseOpeningHours('24/7; Su off'), at('2026-11-28T23:00:00'))).to.deep.include({state: 'open', changesAt: at('2026-11-29T00:00:00').getTime()});
  });

  it('keeps every closed date: lists, short ranges and several rules', () => {
    const rules = parseOpeningHours('Mo-Fr 08:30-17:00; Dec 29-Jan 03 off; May 01 off; Dec 24-26,Aug 13-Aug 15 off');
    expect(rules.closedRanges).to.deep.equal([
      {from: '12-29', to: '01-03'},
      {from: '05-01', to: '05-01'},
      {from: '12-24', to: '12-26'},
      {from: '08-13', to: '08-15'},
    ]);
    // 2026-05-01 and 2026-12-24 are weekdays: closed, and the card can say why.
    expect(openStatus(rules, at('2026-05-01T10:00:00'))).to.deep.include({state: 'closed', reason: 'closed-date'});
    expect(openStatus(rules, at('2026-12-24T10:00:00')).next!.time).to.deep.include({month: 12, date: 28});
    expect(openStatus(rules, at('2026-08-14T10:00:00')).state).to.equal('closed');
    expect(parseOpeningHours('Dec 24-26 off').closedRanges).to.deep.equal([{from: '12-24', to: '12-26'}]);
  });

  it('explains what is outside the subset with the rule, what is wrong and what to write', () => {
    const cases: Array<[string, RegExp]> = [
      ['Mon-Fri 08:30-17:00', /^rule 1 "Mon-Fri 08:30-17:00": "Mon-Fri" is not a day/],
      ['Mo-Fr 8:30-5pm', /not a time range/],
      ['Mo-Fr 17:00-08:30', /^rule 1 .*"17:00-08:30" ends the next day \(past midnight\), which is not supported/],
      ['Feb 30-Mar 01 off; Mo 09:00-10:00', /does not exist/],
      ['Mo-Fr 08:30-17:00; PH off; Sa 10:00-12:00', /^rule 3 .*comes after the closure "PH off"/],
      ['Mo-Fr 08:30-17:00; 10:00-12:00', /^rule 2 .*times without days/],
      ['', /empty/],
      ['open weekdays', /not a day/],
    ];
    for (const [input, message] of cases) {
      let error: unknown;
      try {
        parseOpeningHours(input);
      } catch (e) {
        error = e;
      }
      expect(error, input).to.be.instanceOf(HoursSyntaxError);
      expect((error as HoursSyntaxError).message, input).to.match(message);
      expect((error as HoursSyntaxError).fix, input).to.not.equal('');
    }
  });

  it('is open in office hours and says when it closes', () => {
    const s = openStatus(weekday, at('2026-11-27T10:00:00'));
    expect(s.state).to.equal('open');
    expect(s.closes).to.deep.include({daysAhead: 0, at: at('2026-11-27T17:00:00').getTime()});
    expect(s.closes!.time.minutes).to.equal(17 * 60);
  });

  it('follows periods that touch or overlap, and past midnight into the next day', () => {
    const lunch = openStatus(parseOpeningHours('Mo 08:00-12:00,10:00-14:00,14:00-15:00'), at('2026-11-30T09:00:00'));
    expect(lunch.closes!.time.minutes).to.equal(15 * 60);
    // Split at midnight as the error message advises: open on Monday night until 2:00 on Tuesday.
    const night = openStatus(parseOpeningHours('Mo 22:00-24:00; Tu 00:00-02:00'), at('2026-11-30T23:00:00'));
    expect(night.closes).to.deep.include({daysAhead: 1, at: at('2026-12-01T02:00:00').getTime()});
    expect(night.closes!.time).to.deep.include({date: 1, minutes: 120});
    // Closing at midnight is 24:00 today, not 0:00 tomorrow.
    const late = openStatus(parseOpeningHours('Mo-Fr 08:30-24:00'), at('2026-11-27T23:00:00'));
    expect(late.closes).to.deep.include({daysAhead: 0});
    expect(late.closes!.time.minutes).to.equal(1440);
    // Always open: no closing time within the horizon.
    expect(openStatus(parseOpeningHours('24/7'), at('2026-11-27T23:00:00'))).to.deep.equal({state: 'open'});
  });

  it('one minute before opening is closed, opening in one minute', () => {
    const s = openStatus(weekday, at('2026-11-27T08:29:00'));
    expect(s.state).to.equal('closed');
    expect(s.next!.daysAhead).to.equal(0);
    expect(s.next!.time.minutes).to.equal(8 * 60 + 30);
    expect(s.changesAt! - at('2026-11-27T08:29:00').getTime()).to.equal(60_000);
    expect(openStatus(weekday, at('2026-11-27T08:30:00')).state).to.equal('open');
    expect(openStatus(weekday, at('2026-11-27T16:59:00')).state).to.equal('open');
    expect(openStatus(weekday, at('2026-11-27T17:00:00')).state).to.equal('closed');
  });

  it('uses Tokyo time whatever the instant is written in', () => {
    // 2026-11-27 00:30 UTC is 09:30 on Friday in Tokyo (and still Thursday in New York)
    const instant = new Date('2026-11-27T00:30:00Z');
    expect(tokyoTime(instant)).to.deep.include({weekday: 5, minutes: 9 * 60 + 30});
    expect(openStatus(weekday, instant).state).to.equal('open');
    // 08:00 UTC on a Friday is 17:00 in Tokyo: closed, next opening Monday
    const evening = openStatus(weekday, new Date('2026-11-27T08:00:00Z'));
    expect(evening.state).to.equal('closed');
    expect(evening.next!.time.weekday).to.equal(1);
  });

  it('is closed on public holidays and opens the next working day', () => {
    // 2026-11-23 (Mon) is 勤労感謝の日
    const s = openStatus(weekday, at('2026-11-23T10:00:00'));
    expect(s).to.deep.include({state: 'closed', reason: 'holiday'});
    expect(s.next!.time).to.deep.include({month: 11, date: 24, minutes: 510});
  });

  it('knows substitute holidays and 国民の休日', () => {
    // 2026-05-06 (Wed) is a substitute holiday; 2026-09-22 (Tue) is a 国民の休日
    expect(isPublicHoliday(tokyoTime(at('2026-05-06T12:00:00')))).to.equal(true);
    expect(isPublicHoliday(tokyoTime(at('2026-09-22T12:00:00')))).to.equal(true);
    expect(openStatus(weekday, at('2026-05-06T10:00:00')).state).to.equal('closed');
    const golden = openStatus(weekday, at('2026-05-01T18:00:00'));
    expect(golden.next!.time).to.deep.include({month: 5, date: 7});
  });

  it('is closed over the New Year (年末年始) and opens on 4 January', () => {
    const s = openStatus(weekday, at('2026-12-29T10:00:00'));
    expect(s).to.deep.include({state: 'closed', reason: 'year-end'});
    expect(s.next!.time).to.deep.include({year: 2027, month: 1, date: 4, minutes: 510});
    expect(openStatus(weekday, at('2026-12-28T16:00:00')).state).to.equal('open');
  });

  it('is unknown without hours, and beyond the holiday table', () => {
    expect(openStatus(null, new Date()).state).to.equal('unknown');
    expect(openStatus(weekday, at('2051-06-01T10:00:00')).state).to.equal('unknown');
  });

  it('reads dataset schedules and ignores unverified ones', () => {
    const verified = {status: 'verified' as const, sources: ['s']};
    const rules = rulesFromSchedules(
      [
        {id: 'a', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '14:00', closes_at: '20:00', x_jp: verified},
        {id: 'b', freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '16:00', x_jp: {status: 'unverified'}},
      ],
      {public_holidays: true, year_end: {from: '12-29', to: '01-03'}, x_jp: verified},
    );
    expect(rules!.periods).to.have.length(5);
    expect(openStatus(rules, at('2026-11-28T11:00:00')).state).to.equal('closed');
    expect(rulesFromSchedules([{id: 'x', freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '10:00', x_jp: {status: 'unverified'}}])).to.equal(null);
  });

  it('carries every closed date through dataset schedules', () => {
    const verified = {status: 'verified' as const, sources: ['s']};
    const rules = parseOpeningHours('Mo-Fr 08:30-17:00; PH off; May 01 off; Dec 29-Jan 03 off; Dec 24-26 off');
    const {schedules, closures} = schedulesFromRules(rules, 'desk', verified);
    expect(closures.year_end).to.deep.equal({from: '12-29', to: '01-03'});
    expect(closures.dates).to.deep.equal([{from: '05-01', to: '05-01'}, {from: '12-24', to: '12-26'}]);
    const back = rulesFromSchedules(schedules, closures)!;
    for (const iso of ['2026-05-01T10:00:00', '2026-12-25T10:00:00', '2026-12-30T10:00:00', '2026-12-28T10:00:00']) {
      expect(openStatus(back, at(iso)), iso).to.deep.equal(openStatus(rules, at(iso)));
    }
  });
});
