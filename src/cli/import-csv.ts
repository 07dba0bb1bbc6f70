/**
 * Turns a spreadsheet of services exported from Excel (UTF-8 or Shift_JIS) into dataset JSON:
 * {"sources", "locations", "services"}, to put in a dataset folder beside the other files.
 * Bad rows are reported by line number and column; nothing is written while any remain.
 * The columns are documented in docs/csv-import.md.
 */
import type {Location, Provenance, Service, Source, Text} from '../core/data/types.js';
import type {Problem} from '../core/data/validate.js';
import {LINK} from '../core/data/spec.js';
import {normalizePhone} from '../core/data/phone.js';
import {schedulesFromRules} from '../core/hours/opening-hours.js';
import {HoursSyntaxError, parseOpeningHours} from '../core/hours/opening-hours-syntax.js';
import {csvRecords, CsvError} from './csv.js';

export const COLUMNS = {
  id: 'id',
  name: '名称',
  nameEasy: '名称（やさしい日本語）',
  nameEn: '名称（英語）',
  description: '説明',
  descriptionEasy: '説明（やさしい日本語）',
  descriptionEn: '説明（英語）',
  kind: '種類',
  needs: '困りごと',
  audiences: '対象',
  keywords: 'キーワード',
  desk: '窓口名',
  phone: '電話',
  fax: 'FAX',
  email: 'メール',
  postalCode: '郵便番号',
  prefecture: '都道府県',
  city: '市区町村',
  address: '住所',
  building: '方書',
  url: 'URL',
  hours: '受付時間',
  status: '確認状況',
  source: '出典',
} as const;

const KINDS: Record<string, Service['x_jp']['kind']> = {
  窓口: 'desk',
  事業: 'program',
  施策: 'measure',
  緊急: 'emergency',
  情報: 'information',
  desk: 'desk',
  program: 'program',
  measure: 'measure',
  emergency: 'emergency',
  information: 'information',
};
const STATUSES: Record<string, Provenance['status']> = {
  確認済: 'verified',
  要確認: 'dated',
  未確認: 'unverified',
  verified: 'verified',
  dated: 'dated',
  unverified: 'unverified',
};

/** Excel writes Shift_JIS on Japanese Windows; anything that is not valid UTF-8 is read as that. */
export function decodeSpreadsheet(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

const split = (v: string) => v.split(/[;；、,，]/).map((s) => s.trim()).filter(Boolean);
const slug = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();

export interface CsvImport {
  data: {sources: Source[]; locations: Location[]; services: Service[]};
  problems: Problem[];
  rows: number;
}

export interface CsvOptions {
  /** The id of the organization that provides the services. */
  organizationId: string;
  /** 市区町村 and 都道府県 for rows that leave them empty (the town's own: there is no built-in default). */
  city?: string;
  prefecture?: string;
}

export function importServicesCsv(bytes: Uint8Array, {organizationId, city, prefecture}: CsvOptions): CsvImport {
  const problems: Problem[] = [];
  const sources: Source[] = [];
  const locations = new Map<string, Location>();
  const services: Service[] = [];
  let records: ReturnType<typeof csvRecords>;
  try {
    records = csvRecords(decodeSpreadsheet(bytes));
  } catch (error) {
    const line = error instanceof CsvError ? error.line : 1;
    return {data: {sources, locations: [], services}, problems: [{path: `line ${line}`, message: (error as Error).message, fix: 'save the sheet again as CSV from Excel'}], rows: 0};
  }
  if (!records.length) {
    return {data: {sources, locations: [], services}, problems: [{path: 'line 1', message: 'the file has no rows below the header', fix: `the first row must be the column names: ${Object.values(COLUMNS).join(', ')}`}], rows: 0};
  }
  const header = Object.keys(records[0]!.record);
  for (const required of [COLUMNS.id, COLUMNS.name, COLUMNS.description]) {
    if (!header.includes(required)) {
      problems.push({path: 'line 1', message: `the column 「${required}」 is missing`, fix: `add a column named ${required}; the first row names the columns: ${Object.values(COLUMNS).join(', ')}`});
    }
  }
  const known = new Set<string>(Object.values(COLUMNS));
  for (const column of header) {
    if (column && !known.has(column)) problems.push({path: 'line 1', message: `the column 「${column}」 is not known`, fix: 'rename it to one of the documented columns or delete it'});
  }
  if (problems.length) return {data: {sources, locations: [], services}, problems, rows: 0};

  const seenIds = new Map<string, number>();
  const sourceIds = new Map<string, string>();
  for (const {line, record: r} of records) {
    const where = (column: string) => `line ${line}, 「${column}」`;
    const bad = (column: string, message: string, fix: string) => problems.push({path: where(column), message, fix});
    const get = (column: string) => r[column] ?? '';

    const id = get(COLUMNS.id);
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id)) bad(COLUMNS.id, id ? `"${id}" is not a valid id` : 'is empty', 'use letters, digits and "-", e.g. svc-food-bank');
    else if (seenIds.has(id)) bad(COLUMNS.id, `"${id}" is also used on line ${seenIds.get(id)}`, 'give each row its own id');
    else seenIds.set(id, line);
    for (const column of [COLUMNS.name, COLUMNS.description]) if (!get(column)) bad(column, 'is empty', 'fill it in');

    const kind = KINDS[get(COLUMNS.kind) || '事業'];
    if (!kind) bad(COLUMNS.kind, `"${get(COLUMNS.kind)}" is not a kind`, 'use 窓口, 事業, 施策, 緊急 or 情報');
    const status = STATUSES[get(COLUMNS.status) || '未確認'];
    if (!status) bad(COLUMNS.status, `"${get(COLUMNS.status)}" is not a status`, 'use 確認済, 要確認 or 未確認');
    let sourceId: string | undefined;
    const sourceText = get(COLUMNS.source);
    if (sourceText) {
      sourceId = sourceIds.get(sourceText);
      if (!sourceId) {
        sourceId = `src-csv-${sourceIds.size + 1}`;
        sourceIds.set(sourceText, sourceId);
        sources.push(LINK.test(sourceText) ? {id: sourceId, title: sourceText, url: sourceText} : {id: sourceId, title: sourceText});
      }
    } else if (status && status !== 'unverified') {
      bad(COLUMNS.source, `a ${get(COLUMNS.status)} row has no source`, 'write where the facts come from (a URL or document title), or set 確認状況 to 未確認');
    }
    const provenance: Provenance = sourceId ? {status: status ?? 'unverified', sources: [sourceId]} : {status: 'unverified'};

    const phone = normalizePhone(get(COLUMNS.phone));
    const fax = normalizePhone(get(COLUMNS.fax));
    for (const [column, value] of [[COLUMNS.phone, phone], [COLUMNS.fax, fax]] as const) {
      if (value && !/^[0-9()-]{3,20}$/.test(value)) bad(column, `"${value}" is not a phone number`, 'write digits and hyphens as printed, e.g. 03-1234-5678');
    }
    const email = get(COLUMNS.email);
    if (email && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) bad(COLUMNS.email, `"${email}" is not an email address`, 'write e.g. soudan@example.jp');
    const url = get(COLUMNS.url);
    if (url && !LINK.test(url)) {
      bad(COLUMNS.url, `"${url}" is not an http(s), tel: or mailto: link`, 'write the full address in lower case, starting with https://; percent-encode spaces and Japanese (a space → %20, 東京 → %E6%9D%B1%E4%BA%AC)');
    }
    const postal = get(COLUMNS.postalCode);
    if (postal && !/^\d{3}-\d{4}$/.test(postal)) bad(COLUMNS.postalCode, `"${postal}" is not a postal code`, 'write seven digits with a hyphen, e.g. 123-4567');
    if (get(COLUMNS.address) && !postal) bad(COLUMNS.postalCode, 'is empty although there is an address', 'add the postal code');
    if (get(COLUMNS.address) && !get(COLUMNS.city) && !city) {
      bad(COLUMNS.city, 'is empty although there is an address', 'write it, or pass --city for the rows that leave it empty');
    }
    if (get(COLUMNS.address) && !get(COLUMNS.prefecture) && !prefecture) {
      bad(COLUMNS.prefecture, 'is empty although there is an address', 'write it, or pass --prefecture for the rows that leave it empty');
    }

    const deskName = get(COLUMNS.desk);
    let locationId: string | undefined;
    if (deskName) {
      locationId = `desk-${slug(id)}`;
      const existing = [...locations.values()].find((l) => l.name.ja === deskName);
      if (existing) locationId = existing.id;
      else {
        const location: Location = {
          id: locationId,
          location_type: get(COLUMNS.address) ? 'physical' : 'virtual',
          organization_id: organizationId,
          name: {ja: deskName, untranslated: ['ja-x-easy', 'en']},
          addresses: [],
          phones: [],
          schedules: [],
          x_jp: {},
        };
        if (phone) location.phones.push({id: `${locationId}-tel`, number: phone, type: 'voice', x_jp: provenance});
        if (fax) location.phones.push({id: `${locationId}-fax`, number: fax, type: 'fax', x_jp: provenance});
        if (email) location.email = email;
        if (url) location.url = url;
        if (email || url) location.x_jp.contact = provenance;
        if (get(COLUMNS.address) && postal) {
          location.addresses.push({
            id: `${locationId}-addr`,
            address_1: get(COLUMNS.address),
            ...(get(COLUMNS.building) ? {address_2: get(COLUMNS.building)} : {}),
            city: get(COLUMNS.city) || city!,
            state_province: get(COLUMNS.prefecture) || prefecture!,
            postal_code: postal,
            country: 'JP',
            address_type: 'physical',
            x_jp: provenance,
          });
        }
        const hours = get(COLUMNS.hours);
        if (hours) {
          try {
            const {schedules, closures} = schedulesFromRules(parseOpeningHours(hours), locationId, provenance);
            location.schedules = schedules;
            location.x_jp.closures = closures;
          } catch (error) {
            if (error instanceof HoursSyntaxError) bad(COLUMNS.hours, error.message, error.fix);
            else throw error;
          }
        }
        locations.set(locationId, location);
      }
    } else if (phone || fax || email || get(COLUMNS.address) || get(COLUMNS.hours)) {
      bad(COLUMNS.desk, 'is empty although the row has contact details', 'name the desk the phone, address and hours belong to');
    }

    const text = (ja: string, easy: string, en: string): Text => {
      const t: Text = {ja};
      const untranslated: Array<'ja-x-easy' | 'en'> = [];
      if (easy) t['ja-x-easy'] = easy;
      else untranslated.push('ja-x-easy');
      if (en) t.en = en;
      else untranslated.push('en');
      if (untranslated.length) t.untranslated = untranslated;
      return t;
    };
    const keywords = split(get(COLUMNS.keywords));
    services.push({
      id,
      organization_id: organizationId,
      name: text(get(COLUMNS.name), get(COLUMNS.nameEasy), get(COLUMNS.nameEn)),
      description: text(get(COLUMNS.description), get(COLUMNS.descriptionEasy), get(COLUMNS.descriptionEn)),
      status: 'active',
      ...(url ? {url} : {}),
      service_at_locations: locationId ? [{location_id: locationId}] : [],
      service_areas: [],
      attributes: [...split(get(COLUMNS.needs)), ...split(get(COLUMNS.audiences))].map((taxonomy_term_id) => ({taxonomy_term_id})),
      x_jp: {kind: kind ?? 'program', plan_refs: [], ...(keywords.length ? {keywords} : {}), provenance},
    });
  }
  return {data: {sources, locations: [...locations.values()], services}, problems, rows: records.length};
}
