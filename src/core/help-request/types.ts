/**
 * The help request: what `<fukushi-disaster-help-form>` posts to its `endpoint` (through the
 * offline outbox) and what `dist/schema/help-request.schema.json` describes.
 *
 * One payload, two modes:
 * - `register`: pre-registration for the 災害時要援護者 list (西東京市 災害時要援護者登録制度),
 *   fields after the city's 名簿の記載事項;
 * - `urgent`: a request for help now.
 * The city's rules and the sources of the field list: docs/sources.md, "The help request".
 *
 * Only what the resident answered is sent: no labels, no postal code, no derived flags.
 * Codes are stable English identifiers; receivers map them to their own wording.
 * `id` is a UUID v4 made on the device; it is also the `Idempotency-Key` header.
 */
import {UUID_PATTERN} from './request-id.js';

export const HELP_REQUEST_SCHEMA_VERSION = '1.0';

/** The form's own patterns (the schema and core/help-request/engine.ts share them). */
export const PATTERNS = {
  uuid: UUID_PATTERN,
  phone: '^(?:0(?:-?[0-9]){9,10}|\\+[0-9]{10,15})$',
  katakana: '^[ァ-ヶー・　]+$',
  email: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
  date: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
};

/**
 * 避難行動要支援者 criteria ア–エ: residents who meet one are put on the list by the city
 * (「申請方式ではありません」); they may still register contacts and needs.
 */
export const AUTO_LISTED = [
  'care_level_3_plus', // ア 要介護3以上
  'physical_certificate', // イ 身体障害者手帳 視覚1・2級, 聴覚2級, 肢体不自由1・2級
  'mental_certificate_1', // ウ 精神障害者保健福祉手帳1級
  'intellectual_certificate', // エ 愛の手帳1度 または 療育手帳A
] as const;

/** Eligibility answers: the four above, then the 災害時要援護者 criteria 1–5. */
export const CRITERIA = [
  ...AUTO_LISTED,
  'elderly_household', // 65歳以上でひとり暮らし又は高齢者のみの世帯
  'care_certified', // 要介護認定を受けている
  'disability', // 心身等に障害がある
  'intractable_disease', // 難病（国・都の難病等医療費助成認定）
  'other', // その他の理由で登録を希望する
] as const;

export const FILLED_BY = ['self', 'proxy'] as const;
export const SEX = ['female', 'male', 'other', 'no_answer'] as const;
export const CONTACT_METHODS = ['phone', 'mobile', 'sms', 'fax', 'email', 'sign_language', 'writing'] as const;
export const HOUSEHOLD = ['alone', 'elderly_only', 'alone_daytime', 'with_family', 'other'] as const;
/** 支援が必要な理由: the 名簿's 支援等を必要とする理由 (docs/sources.md). */
export const REASONS = [
  'walking', 'wheelchair', 'bedridden', 'vision', 'hearing', 'intellectual', 'mental', 'dementia',
  'intractable_disease', 'medical_care', 'language', 'other',
] as const;
/** Needs during evacuation (docs/sources.md); also the urgent form's special needs. */
export const SUPPORT = [
  'wheelchair_or_stretcher', 'power_medical_device', 'hearing_aid', 'white_cane_or_guide_dog',
  'assistance_dog', 'medication', 'diet', 'pets',
] as const;
/** Recipient groups the resident may allow the information to go to, one checkbox each. */
export const CONSENT = [
  'city_departments', // 市の関係部署
  'police', // 警察署
  'fire', // 消防（消防署・消防団）
  'minsei_iin', // 民生委員・児童委員
  'bousai_soshiki', // 防災市民組織・自治会
  'shakyo', // 社会福祉協議会
  'houkatsu', // 地域包括支援センター
] as const;

export const SITUATIONS = ['trapped', 'injured_or_ill', 'cannot_move', 'cannot_evacuate', 'supplies', 'information', 'other'] as const;
/** `life_threatening` = 命の危険がある: the form shows 119 / 110 first. */
export const URGENCY = ['life_threatening', 'today', 'not_urgent'] as const;
export const WHO = ['self', 'family', 'neighbour', 'other'] as const;
export const CALLBACK = ['phone', 'sms', 'none'] as const;

export type Criterion = (typeof CRITERIA)[number];
export type Reason = (typeof REASONS)[number];
export type Support = (typeof SUPPORT)[number];
export type ConsentGroup = (typeof CONSENT)[number];
export type Situation = (typeof SITUATIONS)[number];
export type Urgency = (typeof URGENCY)[number];
export type HelpMode = 'register' | 'urgent';

interface Base {
  schema_version: typeof HELP_REQUEST_SCHEMA_VERSION;
  /** UUID v4 made on the device; the Idempotency-Key. */
  id: string;
  mode: HelpMode;
  /** When the resident sent it, device time, ISO 8601 with offset. */
  created_at: string;
  /** The reading mode the resident used: answers in free text are in this language. */
  locale: 'ja' | 'ja-x-easy' | 'en';
}

export interface ContactPerson {
  name: string;
  /** 続柄 or role: 長女, 民生委員, ケアマネジャー … */
  relationship: string;
  /** Digits and hyphens, e.g. 042-464-1311. */
  phone: string;
  email?: string;
}

export interface RegisterRequest extends Base {
  mode: 'register';
  eligibility: {criteria: Criterion[]};
  filled_by: (typeof FILLED_BY)[number];
  /** Who filled it in, when not the resident. */
  proxy?: {name: string; relationship: string; phone: string};
  person: {
    name: string;
    /** Katakana. */
    name_kana: string;
    /** YYYY-MM-DD. */
    birth_date: string;
    sex?: (typeof SEX)[number];
  };
  address: {
    /** A town id from the dataset (Dataset.towns); the dataset's city is implied. */
    town_id: string;
    /** 丁目. */
    chome: number;
    /** 番地・号, e.g. 5-6-13. */
    banchi: string;
    /** 方書: building, room. */
    building?: string;
  };
  /** At least one of phone, mobile, fax, email. */
  contact: {
    phone?: string;
    mobile?: string;
    fax?: string;
    email?: string;
    preferred?: (typeof CONTACT_METHODS)[number];
  };
  household: {type: (typeof HOUSEHOLD)[number]; members?: number};
  needs: {reasons: Reason[]; support?: Support[]; notes?: string};
  /** One or two people to call in an emergency. */
  emergency_contacts: ContactPerson[];
  /** 避難支援者: up to two people who help the resident evacuate. */
  supporters?: Array<Partial<ContactPerson> & {name: string}>;
  /** A shelter id from the dataset (Dataset.shelters). */
  preferred_shelter_id?: string;
  /** Every group is present: true only where the resident ticked the box. */
  consent: Record<ConsentGroup, boolean>;
}

export interface UrgentRequest extends Base {
  mode: 'urgent';
  situation: Situation[];
  urgency: Urgency;
  /** A town, or the device location, or both. */
  location: {
    town_id?: string;
    chome?: number;
    banchi?: string;
    /** Building, floor, room or a landmark. */
    landmark?: string;
    /** From the Geolocation API, only when the resident chose to share it. */
    geo?: {latitude: number; longitude: number; accuracy_m: number};
  };
  people: {who: (typeof WHO)[number]; count: number};
  needs?: {support: Support[]};
  contact: {method: (typeof CALLBACK)[number]; phone?: string};
  details?: string;
}

export type HelpRequest = RegisterRequest | UrgentRequest;
