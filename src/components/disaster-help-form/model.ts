/**
 * The help form's steps and fields: one topic per step (GOV.UK question pages), the field
 * list after nishitokyo-facts §2.3. No DOM here: the same model drives rendering, validation
 * and the payload, so a field shown is a field validated and a field sent.
 *
 * Answers are flat: each key is the field's dotted path in the payload ("person.name_kana",
 * "emergency_contacts.0.phone"), so the receiver's error paths point straight at a field.
 * Dates keep their parts under `<key>.year|month|day`.
 */
import {msg, str} from '@lit/localize';
import type {Dataset, Shelter} from '../../core/data/types.js';
import {pick} from '../../core/data/text.js';
import type {Locale} from '../../core/prefs/prefs.js';
import {plainText} from '../../core/text/ruby.js';
import {
  AUTO_LISTED, CONSENT, CRITERIA, HOUSEHOLD, LIFE_RISK_SITUATIONS, REASONS, SITUATIONS, SUPPORT, URGENCY,
  type HelpMode,
} from '../../core/help-request/types.js';

export interface Geo {
  latitude: number;
  longitude: number;
  accuracy_m: number;
}
export type Value = string | string[] | Geo;
export type Answers = Record<string, Value | undefined>;

export type Kind =
  | 'text' | 'kana' | 'tel' | 'email' | 'num' | 'area' | 'date' // typed
  | 'select' | 'radio' | 'checks' | 'shelter'; // chosen
export type Opt = readonly [value: string, label: string];

export interface Field {
  /** Flat key = dotted payload path. */
  k: string;
  kind: Kind;
  label: string;
  hint?: string;
  /** `group`: required once any other field of its group has an answer (a 2nd contact). */
  req?: boolean | 'group';
  /** autocomplete token; omitted when the answer is about someone else. */
  ac?: string;
  opts?: readonly Opt[];
  /** Longest answer, in characters. */
  max?: number;
  /** Fields with the same group share a fieldset with this legend. */
  g?: string;
  /** The message when a required answer is missing, where the generic one reads badly. */
  err?: string;
}

export type StepId =
  | 'eligibility' | 'listed' | 'who' | 'person' | 'address' | 'contact' | 'household' | 'reasons'
  | 'needs' | 'emergency' | 'supporters' | 'shelter' | 'consent' | 'check' | 'done' | 'urgent';

export interface Step {
  id: StepId;
  title: string;
  fields: Field[];
}

export const str1 = (a: Answers, k: string) => {
  const v = a[k];
  return typeof v === 'string' ? v : '';
};
export const list = (a: Answers, k: string) => {
  const v = a[k];
  return Array.isArray(v) ? v : [];
};

const zip = (values: readonly string[], labels: string[]): Opt[] => values.map((v, i) => [v, labels[i]!]);

/** Residents who meet 避難行動要支援者 criteria ア–エ: the city lists them without an application. */
export const autoListed = (a: Answers) => list(a, 'eligibility.criteria').some((c) => (AUTO_LISTED as readonly string[]).includes(c));

/** 命の危険: the chosen urgency, or a situation such as 閉じ込め or けが. */
export const lifeRisk = (a: Answers) =>
  str1(a, 'urgency') === 'life_threatening' || list(a, 'situation').some((s) => (LIFE_RISK_SITUATIONS as readonly string[]).includes(s));

/** Great-circle distance in metres. */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

/**
 * Shelters (指定避難所, not emergency-only sites) nearest to a point, or, without one, to the
 * middle of the town's shelters: the town's own first, then the nearest others. With distances.
 */
export function nearShelters(data: Dataset | undefined, townId: string, geo?: Geo, count = 6): Array<[Shelter, number | undefined]> {
  const all = (data?.shelters ?? []).filter((s) => s.kind === 'shelter' && s.x_jp.status !== 'unverified');
  let lat = geo?.latitude;
  let lon = geo?.longitude;
  if (!geo) {
    const own = all.filter((s) => s.town_id === townId);
    if (!own.length) return [];
    lat = own.reduce((n, s) => n + s.latitude, 0) / own.length;
    lon = own.reduce((n, s) => n + s.longitude, 0) / own.length;
  }
  return all
    .map((s): [Shelter, number, number] => {
      const d = haversine(lat!, lon!, s.latitude, s.longitude);
      return [s, d, !geo && s.town_id === townId ? -1 : d];
    })
    .sort((x, y) => x[2] - y[2])
    .slice(0, count)
    .map(([s, d]) => [s, geo ? d : undefined]);
}

function addressFields(data: Dataset | undefined, a: Answers, locale: Locale, prefix: string, required: boolean, ac: boolean): Field[] {
  const town = data?.towns.find((t) => t.id === str1(a, `${prefix}.town_id`));
  return [
    {
      k: `${prefix}.town_id`,
      kind: 'select',
      label: msg('町名'),
      hint: msg('西東京市内の町名を選んでください。'),
      req: required,
      ...(ac ? {ac: 'address-level3'} : {}),
      // An <option> cannot hold ruby: easy Japanese gets the reading in brackets instead.
      opts: (data?.towns ?? []).map((t) => [t.id, plainText(pick(t.name, locale).value) + (locale === 'ja-x-easy' ? `（${t.reading}）` : '')]),
    },
    {
      k: `${prefix}.chome`,
      kind: 'select',
      label: msg('丁目'),
      ...(town ? {} : {hint: msg('先に町名を選んでください。')}),
      req: required,
      opts: (town?.chome ?? []).map((c) => [String(c.number), msg(str`${c.number}丁目`)]),
    },
    {k: `${prefix}.banchi`, kind: 'text', label: msg('番地・号'), hint: msg('例：5-6-13'), req: required, max: 40, ...(ac ? {ac: 'address-line1'} : {})},
  ];
}

/** A contact person; `email` marks an emergency contact (whose relationship is also needed). */
function personFields(prefix: string, g: string, required: boolean, email: boolean): Field[] {
  const req = required || 'group';
  return [
    {k: `${prefix}.name`, kind: 'text', label: msg('名前'), req, max: 60, g},
    {k: `${prefix}.relationship`, kind: 'text', label: msg('本人との関係'), hint: msg('例：長女、友人、民生委員'), req: email ? req : false, max: 40, g},
    {k: `${prefix}.phone`, kind: 'tel', label: msg('電話番号'), req, g},
    ...(email ? [{k: `${prefix}.email`, kind: 'email', label: msg('メールアドレス'), g} as Field] : []),
  ];
}

const supportField = (): Field => ({
  k: 'needs.support',
  kind: 'checks',
  label: msg('避難のときに必要なこと'),
  hint: msg('あてはまるものをすべて選んでください。'),
  opts: zip(SUPPORT, [
    msg('車いす・ストレッチャーでの移動'),
    msg('電源が必要な医療機器（人工呼吸器・酸素・吸引・透析など）'),
    msg('補聴器'),
    msg('白杖・盲導犬'),
    msg('介助犬'),
    msg('毎日のくすり'),
    msg('アレルギー・食事の制限'),
    msg('ペットがいる'),
  ]),
});

/** The steps of a mode, with the fields that apply to the answers so far. */
export function steps(mode: HelpMode, a: Answers, data: Dataset | undefined, locale: Locale): Step[] {
  const tel = msg('電話番号');
  if (mode === 'urgent') {
    const callback = str1(a, 'contact.method');
    return [
      {
        id: 'urgent',
        title: msg('いま助けが必要なとき'),
        fields: [
          {
            k: 'situation',
            kind: 'checks',
            label: msg('何が起きていますか'),
            err: msg('何が起きているかを1つ以上選んでください'),
            hint: msg('あてはまるものをすべて選んでください。'),
            req: true,
            opts: zip(SITUATIONS, [
              msg('閉じ込められている'),
              msg('けが・急病'),
              msg('動けない'),
              msg('避難できない'),
              msg('水・食べ物・くすりなどが必要'),
              msg('情報がほしい'),
              msg('その他'),
            ]),
          },
          {
            k: 'urgency',
            kind: 'radio',
            label: msg('どのくらい急ぎますか'),
            err: msg('どのくらい急ぐかを選んでください'),
            req: true,
            opts: zip(URGENCY, [msg('命の危険がある'), msg('今日中に助けがほしい'), msg('急がない')]),
          },
          ...[
            ...addressFields(data, a, locale, 'location', false, false),
            {k: 'location.landmark', kind: 'text', label: msg('建物・階・目印'), hint: msg('例：〇〇マンション3階、〇〇公園の北'), max: 100} as Field,
          ].map((f) => ({
            ...f,
            g: msg('場所'),
            // The town, or the device location instead.
            ...(f.k === 'location.town_id' ? {req: true, hint: msg('町名を選ぶか、下の「現在地を使う」を押してください。')} : {}),
          })),
          {
            k: 'people.who',
            kind: 'radio',
            label: msg('助けが必要な人'),
            req: true,
            opts: [['self', msg('自分')], ['family', msg('家族')], ['neighbour', msg('近所の人')], ['other', msg('その他')]],
          },
          {k: 'people.count', kind: 'num', label: msg('人数'), hint: msg('助けが必要な人の数'), req: true},
          supportField(),
          {
            k: 'contact.method',
            kind: 'radio',
            label: msg('連絡のしかた'),
            req: true,
            opts: [['phone', msg('電話')], ['sms', msg('ショートメッセージ（SMS）')], ['none', msg('連絡できない')]],
          },
          ...(callback === 'phone' || callback === 'sms'
            ? [{k: 'contact.phone', kind: 'tel', label: tel, req: true, ac: 'tel-national'} as Field]
            : []),
          {k: 'details', kind: 'area', label: msg('くわしいこと'), hint: msg('500文字まで。'), max: 500},
        ],
      },
    ];
  }

  const proxy = str1(a, 'filled_by') === 'proxy';
  // Autofill knows the person at the keyboard: never offer it for someone else's answers.
  const own = (token: string) => (proxy ? {} : {ac: token});
  const criteriaLabels = [
    msg('要介護3・4・5の認定を受けている'),
    msg('身体障害者手帳（視覚1・2級、聴覚2級、肢体不自由1・2級）を持っている'),
    msg('精神障害者保健福祉手帳1級を持っている'),
    msg('愛の手帳1度、または療育手帳Aを持っている'),
    msg('65歳以上で、ひとり暮らし、または高齢者だけの世帯'),
    msg('要介護・要支援の認定を受けている（上にあてはまらない）'),
    msg('心や体に障害がある（上にあてはまらない）'),
    msg('難病（国・都の医療費助成の認定を受けている）'),
    msg('その他の理由で登録したい'),
  ];
  const out: Step[] = [
    {
      id: 'eligibility',
      title: msg('登録する方について'),
      fields: [
        {
          k: 'eligibility.criteria',
          kind: 'checks',
          label: msg('あてはまるものを選んでください'),
          err: msg('あてはまるものを1つ以上選んでください'),
          hint: msg('いくつでも選べます。登録する方（ご本人）のことを選んでください。'),
          req: true,
          opts: zip(CRITERIA, criteriaLabels),
        },
      ],
    },
    ...(autoListed(a) ? [{id: 'listed', title: msg('市が名簿に載せる方です'), fields: []} as Step] : []),
    {
      id: 'who',
      title: msg('入力する人'),
      fields: [
        {k: 'filled_by', kind: 'radio', label: msg('誰が入力していますか'), err: msg('誰が入力しているかを選んでください'), req: true, opts: [['self', msg('本人')], ['proxy', msg('代理の人（家族・支援者など）')]]},
        ...(proxy
          ? [
              {k: 'proxy.name', kind: 'text', label: msg('代理の人の名前'), req: true, ac: 'name', max: 60} as Field,
              {k: 'proxy.relationship', kind: 'text', label: msg('本人との関係'), hint: msg('例：長女、友人、民生委員'), req: true, max: 40} as Field,
              {k: 'proxy.phone', kind: 'tel', label: msg('代理の人の電話番号'), req: true, ac: 'tel-national'} as Field,
            ]
          : []),
      ],
    },
    {
      id: 'person',
      title: msg('ご本人のこと'),
      fields: [
        {k: 'person.name', kind: 'text', label: msg('氏名'), req: true, max: 60, ...own('name')},
        {k: 'person.name_kana', kind: 'kana', label: msg('フリガナ'), hint: msg('カタカナかひらがなで入力してください。'), req: true, max: 60},
        {k: 'person.birth_date', kind: 'date', label: msg('生年月日'), hint: msg('西暦か和暦で入力してください。例：1950 4 1、昭和25 4 1'), req: true},
        {
          k: 'person.sex',
          kind: 'radio',
          label: msg('性別'),
          opts: [['female', msg('女性')], ['male', msg('男性')], ['other', msg('その他')], ['no_answer', msg('答えない')]],
        },
      ],
    },
    {
      id: 'address',
      title: msg('住所'),
      fields: [
        ...addressFields(data, a, locale, 'address', true, !proxy),
        {k: 'address.building', kind: 'text', label: msg('建物名・部屋番号'), max: 80, ...own('address-line2')},
      ],
    },
    {
      id: 'contact',
      title: msg('連絡先'),
      fields: [
        {k: 'contact.phone', kind: 'tel', label: msg('電話（自宅）'), hint: msg('電話、携帯電話、FAX、メールのうち、1つ以上を入力してください。'), ...own('home tel-national')},
        {k: 'contact.mobile', kind: 'tel', label: msg('携帯電話'), ...own('mobile tel-national')},
        {k: 'contact.fax', kind: 'tel', label: msg('FAX'), ...own('fax tel-national')},
        {k: 'contact.email', kind: 'email', label: msg('メールアドレス'), ...own('email')},
        {
          k: 'contact.preferred',
          kind: 'radio',
          label: msg('いちばんよい連絡のしかた'),
          opts: [
            ['phone', msg('電話')],
            ['mobile', msg('携帯電話')],
            ['sms', msg('ショートメッセージ（SMS）')],
            ['fax', msg('FAX')],
            ['email', msg('メール')],
            ['sign_language', msg('手話通訳')],
            ['writing', msg('筆談')],
          ],
        },
      ],
    },
    {
      id: 'household',
      title: msg('世帯'),
      fields: [
        {
          k: 'household.type',
          kind: 'radio',
          label: msg('一緒に住んでいる人'),
          req: true,
          opts: zip(HOUSEHOLD, [msg('ひとり暮らし'), msg('高齢者だけの世帯'), msg('昼間はひとりになる'), msg('家族などと住んでいる'), msg('その他')]),
        },
        {k: 'household.members', kind: 'num', label: msg('世帯の人数'), hint: msg('本人を含めた人数')},
      ],
    },
    {
      id: 'reasons',
      title: msg('支援が必要な理由'),
      fields: [
        {
          k: 'needs.reasons',
          kind: 'checks',
          label: msg('手助けが必要な理由'),
          hint: msg('あてはまるものをすべて選んでください。'),
          req: true,
          opts: zip(REASONS, [
            msg('歩くのが難しい'),
            msg('車いすを使う'),
            msg('寝たきり'),
            msg('目が見えにくい'),
            msg('耳が聞こえにくい'),
            msg('知的障害'),
            msg('精神障害'),
            msg('認知症'),
            msg('難病'),
            msg('医療的ケアが必要'),
            msg('日本語が難しい'),
            msg('その他'),
          ]),
        },
      ],
    },
    {
      id: 'needs',
      title: msg('避難のときに必要なこと'),
      fields: [
        {...supportField(), label: msg('必要なもの・手助け')},
        {k: 'needs.notes', kind: 'area', label: msg('伝えておきたいこと'), hint: msg('くすりの名前、コミュニケーションのしかた、ペットの種類、持ち出すものなど。500文字まで。'), max: 500},
      ],
    },
    {
      id: 'emergency',
      title: msg('緊急連絡先'),
      fields: [
        ...personFields('emergency_contacts.0', msg('1人目'), true, true),
        ...personFields('emergency_contacts.1', msg('2人目'), false, true),
      ],
    },
    {
      id: 'supporters',
      title: msg('避難を手伝う人'),
      fields: [...personFields('supporters.0', msg('1人目'), false, false), ...personFields('supporters.1', msg('2人目'), false, false)],
    },
    {
      id: 'shelter',
      title: msg('避難先の希望'),
      fields: [
        {
          k: 'preferred_shelter_id',
          kind: 'shelter',
          label: msg('希望する避難所'),
          hint: msg('住所の近くの避難所です。福祉避難所は、受け入れる人が決まっています。'),
          opts: [['', ''], ...nearShelters(data, str1(a, 'address.town_id')).map(([s]): Opt => [s.id, ''])],
        },
      ],
    },
    {
      id: 'consent',
      title: msg('情報を渡すことへの同意'),
      fields: [
        {
          k: 'consent',
          kind: 'checks',
          label: msg('登録した情報を渡してよい相手'),
          hint: msg('渡してよい相手に、それぞれチェックを入れてください。チェックがない相手には渡しません。'),
          opts: zip(CONSENT, [
            msg('市の関係部署'),
            msg('警察署'),
            msg('消防（消防署・消防団）'),
            msg('民生委員・児童委員'),
            msg('防災市民組織・自治会'),
            msg('社会福祉協議会'),
            msg('地域包括支援センター'),
          ]),
        },
      ],
    },
    {id: 'check', title: msg('入力した内容の確認'), fields: []},
  ];
  return out;
}

/** Steps with questions, in order (the check-answers page lists these). */
export const questionSteps = (all: Step[]) => all.filter((s) => s.fields.length);
