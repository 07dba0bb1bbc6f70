/**
 * A desk as schema.org JSON-LD: a GovernmentService with its provider and one ServiceChannel
 * whose ContactPoint holds the telephone, faxNumber, email, contactOption (HearingImpairedSupported
 * when there is a FAX, TollFree for 0120/0800 numbers) and hoursAvailable.
 * Only `verified` facts go in: search engines repeat what they read without our 要確認 note.
 * `jsonLdText` escapes "<" so the text stays inert even if the page is serialised as HTML.
 *
 * Loaded on demand: the card imports this module only when `structured-data` is set.
 * `writeJsonLd` writes the <script> text through a Trusted Types policy, so it works on pages
 * whose CSP has `require-trusted-types-for 'script'`.
 */
import {rulesFromSchedules} from '../hours/opening-hours.js';
import {EN_DAYS} from '../hours/format.js';
import type {Locale} from '../prefs/prefs.js';
import {plainText} from '../text/ruby.js';
import {normalizePhone} from './phone.js';
import {pick} from './text.js';
import type {Location, Organization, Provenance, Text} from './types.js';

const verified = (fact?: {x_jp: Provenance}) => fact?.x_jp.status === 'verified';

/** 042-464-1311 → +81-42-464-1311; short numbers (189) stay as they are. */
const international = (number: string) => normalizePhone(number).replace(/^0(?=\d)/, '+81-');

const hhmm = (minutes: number) => [minutes / 60, minutes % 60].map((n) => String(Math.floor(n)).padStart(2, '0')).join(':');

export function toJsonLd(location: Location, locale: Locale, organization?: Organization): Record<string, unknown> {
  const text = (t: Text | undefined) => plainText(pick(t, locale === 'en' ? 'en' : 'ja').value) || undefined;
  const name = text(location.name);
  const phones = location.phones.filter(verified);
  const voice = phones.find((p) => p.type !== 'fax');
  const fax = phones.find((p) => p.type === 'fax');
  const contact = location.x_jp.contact?.status === 'verified';
  const options = [fax && 'HearingImpairedSupported', voice && /^0(120|800)/.test(voice.number) && 'TollFree'].filter(Boolean);

  const rules = rulesFromSchedules(location.schedules.filter(verified), verified(location.x_jp.closures) ? location.x_jp.closures : undefined);
  const spans = new Map<string, string[]>();
  for (const p of rules?.periods ?? []) {
    const key = `${hhmm(p.opens)}-${hhmm(p.closes)}`;
    spans.set(key, [...(spans.get(key) ?? []), EN_DAYS[p.day]!]);
  }
  const hoursAvailable = [...spans].map(([key, dayOfWeek]) => {
    const [opens, closes] = key.split('-');
    return {'@type': 'OpeningHoursSpecification', dayOfWeek, opens, closes};
  });

  const address = location.addresses.find(verified);
  const place = address && {
    '@type': 'Place',
    name,
    address: {
      '@type': 'PostalAddress',
      postalCode: address.postal_code || undefined,
      addressRegion: address.state_province || undefined,
      addressLocality: address.city || undefined,
      streetAddress: [address.address_1, address.address_2].filter(Boolean).join(' '),
      addressCountry: 'JP',
    },
    geo:
      location.latitude !== undefined && location.longitude !== undefined
        ? {'@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude}
        : undefined,
  };

  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name,
    description: text(location.description),
    provider: {'@type': 'Organization', name: verified(organization) ? text(organization!.name) : name},
    availableChannel: {
      '@type': 'ServiceChannel',
      name,
      servicePhone: {
        '@type': 'ContactPoint',
        telephone: voice && international(voice.number),
        faxNumber: fax && international(fax.number),
        email: contact ? location.email : undefined,
        contactOption: options.length ? options : undefined,
        availableLanguage: location.x_jp.languages,
        hoursAvailable: hoursAvailable.length ? hoursAvailable : undefined,
      },
      serviceLocation: place,
      serviceUrl: contact ? location.url : undefined,
    },
  };
}

/** The JSON for a <script type="application/ld+json">: "<" escaped, so "</script>" cannot end it. */
export const jsonLdText = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');

/** The Trusted Types API, as far as it is used here (it is not in TypeScript's DOM types). */
interface ScriptPolicy {
  createScript(input: string): string;
}
type TrustedTypes = {createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy};

/** Lets only JSON through: anything else throws before it can reach a <script>. */
const onlyJson: ScriptPolicy = {createScript: (input) => (JSON.parse(input), input)};

/** Created once, on first use: our policy (`onlyJson` itself without Trusted Types), or null when the page refuses it. */
let policy: ScriptPolicy | null | undefined;

/**
 * Writes `data` as JSON-LD into `host`'s light DOM, where search engines look: one
 * <script type="application/ld+json" data-fukushi-contact-card>, its text set as a TrustedScript
 * (or a plain string without Trusted Types), never parsed as HTML. When the page's CSP does not
 * allow our policy (its trusted-types directive), nothing is written and the console says why.
 */
export function writeJsonLd(host: Element, data: unknown) {
  const json = jsonLdText(data);
  let script = host.querySelector<HTMLScriptElement>(':scope > script[data-fukushi-contact-card]');
  if (script?.textContent === json) return;
  if (policy === undefined) {
    try {
      const trustedTypes = (globalThis as {trustedTypes?: TrustedTypes}).trustedTypes;
      policy = trustedTypes ? trustedTypes.createPolicy('fukushi-widgets', onlyJson) : onlyJson;
    } catch {
      policy = null;
      console.warn(
        "fukushi-widgets: the page's Content-Security-Policy does not allow the Trusted Types policy \"fukushi-widgets\", " +
          'so no structured data (JSON-LD) is written. Add fukushi-widgets to its trusted-types directive to allow it.',
      );
    }
  }
  if (!policy) return;
  const text = policy.createScript(json);
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.fukushiContactCard = '';
  }
  // The text is set before a new script joins the document.
  script.textContent = text;
  if (!script.parentNode) host.append(script);
}
