/**
 * A desk as a vCard 4.0 (RFC 6350), for "save to contacts": KIND, FN, ORG, TEL (voice, fax …),
 * EMAIL, ADR, GEO, URL and NOTE (the opening hours), in the reader's language, without ruby.
 * Unverified facts are left out, as everywhere. Values are escaped (§3.4) and lines are folded
 * at 75 octets without splitting a character (§3.2), with CRLF line ends.
 * Loaded on demand: the card imports this module when a resident presses its download button.
 */
import {closuresText, weeklyLines} from '../hours/format.js';
import {rulesFromSchedules} from '../hours/opening-hours.js';
import type {Locale} from '../prefs/prefs.js';
import {plainText} from '../text/ruby.js';
import {pick} from './text.js';
import type {Location, Organization, Provenance, Text} from './types.js';

const usable = (fact?: {x_jp: Provenance}) => !!fact && fact.x_jp.status !== 'unverified';

const escape = (value: string) => value.replace(/[\\,;]/g, '\\$&').replace(/\r?\n/g, '\\n');

function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += ch;
    octets += size;
  }
  return out;
}

/** The opening hours as plain lines in the reader's language (vCard NOTE, structured data). */
export function hoursText(location: Location, locale: Locale): string[] {
  const rules = rulesFromSchedules(location.schedules, location.x_jp.closures);
  const lines = rules?.periods.length ? [...weeklyLines(rules, locale), closuresText(rules, locale)] : [pick(location.hours_note, locale).value];
  return lines.filter(Boolean).map(plainText);
}

export function toVCard(location: Location, locale: Locale, organization?: Organization): string {
  const text = (t: Text | undefined) => escape(plainText(pick(t, locale).value));
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:org', `FN:${text(location.name)}`];
  if (usable(organization)) lines.push(`ORG:${text(organization!.name)}`);
  for (const phone of location.phones.filter(usable)) lines.push(`TEL;TYPE=${phone.type}:${escape(phone.number)}`);
  const contact = location.x_jp.contact?.status !== 'unverified';
  if (location.email && contact) lines.push(`EMAIL:${escape(location.email)}`);
  const address = location.addresses.find(usable);
  if (address) {
    const {address_1, address_2 = '', city, state_province, postal_code} = address;
    const country = locale === 'en' ? 'Japan' : '日本';
    lines.push(`ADR:;${[address_2, address_1, city, state_province, postal_code, country].map(escape).join(';')}`);
  }
  if (location.latitude !== undefined && location.longitude !== undefined) lines.push(`GEO:geo:${location.latitude},${location.longitude}`);
  if (location.url && contact) lines.push(`URL:${location.url}`);
  const hours = hoursText(location, locale);
  if (hours.length) lines.push(`NOTE:${escape(hours.join('\n'))}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
