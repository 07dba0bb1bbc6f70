// The `hours` attribute read as OpenStreetMap reads it (issue #14, part 1): what residents see on
// the card, and what editors are told when a value is outside the supported subset.
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/components/contact-card/define.js';
import type {FukushiContactCard} from '../../src/components/contact-card/contact-card.js';
import {resetPage, settled, visibleText} from './lib/helpers.js';
import {consoleErrors} from '../lib/console-errors.js';

const tokyo = (iso: string) => `${iso}+09:00`;

async function desk(hours: string, now: string) {
  const el = await fixture<FukushiContactCard>(html`<fukushi-contact-card name="窓口" phone="042-000-0000" hours=${hours} .now=${tokyo(now)}></fukushi-contact-card>`);
  await settled(el);
  return el;
}
const text = (el: Element, selector: string) => visibleText(el.shadowRoot!.querySelector(selector) ?? el.shadowRoot!);


describe('<fukushi-contact-card hours> as OpenStreetMap reads it', () => {
  beforeEach(() => resetPage('ja'));
  afterEach(() => resetPage('ja'));

  it('closes the days a later rule names: "Mo-Su …; Su off" on a Sunday, "…; We 12:00-18:00" on Wednesday morning', async () => {
    // 2026-11-29 is a Sunday, 2026-11-25 a Wednesday.
    const sunday = await desk('Mo-Su 08:30-17:00; Su off', '2026-11-29T10:00:00');
    expect(sunday.status).to.equal('closed');
    expect(text(sunday, '.status')).to.equal('✕ 受付時間外（明日 8:30から）');
    expect(text(sunday, '.card')).to.contain('月〜土 8:30〜17:00');
    const alwaysButSunday = await desk('24/7; Su off', '2026-11-29T10:00:00');
    expect(alwaysButSunday.status).to.equal('closed');
    const wednesday = await desk('Mo-Fr 10:00-16:00; We 12:00-18:00', '2026-11-25T10:30:00');
    expect(text(wednesday, '.status')).to.equal('✕ 受付時間外（本日 12:00から）');
    expect(text(wednesday, '.card')).to.contain('水 12:00〜18:00');
  });

  it('keeps every closed date, says why it is closed and lists them all', async () => {
    const el = await desk('Mo-Fr 08:30-17:00; Dec 29-Jan 03 off; May 01 off', '2026-05-01T10:00:00');
    expect(el.status).to.equal('closed');
    // 2026-05-04 to 05-06 are holidays, but this desk does not close on them.
    expect(text(el, '.status')).to.equal('✕ 受付時間外（月曜 8:30から） 本日は休みです。');
    expect(text(el, '.card')).to.contain('年末年始（12月29日〜1月3日）・5月1日は休み');
  });

  it('accepts "Dec 24-26 off" and closes on those days', async () => {
    const errors = await consoleErrors(async () => {
      const el = await desk('Mo-Fr 08:30-17:00; Dec 24-26 off', '2026-12-25T10:00:00');
      expect(el.status).to.equal('closed');
      expect(text(el, '.card')).to.contain('12月24日〜12月26日は休み');
      // A value that names no opening times makes no claim about now.
      expect((await desk('Dec 24-26 off', '2026-12-25T10:00:00')).status).to.equal('unknown');
    });
    expect(errors).to.deep.equal([]);
  });

  it('stays open past midnight when the next day starts at 00:00, and says until when', async () => {
    const night = await desk('Mo 22:00-24:00; Tu 00:00-02:00', '2026-11-30T23:00:00');
    expect(text(night, '.status')).to.equal('✓ 受付中（明日 2:00まで）');
    expect(text(await desk('24/7', '2026-11-30T23:00:00'), '.status')).to.equal('✓ 受付中（24時間）');
    expect(text(await desk('Mo-Fr 08:30-24:00', '2026-11-30T23:00:00'), '.status')).to.equal('✓ 受付中（24:00まで）');
  });

  it('refuses a range past midnight, saying so and how to split it, and shows no hours', async () => {
    let el: FukushiContactCard;
    const errors = await consoleErrors(async () => {
      el = await desk('Mo-Fr 22:00-02:00', '2026-11-30T23:00:00');
    });
    expect(errors.join('\n')).to.contain('hours="Mo-Fr 22:00-02:00": rule 1 "Mo-Fr 22:00-02:00": "22:00-02:00" ends the next day (past midnight), which is not supported');
    expect(errors.join('\n')).to.contain('Mo 22:00-24:00; Tu 00:00-02:00');
    expect(el!.status).to.equal('unknown');
    expect(text(el!, '.card')).to.not.contain('受付時間');
  });
});
