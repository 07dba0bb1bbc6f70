import {html, nothing, type PropertyDeclarations, type PropertyValues} from 'lit';
import {msg} from '@lit/localize';
import {FukushiElement} from '../../ui/base-element.js';
import {datasetController} from '../../ui/data-controller.js';
import {Announcer} from '../../ui/announcer.js';
import {debugMode, fallbackContact, loadErrorNotice, renderContact} from '../../ui/fallback.js';
import {headingLevel} from '../../ui/heading.js';
import {phoneLink} from '../../ui/phone.js';
import {reportOnce} from '../../ui/report.js';
import {noticeStyles} from '../../ui/styles.js';
import {spokenDigits} from '../../core/data/phone.js';
import type {Location, Organization, Provenance, Text} from '../../core/data/types.js';
import type {OpeningRules} from '../../core/hours/opening-hours.js';
import type {HoursSyntaxError} from '../../core/hours/opening-hours-syntax.js';
import type {OpenStatus} from '../../core/hours/status.js';
import {lazy, LazyController} from '../../ui/lazy.js';
import {plainText} from '../../core/text/ruby.js';
import {styles} from './contact-card.styles.js';

type Fact = {x_jp: Provenance} | undefined;

/** Unverified facts are never shown (nor saved, nor published). */
const usable = (fact: Fact) => !!fact && fact.x_jp.status !== 'unverified';

/** Editors' mistakes, in the console once per page. */
const report = (message: string) => reportOnce(`fukushi-contact-card: ${message}`);

/** The opening-hours code, loaded as the first card connects. */
const hoursCode = lazy(() => import('./hours.js'));
type HoursCode = typeof import('./hours.js');

/** The status is checked again at least this often, and at each Tokyo midnight. */
const MAX_WAIT = 3600000;

/**
 * One consultation desk, ready to call, write or visit: phone (tel: link, copy button), FAX for
 * Deaf residents, email, address with a map link and directions, opening hours with an
 * "open now" line in Tokyo time, a vCard download and optional schema.org structured data.
 *
 * A desk comes from the dataset (`desk="desk-chiiki-kyosei"`), or from a partner's own attributes
 * (`name`, `phone`, `fax`, `email`, `address`, `url`, `hours`: then no dataset is loaded).
 * With neither, the card shows the city hall's main desk.
 *
 * The vCard is built when a resident presses the download button, and the structured data only
 * when `structured-data` is set: both load their code on demand.
 *
 * @tagname fukushi-contact-card
 * @summary A consultation desk's phone, FAX, email, address and opening hours, with an "open now" status.
 *
 * @slot - Fallback content (for example the desk's name and phone number in plain HTML). Shown before the script loads, while the data loads and when it fails; hidden once the card renders.
 *
 * @csspart card - The card's frame.
 * @csspart name - The desk name (a heading of `heading-level`).
 * @csspart status - The "open now" line.
 * @csspart phone - Each phone link.
 * @csspart fax - The FAX number.
 * @csspart copy-button - The button that copies the phone number.
 * @csspart vcard-button - The button that saves the desk to the phone's contacts (downloads a vCard). Also named `vcard-link`, its first name, for pages that style it so.
 * @csspart details - The disclosure with the full details in compact mode.
 * @csspart error - The notice shown when the dataset cannot be loaded.
 *
 * @cssprop [--fukushi-contact-card-max-width=44em] - The card's maximum width.
 * @cssprop [--fukushi-color-border=#767676] - Colour of the card's border.
 * @cssprop [--fukushi-color-success=#1a7a49] - Colour of the "open" status.
 * @cssprop [--fukushi-color-success-bg=#e9f6ee] - Background of the "open" status.
 * @cssprop [--fukushi-color-surface=#f3f5f9] - Background of the "closed" status.
 * @cssprop [--fukushi-color-notice-bg=#fff5cc] - Background of the 「要確認」 badge.
 *
 * @fires {CustomEvent<{status: 'open' | 'closed' | 'unknown'}>} fukushi-status-change - When the `status` attribute changes, and once on the first render.
 * @fires {CustomEvent<{number: string; copied: boolean}>} fukushi-copy - When the copy button is used; `copied` is false when the clipboard was unavailable and the number was selected instead.
 */
export class FukushiContactCard extends FukushiElement {
  static override styles = [...(FukushiElement.styles as never[]), noticeStyles, styles];

  static override properties: PropertyDeclarations = {
    desk: {},
    src: {},
    name: {},
    phone: {},
    fax: {},
    email: {},
    address: {},
    url: {},
    hours: {},
    compact: {type: Boolean, reflect: true},
    headingLevel: {attribute: 'heading-level', type: Number},
    structuredData: {attribute: 'structured-data', type: Boolean},
    now: {attribute: false},
    status: {reflect: true},
  };

  /** The id of a desk (a location) in the dataset, e.g. `desk-chiiki-kyosei`. */
  declare desk?: string;

  /** A dataset URL (a partner's JSON); without it the page's `<meta name="fukushi-widgets:src">`, else the built-in Nishitokyo dataset. */
  declare src?: string;

  /** A partner's own desk: its name (with `phone`, and no `desk`, no dataset is loaded). */
  declare name?: string;

  /** A partner's own desk: its phone number, as printed (042-464-1311). */
  declare phone?: string;

  /** A partner's own desk: its FAX number. */
  declare fax?: string;

  /** A partner's own desk: its email address. */
  declare email?: string;

  /** A partner's own desk: its address, as printed (〒188-8666 東京都西東京市南町5-6-13). */
  declare address?: string;

  /** A partner's own desk: its web page (https). */
  declare url?: string;

  /**
   * A partner's own desk: its opening hours in a subset of OpenStreetMap opening_hours syntax that
   * means what it means in OSM, e.g. `Mo-Fr 08:30-17:00; PH off; Dec 29-Jan 03 off` (docs/opening-hours.md).
   * A value outside the subset is reported in the console with the rule and the fix, and no hours are shown.
   */
  declare hours?: string;

  /** A smaller card (name, phone, FAX, status) with the rest in a disclosure, for use inside other widgets. */
  compact = false;

  /** The level of the desk name heading, 2–6. */
  headingLevel = 3;

  /**
   * Writes schema.org JSON-LD for the desk into the light DOM (verified facts only). Its code loads
   * on demand; `updateComplete` waits for it. On a page with Trusted Types it is written through
   * the policy `fukushi-widgets`, and skipped (with a console warning) if the page does not allow it.
   */
  structuredData = false;

  /**
   * For tests and stories only: the card shows the status at this instant (an ISO string such as
   * `2026-11-27T10:00:00+09:00`, a Date or epoch milliseconds) and stops following the clock.
   */
  declare now?: Date | string | number;

  /** Read only: `open`, `closed` or `unknown` (no hours), kept up to date while the page is open. */
  status: 'open' | 'closed' | 'unknown' = 'unknown';

  /** What the copy button did (announcing it re-renders the card). */
  private copied = '';

  private loader?: ReturnType<typeof datasetController>;
  private readonly announcer = new Announcer(this);
  /** The card shows a desk once this code is there (it loads in parallel with the data). */
  private readonly hoursCode = new LazyController(this, hoursCode);
  /** The desk to show: undefined while loading or failed, null when `desk` is not in the dataset. */
  private location?: Location | null;
  private organization?: Organization;
  private rules: OpeningRules | null = null;
  private openNow: OpenStatus = {state: 'unknown'};
  private hoursError?: HoursSyntaxError;
  /** The `hours` syntax: its code loads only when the card has `hours` (dataset desks never need it). */
  private hoursSyntax?: typeof import('../../core/hours/opening-hours-syntax.js') | Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  /** The structured data being written (its module loads on demand). */
  private jsonLd?: Promise<void>;

  /** Resolves when the dataset has loaded or failed (for a partner's own desk: at once, or once the code that reads `hours` has loaded). */
  get ready(): Promise<void> {
    // The dataset controller is created by the first update, so wait for that first.
    return this.updateComplete.then(async () => {
      await this.hoursCode.ready;
      await this.hoursSyntax;
      await this.loader?.ready;
      await this.updateComplete;
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    clearTimeout(this.timer);
  }

  /** Also waits for the structured data, when it is being written. */
  protected override async getUpdateComplete() {
    const done = await super.getUpdateComplete();
    await this.jsonLd;
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    this.hoursError = undefined;
    this.location = undefined;
    this.organization = undefined;
    if (!this.desk && (this.name || this.phone)) {
      this.location = this.ownDesk();
    } else {
      // Created only when needed, so a partner's own desk never fetches the dataset.
      this.loader ??= datasetController(this);
      const data = this.loader.data;
      const id = this.desk || data?.fallback_contact.location_id;
      if (data) {
        this.location = data.locations.find((l) => l.id === id) ?? null;
        this.organization = data.organizations.find((o) => o.id === this.location?.organization_id);
        if (!this.location) {
          report(`desk="${id}" is not in the dataset ${this.src ?? '(built-in)'}. Valid ids: ${data.locations.map((l) => l.id).join(', ')}`);
        }
      }
    }
    const hours = this.hoursCode.module;
    const location = this.location;
    this.rules = location && hours ? hours.rulesFromSchedules(location.schedules, location.x_jp.closures) : null;
    this.openNow = hours ? hours.openStatus(this.rules, this.now === undefined ? Date.now() : new Date(this.now)) : {state: 'unknown'};
    this.status = this.openNow.state;
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    if (changed.has('status')) this.emit('fukushi-status-change', {status: this.status});
    clearTimeout(this.timer);
    const hours = this.hoursCode.module;
    if (this.rules && hours && this.now === undefined) {
      const now = Date.now();
      const wait = Math.min((this.openNow.changesAt ?? Infinity) - now, hours.msToTokyoMidnight(now), MAX_WAIT);
      this.timer = setTimeout(() => this.requestUpdate(), Math.max(wait, 1000));
    }
    if (this.structuredData && this.location) {
      // Written for the card as it is when the module has loaded.
      this.jsonLd = import('../../core/data/structured-data.js')
        .then(({toJsonLd, writeJsonLd}) => {
          if (this.structuredData && this.location) writeJsonLd(this, toJsonLd(this.location, this.reading.locale, this.organization));
        })
        .catch((error: unknown) => console.warn('fukushi-contact-card: the structured data (JSON-LD) could not be written.', error));
    } else {
      this.jsonLd = undefined;
      this.querySelector(':scope > script[data-fukushi-contact-card]')?.remove();
    }
  }

  override render() {
    const {lang, easy, furigana} = this.reading;
    const location = this.location;
    const error = this.loader?.error;
    // The light-DOM fallback (the slot) shows while loading and whenever the card cannot show the desk.
    const hours = this.hoursCode.module;
    const body = location && hours
      ? this.card(location, hours)
      : error
        ? loadErrorNotice(error, this.fallback, lang, (s) => this.renderText(s), () => this.loader!.retry())
        : location === null
          ? // An unknown desk id is the editor's mistake (reported in the console): residents get the dataset's fallback number.
            html`<div class="card" part="card">${renderContact(this.fallback, lang, (s) => this.renderText(s))}<slot></slot>${this.debug(`desk="${this.desk}" is not in the dataset.`)}</div>`
          : html`<p>${this.renderText(msg('読み込んでいます…'))}</p><slot></slot>`;
    return html`${this.compact ? nothing : html`<fukushi-reading-controls></fukushi-reading-controls>`}
      <div lang=${lang} class="${easy ? 'easy' : ''} ${furigana ? 'furigana-on' : ''}">${body}</div>${this.announcer.render()}`;
  }

  /** A partner's desk from attributes: their facts, shown as given. */
  private ownDesk(): Location {
    const given = {status: 'verified'} as const;
    let hours: Partial<ReturnType<typeof import('./hours.js').schedulesFromRules>> = {};
    const code = this.hoursCode.module;
    const syntax = this.hours
      ? (this.hoursSyntax ??= import('../../core/hours/opening-hours-syntax.js').then(
          (module) => {
            this.hoursSyntax = module;
            this.requestUpdate();
          },
          () => report('the code that reads `hours` could not be loaded, so no hours are shown.'),
        ))
      : undefined;
    if (syntax && !(syntax instanceof Promise) && code) {
      try {
        hours = code.schedulesFromRules(syntax.parseOpeningHours(this.hours!), 'own', given);
      } catch (error) {
        if (!(error instanceof syntax.HoursSyntaxError)) throw error;
        this.hoursError = error;
        report(`hours="${this.hours}": ${error.message}; ${error.fix}. No hours are shown until it is fixed.`);
      }
    }
    const text = (value = '') => ({ja: value, 'ja-x-easy': value, en: value});
    const phone = (number: string | undefined, type: 'voice' | 'fax') => (number ? [{id: type, number, type, x_jp: given}] : []);
    return {
      id: 'contact',
      location_type: 'physical',
      organization_id: '',
      name: text(this.name),
      email: this.email,
      // Only web links: an editor's pasted javascript: URL must not become a link.
      url: /^https?:\/\//i.test(this.url ?? '') ? this.url : undefined,
      addresses: this.address
        ? [{id: '', address_1: this.address, city: '', state_province: '', postal_code: '', country: 'JP', address_type: 'physical', x_jp: given}]
        : [],
      phones: [...phone(this.phone, 'voice'), ...phone(this.fax, 'fax')],
      schedules: hours.schedules ?? [],
      x_jp: {closures: hours.closures, contact: given},
    };
  }

  /** 要確認 when any of `facts` is dated. */
  private dated(...facts: Fact[]) {
    return facts.some((f) => f?.x_jp.status === 'dated') ? html`<span class="dated">${this.renderText(msg('要確認'))}</span>` : nothing;
  }

  /** Who to phone when this card cannot show a desk's number: its dataset's own fallback contact. */
  private get fallback() {
    return this.loader ? fallbackContact(this.loader, this.reading.locale) : undefined;
  }

  private debug(text: string) {
    return debugMode() ? html`<p class="debug" lang="en">fukushi-debug: ${text}</p>` : nothing;
  }

  /** The open-now line (ui/open-status.ts, shared with the finder's results), with its 要確認 badge. */
  private statusLine(hours: HoursCode) {
    return hours.openStatusLine(this.openNow, this.reading.locale, (notation) => this.renderText(notation), this.hoursDated());
  }

  /** 要確認 for the hours when a schedule or the closures they use are dated. */
  private hoursDated() {
    return this.dated(...this.location!.schedules, this.location!.x_jp.closures);
  }

  /** A row of the details list, left out when it has no content. */
  private row(label: string, content: unknown, className = '') {
    return content ? html`<div class="row ${className}"><dt>${this.renderText(label)}</dt><dd>${content}</dd></div>` : nothing;
  }

  /** A secondary button in a row of actions, with what it says after it. */
  private action(part: string, label: string, press: () => void, after: unknown = nothing) {
    return html`<p class="actions"><button type="button" class="button secondary" part=${part} @click=${press}
        ><span>${this.renderText(label)}</span></button
      >${after}</p>`;
  }

  private card(location: Location, hours: HoursCode) {
    const {closuresText, weeklyLines} = hours;
    const {lang, locale} = this.reading;
    const compact = this.compact;
    const phones = location.phones.filter(usable);
    const voice = phones.filter((p) => p.type !== 'fax');
    const faxes = phones.filter((p) => p.type === 'fax');
    const address = location.addresses.find(usable);
    const contact = location.x_jp.contact && {x_jp: location.x_jp.contact};
    const showContact = location.x_jp.contact?.status !== 'unverified';
    const rules = this.rules;
    const level = headingLevel(this.headingLevel, 3, 2);
    const hint = (t: Text | undefined) => (t ? html`<span class="hint">${this.renderDataText(t)}</span>` : nothing);
    const closed = rules?.periods.length ? closuresText(rules, locale) : '';

    // A plain https link, no embedded map: Google Maps search opens the phone's map app and
    // finds every address (most desks have no coordinates); coordinates win when known.
    const place = `${address?.state_province}${address?.city}${address?.address_1}`;
    const query = location.latitude !== undefined && location.longitude !== undefined ? `${location.latitude},${location.longitude}` : place;
    const details = html`${this.row(
      msg('メール'),
      location.email && showContact && html`<a href="mailto:${location.email}">${location.email}</a>${this.dated(contact)}`,
    )}${this.row(
      msg('住所'),
      address &&
        html`<p><span lang="ja">${address.postal_code ? `〒${address.postal_code} ` : ''}${this.renderText(
            address.x_jp.ruby ?? `${place} ${address.address_2 ?? ''}`,
          )}</span>${this.dated(address)}</p><p class="map"><a href=${`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`}
            >${this.renderText(msg('地図を開く（Google マップ）'))}</a></p>`,
    )}${this.row(msg('行き方'), location.transportation && this.renderDataText(location.transportation))}${this.row(
      msg('受付時間'),
      rules?.periods.length
        ? html`<ul>${weeklyLines(rules, locale).map((line) => html`<li>${this.renderText(line)}</li>`)}</ul>${closed
              ? html`<p>${this.renderText(closed)}</p>`
              : nothing}${this.hoursDated()}`
        : location.hours_note && html`<p>${this.renderDataText(location.hours_note)}</p>${this.hoursDated()}`,
    )}${this.row(
      msg('ホームページ'),
      location.url && showContact && html`<a href=${location.url}>${this.renderText(msg('ホームページを開く'))}</a>${this.dated(contact)}`,
    )}`;
    const anyDated = this.dated(...phones, address, contact, location.x_jp.closures, ...location.schedules);
    const extras = html`${anyDated === nothing
      ? nothing
      : html`<p class="note hint">${anyDated}${this.renderText(msg('古い資料による情報です。変わっていることがあります。'))}</p>`}${this.action(
      'vcard-button vcard-link',
      msg('連絡先に保存（vCard）'),
      () => this.handleDownload(location),
    )}`;

    return html`<div class="card" part="card">
      <div class="title" role="heading" aria-level=${level} part="name">${this.renderDataText(location.name)}</div>
      ${this.statusLine(hours)}${compact || !location.description ? nothing : html`<p>${this.renderDataText(location.description)}</p>`}
      <dl>
        ${this.row(
          msg('電話'),
          // No usable phone: "ask the city" with its main number.
          voice.length
            ? html`${voice.map((p) => html`<p>${phoneLink(p.number, lang)}${this.dated(p)} ${hint(p.description)}</p>`)}${compact
                ? nothing
                : this.action(
                    'copy-button',
                    msg('番号をコピー'),
                    () => this.handleCopy(voice[0]!.number),
                    this.copied ? html`<span>${this.renderText(this.copied)}</span>` : nothing,
                  )}`
            : renderContact(this.fallback, lang, (s) => this.renderText(s)),
        )}${this.row(
          // FAX is the channel for Deaf residents: prominent, read digit by digit, but not a tel: link.
          msg('FAX（ファクス）'),
          faxes.length &&
            html`${faxes.map(
                (p) =>
                  html`<p><span class="phone" part="fax"><span aria-hidden="true">${p.number}</span><span class="visually-hidden"
                          >${spokenDigits(p.number, lang)}</span></span>${this.dated(p)}</p>`,
              )}<p class="hint">${this.renderText(msg('耳が聞こえない・聞こえにくい方は、FAXで相談できます。'))}</p>`,
          'fax',
        )}${compact ? nothing : details}
      </dl>
      ${compact
        ? html`<details part="details"><summary>${this.renderText(msg('くわしい情報'))}</summary><dl>${details}</dl>${extras}</details>`
        : extras}${this.hoursError ? this.debug(`hours="${this.hours}": ${this.hoursError.message}; ${this.hoursError.fix}`) : nothing}
    </div>`;
  }


  private async handleCopy(number: string) {
    let copied = false;
    try {
      await navigator.clipboard.writeText(number);
      copied = true;
    } catch {
      // No Clipboard API (http pages, old browsers) or no permission: select the number instead.
      const digits = this.renderRoot.querySelector('.phone [aria-hidden]');
      if (digits) getSelection()?.selectAllChildren(digits);
    }
    this.copied = this.say(copied ? msg('コピーしました') : msg('番号を選びました。コピーしてください。'));
    this.emit('fukushi-copy', {number, copied});
  }

  /** Builds the vCard (its code loads now) and downloads it through a temporary link. */
  private async handleDownload(location: Location) {
    try {
      const {toVCard} = await import('../../core/data/vcard.js');
      const url = URL.createObjectURL(new Blob([toVCard(location, this.reading.locale, this.organization)], {type: 'text/vcard;charset=utf-8'}));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${location.id}.vcf`;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      // Long enough for every browser to have started the download.
      setTimeout(() => URL.revokeObjectURL(url), 40000);
      this.say(msg('連絡先のファイル（vCard）をダウンロードしました。'));
    } catch {
      // The module could not load (offline): the resident hears it and can press again.
      this.say(msg('情報を読み込めませんでした。'));
    }
  }

  /** The status is checked again when the page becomes visible (timers sleep in a hidden tab). */
  private readonly handleVisibilityChange = () => {
    if (!document.hidden) this.requestUpdate();
  };

  /** Announces `text` politely and returns it for display. */
  private say(text: string) {
    this.announcer.announce(plainText(text));
    return text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fukushi-contact-card': FukushiContactCard;
  }
  interface HTMLElementEventMap {
    'fukushi-status-change': CustomEvent<{status: 'open' | 'closed' | 'unknown'}>;
    'fukushi-copy': CustomEvent<{number: string; copied: boolean}>;
  }
}
