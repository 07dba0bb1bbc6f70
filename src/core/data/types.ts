/**
 * The dataset every widget reads: Open Referral HSDS 3.0 names where HSDS has the concept
 * (organization, service, location, phone, schedule, service_area, taxonomy, taxonomy_term,
 * attribute), with Japan-specific fields under `x_jp`.
 *
 * Differences from HSDS, on purpose:
 * - Human-readable texts are `Text` objects with ja / ja-x-easy / en variants, not plain strings.
 * - Objects are nested (a location holds its phones and schedules) instead of joined by ids.
 * - Ids are readable slugs ("desk-chiiki-kyosei"), not UUIDs, so editors can refer to them.
 *
 * Japanese variants may contain ruby notation (｜漢字《かんじ》); in a built dataset every kanji
 * has a reading (see core/text/ruby.ts).
 */

export const SCHEMA_VERSION = '1.0';

/**
 * A text in the three reading modes. `ja` is required. An easy or English variant may be
 * missing only when `untranslated` lists it; the widgets then fall back to `ja`.
 */
export interface Text {
  ja: string;
  'ja-x-easy'?: string;
  en?: string;
  untranslated?: Array<'ja-x-easy' | 'en'>;
}

/**
 * How far a fact can be trusted:
 * - `verified`: it appears in the cited source;
 * - `dated`: it appears in a source that is old or secondary; shown with a "要確認" note;
 * - `unverified`: no source confirms it; widgets never present it as fact.
 */
export type Verification = 'verified' | 'dated' | 'unverified';

/** A fact's provenance: which entry of `sources`, and how far it can be trusted. */
export interface Provenance {
  status: Verification;
  /** Ids from `Dataset.sources`. Required unless status is `unverified`. */
  sources?: string[];
  /** Why it is dated or unverified, for editors. */
  note?: string;
}

export interface Source {
  id: string;
  title: string;
  url?: string;
  /** When the source was published or read (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
}

/** HSDS phone. `type` follows RFC 6350 as HSDS does. */
export interface Phone {
  id: string;
  /** As written in Japan: 042-464-1311, 0120-9109-77, 189. */
  number: string;
  type: 'voice' | 'fax' | 'text' | 'textphone' | 'video' | 'cell';
  description?: Text;
  x_jp: Provenance;
}

/** HSDS address, Japanese style. */
export interface Address {
  id: string;
  /** 町字 + 番地, e.g. 南町5-6-13. */
  address_1: string;
  /** 方書: building, floor, room, e.g. 田無第二庁舎1階. */
  address_2?: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: 'JP';
  address_type: 'physical' | 'postal';
  x_jp: Provenance & {
    /** ABR 町字ID (7 digits), when known. */
    machiaza_id?: string;
    /** The whole address in ruby notation, added by the data build (for furigana). */
    ruby?: string;
  };
}

/** Days in HSDS / iCal byday style. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/**
 * HSDS schedule: one weekly opening period. Split days with different hours into rows.
 * Times are local Asia/Tokyo wall-clock times, "HH:MM".
 */
export interface Schedule {
  id: string;
  freq: 'WEEKLY';
  /** Comma-separated days, e.g. "MO,TU,WE,TH,FR". */
  byday: string;
  opens_at: string;
  closes_at: string;
  valid_from?: string;
  valid_to?: string;
  description?: Text;
  x_jp: Provenance;
}

/** When a desk is closed although its weekly schedule says open. */
export interface Closures {
  /** Closed on Japanese public holidays and substitute holidays (祝日・振替休日). */
  public_holidays: boolean;
  /** Closed over the New Year, inclusive, as "MM-DD" (usually 12-29 to 01-03). */
  year_end?: {from: string; to: string};
  /** Other days closed every year, as inclusive "MM-DD" ranges (a single day has from = to). */
  dates?: Array<{from: string; to: string}>;
  x_jp: Provenance;
}

/**
 * A consultation desk or other place: HSDS location. The contact card shows one.
 * `location_type: virtual` is a desk reached only by phone or online (national lines).
 */
export interface Location {
  id: string;
  location_type: 'physical' | 'virtual';
  organization_id: string;
  name: Text;
  description?: Text;
  /** How to get there (HSDS transportation). */
  transportation?: Text;
  latitude?: number;
  longitude?: number;
  email?: string;
  url?: string;
  addresses: Address[];
  phones: Phone[];
  schedules: Schedule[];
  /** Free-text hours, shown when there is no structured schedule ("24時間"). */
  hours_note?: Text;
  x_jp: {
    closures?: Closures;
    /** Verification of email and url. */
    contact?: Provenance;
    /** Accessibility notes: ramps, hearing loop, interpreters. */
    accessibility?: Text;
    /** Languages a resident can use here, BCP 47. */
    languages?: string[];
    last_verified?: string;
  };
}

export interface Organization {
  id: string;
  name: Text;
  description?: Text;
  url?: string;
  x_jp: Provenance;
}

/** An HSDS attribute: links a service to a taxonomy term. */
export interface Attribute {
  taxonomy_term_id: string;
}

/** What kind of entry a service is, for grouping and icons. */
export type ServiceKind =
  | 'desk' // a consultation service residents can contact
  | 'program' // a support programme or service
  | 'measure' // a plan measure (施策) without its own desk
  | 'emergency' // 119 / 110 / 189 and similar lines
  | 'information'; // an information channel (mail alerts, newsletters)

export interface ServiceArea {
  id: string;
  name: Text;
  /** `city` for the whole city, otherwise the towns (ids from Dataset.towns). */
  extent_type: 'city' | 'towns';
  towns?: string[];
}

/** HSDS service, with plan references and search hints under x_jp. */
export interface Service {
  id: string;
  organization_id: string;
  name: Text;
  /** Other names residents may use. */
  alternate_name?: Text;
  /** One line for result lists. */
  description: Text;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  url?: string;
  email?: string;
  eligibility_description?: Text;
  application_process?: Text;
  fees_description?: Text;
  /** Desks where residents reach this service (ids from Dataset.locations). */
  service_at_locations: Array<{location_id: string}>;
  service_areas: ServiceArea[];
  attributes: Attribute[];
  x_jp: {
    kind: ServiceKind;
    /** A longer description, when one line is not enough. */
    details?: Text;
    /** Where the plan names it: 基本目標 and 施策 ids from Dataset.plan. */
    plan_refs: Array<{goal?: string; measure?: string; sub_plan?: 'guardianship' | 'reoffending'; item?: string}>;
    /** A 重点的な取組 id it belongs to; ties in search go to these. */
    priority?: string;
    /** Extra search words, any script: synonyms, abbreviations, English terms. */
    keywords?: string[];
    provenance: Provenance;
  };
}

export interface Taxonomy {
  id: 'need' | 'audience' | 'goal';
  name: Text;
  description: Text;
}

/** HSDS taxonomy_term: a need (困りごと), an audience (対象) or a plan goal. */
export interface TaxonomyTerm {
  id: string;
  taxonomy_id: Taxonomy['id'];
  name: Text;
  description: Text;
  parent_id?: string;
}

/** A 丁目 of a town. */
export interface Chome {
  number: number;
  /** ABR 町字ID, 7 digits. */
  machiaza_id: string;
}

/** A town (町) of the city. */
export interface Town {
  id: string;
  name: Text;
  /** Reviewed reading, hiragana. */
  reading: string;
  romaji: string;
  postal_code: string;
  chome: Chome[];
  /** 旧市町村: the former municipality, where the city was formed by a merger (free text; widgets do not rely on it). */
  former_city?: string;
  /** 福祉圏域 id, only where verified. */
  area_id?: string;
  x_jp: Provenance;
}

/** A 福祉圏域 (welfare area). */
export interface WelfareArea {
  id: string;
  name: Text;
  towns: string[];
  x_jp: Provenance;
}

export type Hazard =
  | 'flood'
  | 'landslide'
  | 'storm_surge'
  | 'earthquake'
  | 'tsunami'
  | 'large_fire'
  | 'inland_flood'
  | 'volcano';

/** A designated shelter (指定避難所) or emergency evacuation site (指定緊急避難場所). */
export interface Shelter {
  /** GSI 共通ID. */
  id: string;
  kind: 'shelter' | 'emergency_site';
  name: Text;
  /** Town id from Dataset.towns. */
  town_id: string;
  /** 丁目 and 番地, e.g. 2-6-25. */
  address_1: string;
  latitude: number;
  longitude: number;
  /** 受入対象者: set for welfare shelters (指定福祉避難所). */
  welfare_for?: Text;
  /** For emergency sites: the hazards it is designated for. */
  hazards?: Hazard[];
  /** The same place is also designated as the other kind. */
  also_other_kind?: boolean;
  x_jp: Provenance;
}

/** A measure (施策) under a basic goal. */
export interface PlanMeasure {
  id: string;
  number: number;
  title: Text;
  description: Text;
}

export interface PlanGoal {
  id: string;
  number: number;
  title: Text;
  /** The 基本方針 it serves, where the source states it. */
  policy_id?: string;
  measures: PlanMeasure[];
}

export interface PlanPolicy {
  id: string;
  number: number;
  title: Text;
}

export interface PlanPriority {
  id: string;
  number: number;
  title: Text;
  /** The city's challenge (西東京市の課題) it answers. */
  challenge: Text;
  directions: Text[];
}

export interface SubPlanItem {
  id: string;
  number: number;
  title: Text;
  description: Text;
}

export interface SubPlan {
  id: 'guardianship' | 'reoffending';
  name: Text;
  purpose: Text;
  items: SubPlanItem[];
}

/** A block of summary content. */
export type SummaryBlock =
  | {type: 'paragraph'; text: Text}
  | {type: 'list'; items: Text[]}
  /** The 4 levels of the local community, rendered as a table or list. */
  | {type: 'levels'; levels: Array<{name: Text; roles: Text[]}>}
  /** Desks to contact, rendered as compact contact cards. */
  | {type: 'desks'; location_ids: string[]};

export interface SummarySection {
  /** Stable id, also used by `<fukushi-easy-summary section="…">`. */
  id: string;
  heading: Text;
  blocks: SummaryBlock[];
  /** Sub-sections, one heading level down. */
  sections?: SummarySection[];
}

/** The plan: structure plus the summary text residents read. */
export interface Plan {
  id: string;
  name: Text;
  /** Fiscal years, inclusive. */
  period: {from_fiscal_year: number; to_fiscal_year: number};
  adopted: string;
  /** 基本理念. */
  philosophy: Text;
  policies: PlanPolicy[];
  goals: PlanGoal[];
  priorities: PlanPriority[];
  sub_plans: SubPlan[];
  summary: SummarySection[];
  x_jp: Provenance;
}

/**
 * The intent layer: everyday phrasing mapped to services, so "お金がない" finds 生活困窮 support.
 * Editors extend it; the finder indexes the phrases with the services they point to.
 */
export interface Intent {
  id: string;
  /** Phrases as residents say them, in any script; matched after normalisation. */
  phrases: {ja: string[]; en?: string[]};
  services: string[];
  /** A need term id, when the phrasing clearly belongs to one. */
  need?: string;
}

/** A hard term with an easy explanation (shown as a popover in the easy summary). */
export interface GlossaryEntry {
  id: string;
  /** The term as it appears in text, plain (no ruby notation). */
  term: string;
  /** Other written forms that should match (ひらがな, variants). */
  variants?: string[];
  /** Reviewed reading, hiragana. */
  reading: string;
  explanation: Text;
}

/** The contact shown when all else fails: never leave a resident with a blank widget. */
export interface FallbackContact {
  name: Text;
  phone: string;
  /** The phone's provenance: this number must be verified. */
  x_jp: Provenance;
  location_id?: string;
}

export interface Dataset {
  $schema?: string;
  schema_version: typeof SCHEMA_VERSION;
  id: string;
  name: Text;
  publisher: Text;
  /** ISO date of the last edit. */
  last_modified: string;
  /** Set by the data build: every Japanese text carries readings. */
  readings_complete?: boolean;
  sources: Source[];
  organizations: Organization[];
  locations: Location[];
  services: Service[];
  taxonomies: Taxonomy[];
  taxonomy_terms: TaxonomyTerm[];
  towns: Town[];
  areas: WelfareArea[];
  shelters: Shelter[];
  plan?: Plan;
  intents: Intent[];
  glossary: GlossaryEntry[];
  fallback_contact: FallbackContact;
}
