/**
 * A desk as schema.org JSON-LD: a GovernmentService with its provider and one ServiceChannel
 * whose ContactPoint holds the telephone, faxNumber, email, contactOption (HearingImpairedSupported
 * when there is a FAX, TollFree for 0120/0800 numbers) and hoursAvailable.
 * Only `verified` facts go in: search engines repeat what they read without our 要確認 note.
 * `jsonLdText` escapes "<" so the text stays inert even if the page is serialised as HTML.
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
