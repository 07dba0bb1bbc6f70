// The help form's engine (src/core/help-request/engine.ts): validation, the definition driving it,
// shelter distances and the payload.
import {expect} from '@open-wc/testing';
import {
  answersOf, buildPayload, changeAnswer, haversine, holds, nearShelters, refusedStep, shown, validateAll, validateStep,
  type Answers, type Ctx,
} from '../../src/core/help-request/engine.js';
import {isUuid, uuid} from '../../src/core/help-request/request-id.js';
import {isChoice, KINDS, type FieldKind} from '../../src/core/help-request/field-kinds.js';
import {REGISTER_EXAMPLE, URGENT_EXAMPLE} from '../../src/core/help-request/schema.js';
import type {FormDefinition} from '../../src/core/help-request/form-definition.js';
import type {Dataset} from '../../src/core/data/types.js';
import {plainText} from '../../src/core/text/ruby.js';

let data: Dataset;
/** The built form definition (dist/data/help-form.json), as the element loads it. */
let def: FormDefinition;
before(async () => {
  data = (await (await fetch('/data/nishitokyo.json')).json()) as Dataset;
  def = (await (await fetch('/data/help-form.json')).json()) as FormDefinition;
});

const ctx = (): Ctx => ({def, data, locale: 'ja'});
const step = (id: string, a: Answers, mode: 'register' | 'urgent' = 'register') => shown(def.modes[mode], a).find((s) => s.id === id)!;
/** Messages are ruby notation (readings from the build): compared as the text a reader sees. */
const errorsOf = (id: string, a: Answers, mode: 'register' | 'urgent' = 'register') =>
  validateStep(ctx(), step(id, a, mode), a, new Date('2026-04-01T00:00:00Z')).map((e) => ({field: e.field, message: plainText(e.message)}));
const autoListed = (a: Answers) => holds(def.modes.register.steps.find((s) => s.id === 'listed')!.when, a);
const lifeRisk = (a: Answers) => holds(def.modes.urgent.emergency, a);

describe('help form: validation (every error state)', () => {
  it('eligibility: at least one answer, never an eligibility refusal', () => {
    expect(errorsOf('eligibility', {})).to.deep.equal([{field: 'eligibility.criteria', message: 'あてはまるものを1つ以上選んでください'}]);
    expect(errorsOf('eligibility', {'eligibility.criteria': ['other']})).to.deep.equal([]);
  });
  it('who: the choice, and the proxy details only for a proxy', () => {
    expect(errorsOf('who', {}).map((e) => e.message)).to.deep.equal(['誰が入力しているかを選んでください']);
    expect(errorsOf('who', {filled_by: 'self'})).to.deep.equal([]);
    expect(errorsOf('who', {filled_by: 'proxy'}).map((e) => e.message)).to.deep.equal([
      '代理の人の名前を入力してください',
      '本人との関係を入力してください',
      '代理の人の電話番号を入力してください',
    ]);
    expect(errorsOf('who', {filled_by: 'proxy', 'proxy.name': 'a', 'proxy.relationship': 'b', 'proxy.phone': '12-34'}).map((e) => e.message)).to.deep.equal([
      '代理の人の電話番号は、0から始まる10けたか11けたの数字で入力してください',
    ]);
  });
  it('person: name, kana, date (missing, impossible, in the future) and sex optional', () => {
    expect(errorsOf('person', {}).map((e) => e.message)).to.deep.equal([
      '氏名を入力してください',
      'フリガナを入力してください',
      '生年月日を入力してください',
    ]);
    const a = {'person.name': '太郎', 'person.name_kana': 'Taro', 'person.birth_date.year': '1950', 'person.birth_date.month': '2', 'person.birth_date.day': '30'};
    expect(errorsOf('person', a).map((e) => e.message)).to.deep.equal([
      'フリガナは、カタカナかひらがなで入力してください',
      '生年月日は、実際にある日付を入力してください',
    ]);
    expect(errorsOf('person', {...a, 'person.name_kana': 'タロウ', 'person.birth_date.year': '2090', 'person.birth_date.day': '1'}).map((e) => e.message)).to.deep.equal([
      '生年月日は、今日より前の日付を入力してください',
    ]);
    expect(errorsOf('person', {...a, 'person.name_kana': 'タロウ', 'person.birth_date.month': ''}).map((e) => e.message)).to.deep.equal([
      '生年月日は、実際にある日付を入力してください',
    ]);
    expect(errorsOf('person', {...a, 'person.name': 'x'.repeat(61), 'person.name_kana': 'タロウ', 'person.birth_date.day': '1'}).map((e) => e.message)).to.deep.equal([
      '氏名は60文字以内で入力してください',
    ]);
  });
  it('address: town, 丁目 of that town, 番地', () => {
    expect(errorsOf('address', {}).map((e) => e.field)).to.deep.equal(['address.town_id', 'address.chome', 'address.banchi']);
    expect(errorsOf('address', {'address.town_id': 'town-yatocho', 'address.chome': '6', 'address.banchi': '1-2'}).map((e) => e.message)).to.deep.equal([
      '丁目を、一覧から選んでください',
    ]);
    expect(errorsOf('address', {'address.town_id': 'town-nowhere', 'address.chome': '1', 'address.banchi': '1'}).map((e) => e.field)).to.include('address.town_id');
  });
  it('contact: at least one way, and each number or address well formed', () => {
    expect(errorsOf('contact', {'contact.preferred': 'writing'})).to.deep.equal([
      {field: 'contact.phone', message: '電話、携帯電話、FAX、メールのうち、1つ以上を入力してください'},
    ]);
    expect(errorsOf('contact', {'contact.fax': '042-000-0000'})).to.deep.equal([]);
    expect(errorsOf('contact', {'contact.email': 'taro@', 'contact.mobile': '0901234'}).map((e) => e.message)).to.deep.equal([
      '携帯電話は、0から始まる10けたか11けたの数字で入力してください',
      'メールアドレスは、name@example.jp のような形で入力してください',
    ]);
  });
  it('household, reasons, emergency contacts (1st required, 2nd complete if started), supporters', () => {
    expect(errorsOf('household', {'household.members': '0'}).map((e) => e.message)).to.deep.equal([
      '一緒に住んでいる人を選んでください',
      '世帯の人数は、1から99までの数字で入力してください',
    ]);
    expect(errorsOf('reasons', {}).map((e) => e.message)).to.deep.equal(['手助けが必要な理由を1つ以上選んでください']);
    expect(errorsOf('needs', {'needs.notes': 'x'.repeat(501)}).map((e) => e.message)).to.deep.equal(['伝えておきたいことは500文字以内で入力してください']);
    expect(errorsOf('emergency', {}).map((e) => e.message)).to.deep.equal([
      '1人目の名前を入力してください',
      '1人目の本人との関係を入力してください',
      '1人目の電話番号を入力してください',
    ]);
    const one = {'emergency_contacts.0.name': 'a', 'emergency_contacts.0.relationship': 'b', 'emergency_contacts.0.phone': '042-000-0000'};
    expect(errorsOf('emergency', one)).to.deep.equal([]);
    expect(errorsOf('emergency', {...one, 'emergency_contacts.1.email': 'x@example.jp'}).map((e) => e.message)).to.deep.equal([
      '2人目の名前を入力してください',
      '2人目の本人との関係を入力してください',
      '2人目の電話番号を入力してください',
    ]);
    expect(errorsOf('supporters', {})).to.deep.equal([]);
    expect(errorsOf('supporters', {'supporters.1.relationship': '近所'}).map((e) => e.field)).to.deep.equal(['supporters.1.name', 'supporters.1.phone']);
  });
  it('shelter and consent are optional; a shelter must be one offered', () => {
    expect(errorsOf('shelter', {'address.town_id': 'town-minamicho'})).to.deep.equal([]);
    expect(errorsOf('shelter', {'address.town_id': 'town-minamicho', preferred_shelter_id: 'nope'}).map((e) => e.field)).to.deep.equal(['preferred_shelter_id']);
    expect(errorsOf('consent', {})).to.deep.equal([]);
  });
  it('urgent: what, how urgent, where (town or device location), who, how many, how to reach', () => {
    expect(errorsOf('urgent', {}, 'urgent').map((e) => e.message)).to.deep.equal([
      '何が起きているかを1つ以上選んでください',
      'どのくらい急ぐかを選んでください',
      '町名を選ぶか、「現在地を使う」を押してください',
      '助けが必要な人を選んでください',
      '人数を入力してください',
      '連絡のしかたを選んでください',
    ]);
    const a: Answers = {situation: ['trapped'], urgency: 'today', 'location.geo': {latitude: 35.72, longitude: 139.55, accuracy_m: 20}, 'people.who': 'self', 'people.count': '1', 'contact.method': 'sms'};
    expect(errorsOf('urgent', a, 'urgent').map((e) => e.message)).to.deep.equal(['電話番号を入力してください']);
    expect(errorsOf('urgent', {...a, 'contact.method': 'none', 'people.count': '100'}, 'urgent').map((e) => e.field)).to.deep.equal(['people.count']);
  });
  it('the published examples pass', () => {
    for (const x of [REGISTER_EXAMPLE, URGENT_EXAMPLE]) {
      expect(validateAll(ctx(), x.mode, answersOf(def, x.mode, x))).to.deep.equal([]);
    }
  });
});

describe('help form: the definition drives the engine', () => {
  const now = new Date('2026-04-01T00:00:00Z');
  it('messages come from the definition, in the reading mode, with readings in Japanese', () => {
    const person = step('person', {});
    const easy = validateStep({def, data, locale: 'ja-x-easy'}, person, {}, now);
    expect(easy[0]!.message).to.contain('《');
    expect(plainText(easy[0]!.message)).to.equal(plainText(`${def.modes.register.steps[3]!.fields![0]!.label['ja-x-easy']}を ｜書《か》いて ください`));
    const en = validateStep({def, data, locale: 'en'}, person, {}, now).map((e) => e.message);
    expect(en.slice(0, 3)).to.deep.equal(['Enter full name', 'Enter name in kana (furigana)', 'Enter date of birth']);
    // "1人目の名前": a group that prefixes its fields' names.
    expect(validateStep({def, data, locale: 'en'}, step('emergency', {}), {}, now)[0]!.message).to.equal('Enter name (Person 1)');
  });
  it('an edited definition changes the form without code: a label, a condition, a requirement', () => {
    const edited = structuredClone(def);
    const who = edited.modes.register.steps.find((s) => s.id === 'who')!;
    who.fields!.find((f) => f.key === 'proxy.name')!.label.ja = '代わりに書く人の名前';
    const c: Ctx = {def: edited, data, locale: 'ja'};
    const proxyStep = shown(edited.modes.register, {filled_by: 'proxy'}).find((s) => s.id === 'who')!;
    expect(plainText(validateStep(c, proxyStep, {filled_by: 'proxy'}, now)[0]!.message)).to.equal('代わりに書く人の名前を入力してください');
    // The proxy's fields apply only to a proxy: hidden, they are neither checked nor sent.
    const selfStep = shown(edited.modes.register, {filled_by: 'self'}).find((s) => s.id === 'who')!;
    expect(selfStep.fields!.map((f) => f.key)).to.deep.equal(['filled_by']);
    const sent = buildPayload(edited, 'register', {filled_by: 'self', 'proxy.name': '花子'}, {id: uuid(), createdAt: 'x', locale: 'ja'});
    expect('proxy' in sent).to.equal(false);
    // `not` turns a condition round; a list holds when any condition does.
    expect(holds({key: 'filled_by', in: ['proxy'], not: true}, {})).to.equal(true);
    expect(holds({key: 'filled_by', in: ['proxy'], not: true}, {filled_by: 'proxy'})).to.equal(false);
    expect(holds([{key: 'a', in: ['x']}, {key: 'b', in: ['y']}], {b: ['z', 'y']})).to.equal(true);
    // Making the sex question required needs only the definition.
    edited.modes.register.steps.find((s) => s.id === 'person')!.fields!.find((f) => f.key === 'person.sex')!.required = true;
    const person = shown(edited.modes.register, {}).find((s) => s.id === 'person')!;
    expect(validateStep(c, person, {}, now).map((e) => e.field)).to.include('person.sex');
  });
});

describe('help form: model', () => {
  it('flags residents the city lists automatically (criteria ア–エ) and life risk', () => {
    expect(autoListed({'eligibility.criteria': ['elderly_household']})).to.equal(false);
    expect(autoListed({'eligibility.criteria': ['elderly_household', 'mental_certificate_1']})).to.equal(true);
    expect(shown(def.modes.register, {'eligibility.criteria': ['care_level_3_plus']}).map((s) => s.id)).to.include('listed');
    expect(shown(def.modes.register, {'eligibility.criteria': ['other']}).map((s) => s.id)).to.not.include('listed');
    expect(lifeRisk({urgency: 'life_threatening'})).to.equal(true);
    expect(lifeRisk({situation: ['supplies', 'trapped'], urgency: 'not_urgent'})).to.equal(true);
    expect(lifeRisk({situation: ['supplies'], urgency: 'today'})).to.equal(false);
  });
  it('offers the town\'s shelters first, with welfare shelters, and the nearest by device location', () => {
    const near = nearShelters(data, 'town-minamicho');
    expect(near.length).to.be.greaterThan(0);
    expect(near.filter(([s]) => s.town_id === 'town-minamicho').length).to.equal(data.shelters.filter((s) => s.kind === 'shelter' && s.town_id === 'town-minamicho').length);
    expect(near.every(([s]) => s.kind === 'shelter')).to.equal(true);
    const at = {latitude: 35.7255, longitude: 139.5383, accuracy_m: 10};
    const byGeo = nearShelters(data, '', at, 5);
    const d = byGeo.map(([, m]) => m!);
    expect(d).to.deep.equal([...d].sort((x, y) => x - y));
    expect(haversine(35.7, 139.5, 35.7, 139.5)).to.equal(0);
    expect(Math.round(haversine(35.0, 139.0, 36.0, 139.0) / 1000)).to.equal(111);
  });
});

describe('help form: payload', () => {
  it('makes UUID v4 ids, also without crypto.randomUUID', () => {
    expect(isUuid(uuid())).to.equal(true);
    const original = crypto.randomUUID;
    try {
      (crypto as {randomUUID?: unknown}).randomUUID = undefined;
      const id = uuid();
      expect(isUuid(id)).to.equal(true);
      expect(id).to.not.equal(uuid());
    } finally {
      crypto.randomUUID = original;
    }
  });
  it('sends only what applies: no proxy for self, numbers as numbers, every consent group', () => {
    const a = answersOf(def, 'register', REGISTER_EXAMPLE);
    a.filled_by = 'self';
    const p = buildPayload(def, 'register', a, {id: REGISTER_EXAMPLE.id, createdAt: REGISTER_EXAMPLE.created_at, locale: 'ja'});
    expect('proxy' in p).to.equal(false);
    expect(p.mode === 'register' && p.address.chome).to.equal(5);
    expect(p.mode === 'register' && Object.keys(p.consent)).to.have.length(7);
    expect(JSON.stringify(p)).to.not.contain('postal');
  });
  it('closes up contact lists and leaves out empty answers', () => {
    const p = buildPayload(def, 'register', {'supporters.1.name': '次郎', 'supporters.1.phone': '042-000-0000', 'person.name': ''}, {id: uuid(), createdAt: 'x', locale: 'ja'});
    expect(p.mode === 'register' && p.supporters).to.deep.equal([{name: '次郎', phone: '042-000-0000'}]);
    expect(p.mode === 'register' && p.person).to.equal(undefined);
  });
});

describe('help form: answers as the resident changes them', () => {
  const steps = () => shown(def.modes.register, {});
  it('a new town clears the 丁目 and shelter of the old one; a checkbox adds or removes its value', () => {
    const before: Answers = {'address.town_id': 'town-minamicho', 'address.chome': '5', preferred_shelter_id: 'x'};
    const after = changeAnswer(steps(), before, {name: 'address.town_id', value: 'town-yatocho', control: 'choice'})!;
    expect(after).to.include({'address.town_id': 'town-yatocho', 'address.chome': '', preferred_shelter_id: ''});
    expect(before['address.chome']).to.equal('5', 'the answers given are not changed');
    const ticked = changeAnswer(steps(), {'needs.reasons': ['walking']}, {name: 'needs.reasons', value: 'vision', control: 'checkbox', checked: true})!;
    expect(ticked['needs.reasons']).to.deep.equal(['walking', 'vision']);
    const unticked = changeAnswer(steps(), ticked, {name: 'needs.reasons', value: 'walking', control: 'checkbox', checked: false})!;
    expect(unticked['needs.reasons']).to.deep.equal(['vision']);
  });
  it('a typed answer takes its canonical form, except while an IME composition is open; an unknown name changes nothing', () => {
    const typed = {name: 'person.name_kana', value: 'にしとう', control: 'typed'} as const;
    expect(changeAnswer(steps(), {}, typed)!['person.name_kana']).to.equal('ニシトウ');
    expect(changeAnswer(steps(), {'person.name_kana': 'にし'}, {...typed, composing: true})!['person.name_kana']).to.equal('にし');
    expect(changeAnswer(steps(), {}, {name: 'nowhere', value: 'x', control: 'typed'})).to.equal(undefined);
  });
});

describe('help form: a receiver\'s refusal', () => {
  it('goes to the step of the first error, with that step\'s errors, also for a path inside a field', () => {
    const steps = shown(def.modes.register, {filled_by: 'self'});
    const refused = refusedStep(steps, [
      {field: 'consent.police', message: 'A'},
      {field: 'contact.phone', message: 'B'},
      {field: 'consent', message: 'C'},
    ]);
    expect(refused).to.deep.equal({step: 'consent', errors: [{field: 'consent', message: 'A'}, {field: 'consent', message: 'C'}]});
  });
  it('a path that names no field shown goes to the last step, with no field', () => {
    const steps = shown(def.modes.register, {});
    expect(refusedStep(steps, [{field: 'proxy.name', message: 'X'}])).to.deep.equal({step: 'check', errors: [{field: '', message: 'X'}]});
  });
});

describe('help form: the table of field kinds', () => {
  it('every kind in the definition is in the table, and kinds with options are answered by choosing', () => {
    const kinds = new Set(Object.values(def.modes).flatMap((m) => m.steps.flatMap((s) => (s.fields ?? []).map((f) => f.kind))));
    for (const kind of kinds) expect(KINDS, kind).to.have.property(kind);
    for (const kind of Object.keys(KINDS) as FieldKind[]) if (KINDS[kind].options) expect(isChoice(kind), kind).to.equal(true);
  });
});
