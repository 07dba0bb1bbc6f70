/**
 * What the finder needs to show results, but not to start: its search index and the rendering
 * of each result with its desk's open-now line. It loads as the finder connects, in parallel
 * with the data (ui/lazy.ts), so the finder's start-up script stays small, and searching works
 * offline once the finder has shown.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {guard} from 'lit/directives/guard.js';
import type {Dataset, Location, Provenance, Service, TaxonomyTerm, Text} from '../../core/data/types.js';
import {spokenDigits} from '../../core/data/phone.js';
import {bracketedReadings, plainText} from '../../core/text/ruby.js';
import {rulesFromSchedules, type OpeningRules} from '../../core/hours/opening-hours.js';
import {openStatus} from '../../core/hours/status.js';
import type {Locale} from '../../core/prefs/prefs.js';
import {renderContact, type Contact} from '../../ui/fallback.js';
import {heading} from '../../ui/heading.js';
import {openStatusLine} from '../../ui/open-status.js';
import {phoneLink} from '../../ui/phone.js';

export {indexFor, indexWhenIdle, worthSearching, type Ranking} from '../../core/search/service-index.js';
export {msToTokyoMidnight} from '../../core/hours/status.js';
export {styles} from './results.styles.js';

/** What a result needs from its finder. */
export interface ResultContext {
  /**
   * All else a result's rendering depends on (the reading mode, the heading level, the open-now
   * epoch…): with the same key, the same service and the same open state, a result drawn before
   * is left as it is.
   */
  key: string;
  data: Dataset;
  /** The finder's dataset URL: its contact cards look their desks up there. */
  src: string | undefined;
  /** The heading level of a result (its desk is one below). */
  level: number;
  lang: 'ja' | 'en';
  locale: Locale;
  /** Whom to phone when a desk has no usable number: the dataset's own fallback. */
  fallback: Contact | undefined;
  terms: ReadonlyMap<string, TaxonomyTerm>;
  /** Ids of the opened results. */
  open: ReadonlySet<string>;
  /** Renders ruby notation, and a dataset text, as the reader chose. */
  text: (notation: string) => unknown;
  dataText: (text: Text | undefined) => unknown;
  /** Opens or closes a result. */
  toggle: (id: string) => void;
  /** Told when a shown desk's open-now line next changes, to render it again then. */
  changesAt: (at: number) => void;
}

/** A dataset's terms of one taxonomy (needs, audiences), in its order. */
export const termsOf = (data: Dataset, taxonomy: TaxonomyTerm['taxonomy_id']) => data.taxonomy_terms.filter((t) => t.taxonomy_id === taxonomy);

/** What the filter panel needs from its finder. */
export interface FilterContext {
  data: Dataset;
  /** The filters set now: need and audience term ids, a town id and a goal id ('' for none). */
  chosen: {need: string[]; audience: string[]; area: string; goal: string};
  /** How many filters are set (each checkbox counts). */
  active: number;
  /** The resident opened the panel. */
  open: boolean;
  furigana: boolean;
  text: (notation: string) => unknown;
  dataText: (text: Text | undefined) => unknown;
  /** A dataset text in the reader's mode, as plain notation. */
  plain: (text: Text) => string;
  onTerm: (kind: 'need' | 'audience', id: string, on: boolean) => void;
  onSelect: (key: 'area' | 'goal', value: string) => void;
  onToggle: (event: Event) => void;
  clearButton: () => TemplateResult;
}

/**
 * The filter panel: needs and audiences as checkboxes, the town and the plan goal as selects.
 * Opened by the resident or by a filter set from outside (attributes, the URL), it stays open
 * when the last filter is unchecked: closing it would take the focus away from that checkbox.
 */
// The selects filter results in place (focus stays on them); they do not navigate, which is
// what the lit-a11y rule guards against, so @change is right here.
/* eslint-disable lit-a11y/no-invalid-change-handler */
export function filterPanel(f: FilterContext): TemplateResult {
  const {data, chosen, active} = f;
  const checks = (kind: 'need' | 'audience', legend: string) => html`<fieldset>
    <legend>${f.text(legend)}</legend>
    <div class="checks">
      ${termsOf(data, kind).map(
        (term) => html`<label class="check">
          <input type="checkbox" .checked=${chosen[kind].includes(term.id)} @change=${(e: Event) => f.onTerm(kind, term.id, (e.target as HTMLInputElement).checked)} />
          <span>${f.dataText(term.name)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
  const select = (key: 'area' | 'goal', legend: string, label: string, options: Array<[string, string]>, autocomplete = 'off') => html`<fieldset>
    <legend>${f.text(legend)}</legend>
    <label class="select-label" for=${key}>${f.text(label)}</label>
    <select id=${key} autocomplete=${autocomplete} @change=${(e: Event) => f.onSelect(key, (e.target as HTMLSelectElement).value)}>
      ${[['', msg('選ばない')] as [string, string], ...options].map(([value, text]) => html`<option value=${value} ?selected=${chosen[key] === value}>${text}</option>`)}
    </select>
  </fieldset>`;
  // An <option> cannot hold ruby: with furigana, readings go in brackets, 谷戸町（やとちょう）.
  const name = (text: Text) => (f.furigana ? bracketedReadings : plainText)(f.plain(text));
  const goals = data.plan?.goals ?? [];
  return html`<details class="filters" part="filters" ?open=${f.open || active > 0} @toggle=${f.onToggle}>
    <summary>${f.text(msg('条件でしぼりこむ'))}${active ? html` <span class="badge">${msg(str`${active}件の条件`)}</span>` : nothing}</summary>
    <div class="filter-grid">
      ${checks('need', msg('困っていること'))} ${checks('audience', msg('だれのためのサービスか'))}
      ${select('area', msg('お住まいの町'), msg('町の名前'), data.towns.map((t) => [t.id, name(t.name)]), 'address-level3')}
      ${goals.length ? select('goal', msg('計画の基本目標'), msg('基本目標'), goals.map((g) => [g.id, `${g.number}. ${name(g.title)}`])) : nothing}
    </div>
    ${active ? f.clearButton() : nothing}
  </details>`;
}
/* eslint-enable lit-a11y/no-invalid-change-handler */

/** Unverified facts are never shown. */
const usable = (fact: {x_jp: Provenance}) => fact.x_jp.status !== 'unverified';

/** Each dataset's desks by id, and each desk's opening rules, worked out once. */
const desksOf = new WeakMap<Dataset, Map<string, Location>>();
const rulesOf = new WeakMap<Location, OpeningRules | null>();

/** A desk's contact card (it keeps its heading level within 2–6 itself). */
export function contactCard(src: string | undefined, desk: string, level: number, compact: boolean): TemplateResult {
  // The card looks its desk up in the finder's own dataset, never in another.
  return html`<fukushi-contact-card src=${src ?? nothing} desk=${desk} ?compact=${compact} heading-level=${level}></fukushi-contact-card>`;
}

/** A list of results; those the list showed before, and the same way, are not rendered again. */
export function resultList(c: ResultContext, services: Service[], part: string): TemplateResult {
  return html`<ul class="results" part=${part}>${services.map((service) => guard([service, c.data, c.key, c.open.has(service.id)], () => resultItem(c, service)))}</ul>`;
}

/** One result: its name (the button that opens it), description, audience and desk; opened, its details and full contact cards. */
function resultItem(c: ResultContext, service: Service): TemplateResult {
  const open = c.open.has(service.id);
  const detailsId = `details-${service.id}`;
  const audiences = service.attributes.map((a) => c.terms.get(a.taxonomy_term_id)).filter((t): t is TaxonomyTerm => t?.taxonomy_id === 'audience');
  const desks = service.service_at_locations.map((s) => s.location_id);
  const paragraph = (t?: Text) => (t ? html`<p>${c.dataText(t)}</p>` : nothing);
  return html`<li class="result" part="result">
    ${heading(
      c.level,
      html`<button type="button" class="result-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => c.toggle(service.id)}>
        <span class="chevron" aria-hidden="true"></span>${c.dataText(service.name)}
      </button>`,
      'result-title',
    )}
    <p class="summary">${c.dataText(service.description)}</p>
    ${audiences.length
      ? html`<p class="for"><span class="for-label">${c.text(msg('対象：'))}</span>${audiences.map((t, i) => html`${i ? '・' : ''}${c.dataText(t.name)}`)}</p>`
      : nothing}
    ${desks[0] && !open ? desk(c, desks[0]) : nothing}
    <div id=${detailsId} class="details" ?hidden=${!open}>
      ${open
        ? html`${paragraph(service.x_jp.details)} ${paragraph(service.eligibility_description)} ${paragraph(service.application_process)}
            ${desks.map((id) => contactCard(c.src, id, c.level + 1, false))}
            ${service.url ? html`<p><a href=${service.url} rel="noopener">${c.text(msg('くわしい情報（市のページなど）'))}</a></p>` : nothing}`
        : nothing}
    </div>
  </li>`;
}

/**
 * A result's desk before the result is opened: its name, whether it is open now, its phone and
 * its FAX (the channel for Deaf residents). A few elements where a contact card has a shadow
 * root of some two hundred nodes: the opened result shows the full card.
 */
function desk(c: ResultContext, id: string) {
  let desks = desksOf.get(c.data);
  if (!desks) desksOf.set(c.data, (desks = new Map(c.data.locations.map((l) => [l.id, l]))));
  const location = desks.get(id);
  // A desk the dataset does not have: the dataset's own fallback number, as a card would show.
  if (!location) return renderContact(c.fallback, c.lang, c.text);
  let rules = rulesOf.get(location);
  if (rules === undefined) rulesOf.set(location, (rules = rulesFromSchedules(location.schedules, location.x_jp.closures)));
  const status = openStatus(rules, Date.now());
  if (status.changesAt) c.changesAt(status.changesAt);
  const dated = (...facts: Array<{x_jp: Provenance} | undefined>) =>
    facts.some((f) => f?.x_jp.status === 'dated') ? html`<span class="dated">${c.text(msg('要確認'))}</span>` : nothing;
  const phones = location.phones.filter(usable);
  const voice = phones.filter((p) => p.type !== 'fax');
  const faxes = phones.filter((p) => p.type === 'fax');
  return html`<div class="desk" part="desk">
    ${heading(c.level + 1, c.dataText(location.name), 'desk-name')}
    ${openStatusLine(status, c.locale, c.text, dated(...location.schedules, location.x_jp.closures))}
    ${voice.length
      ? html`<p>${c.text(msg('電話'))} ${voice.map((p) => html`${phoneLink(p.number, c.lang)}${dated(p)} `)}</p>`
      : renderContact(c.fallback, c.lang, c.text)}
    ${faxes.length
      ? html`<p>${c.text(msg('FAX（ファクス）'))} ${faxes.map(
            (p) => html`<span class="phone" part="fax"><span aria-hidden="true">${p.number}</span><span class="visually-hidden">${spokenDigits(p.number, c.lang)}</span></span>${dated(p)} `,
          )}<span class="hint">${c.text(msg('耳が聞こえない・聞こえにくい方は、FAXで相談できます。'))}</span></p>`
      : nothing}
  </div>`;
}
