import type {Meta, StoryObj} from '@storybook/web-components-vite';
import '../src/components/disaster-help-form/define.js';
import type {FukushiDisasterHelpForm} from '../src/components/disaster-help-form/disaster-help-form.js';
import {REGISTER_EXAMPLE, URGENT_EXAMPLE} from '../src/core/help-request/schema.js';
import type {HelpRequest} from '../src/core/help-request/types.js';

// Stories never reach a network: endpoints under /fukushi-story/ are answered here.
//   …/ok       201 with a receipt      …/offline  a network error (the request is queued)
//   …/reject   422 with field errors
const STUB = '/fukushi-story/';
const w = window as Window & {__fukushiStoryFetch?: boolean};
if (!w.__fukushiStoryFetch) {
  w.__fukushiStoryFetch = true;
  const next = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes(STUB)) return next(input, init);
    if (url.includes('offline')) throw new TypeError('Failed to fetch');
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});
    if (url.includes('reject')) {
      return json(422, {errors: [{field: 'person.name_kana', message: 'フリガナを確認してください（受付システムからのお知らせ）'}]});
    }
    return json(201, {receipt: 'NT-2026-000123'});
  };
}

interface Setup {
  mode?: 'register' | 'urgent';
  endpoint?: string;
  src?: string;
  formSrc?: string;
  step?: string;
  data?: HelpRequest;
  submit?: boolean;
  loading?: boolean;
}

/** Each story gets its own element id, so its draft on the device is its own. */
function make(name: string, s: Setup) {
  return () => {
    const el = document.createElement('fukushi-disaster-help-form') as FukushiDisasterHelpForm;
    el.id = `story-${name}`;
    if (s.mode) el.mode = s.mode;
    if (s.endpoint !== undefined) el.endpoint = s.endpoint;
    if (s.src) el.src = s.src;
    if (s.formSrc) el.formSrc = s.formSrc;
    if (s.data) el.data = structuredClone(s.data);
    if (s.step) el.step = s.step;
    if (s.submit) void el.submit();
    // The loading state never ends: tell the test harness it has rendered all it will.
    if (s.loading) Object.defineProperty(el, 'ready', {value: Promise.resolve()});
    return el;
  };
}

const OK = `${STUB}ok`;
const partial = (keep: Array<keyof typeof REGISTER_EXAMPLE>) =>
  Object.fromEntries(Object.entries(REGISTER_EXAMPLE).filter(([k]) => ['schema_version', 'id', 'mode', 'created_at', 'locale', ...keep].includes(k))) as unknown as HelpRequest;

const meta: Meta = {
  title: 'Widgets/Disaster help form 災害のときの支援',
  component: 'fukushi-disaster-help-form',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '災害時要援護者の事前登録（mode="register"、1ページに1つの話題、確認ページ、受付番号）と、いま助けが必要なときの依頼（mode="urgent"、1画面、命の危険があるときは119番・110番を先に表示）。入力はこの端末に保存され、送信はオフラインの送信待ちを通ります。質問と文言はフォーム定義（data/help-form.json、`form-src`）から読み込みます。\n\nPre-registration for help in a disaster, and a one-screen request for help now. Answers are kept on the device; submissions go through the offline outbox. Questions and wording come from the form definition (data/help-form.json, `form-src`).',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const step = (name: string, data?: HelpRequest): Story => ({render: make(`register-${name}`, {endpoint: OK, step: name, ...(data ? {data} : {})})});

// ---- register ---------------------------------------------------------------------------

/** The first question: who the registration is for (eligibility, never used to turn anyone away). */
export const RegisterEligibility: Story = step('eligibility');
/** A resident who meets 避難行動要支援者 criteria ア–エ: the city lists them without an application. */
export const RegisterAutoListed: Story = step('listed', {...partial([]), eligibility: {criteria: ['care_level_3_plus']}} as HelpRequest);
/** Filled in by someone else: the proxy's name, relationship and phone. */
export const RegisterWho: Story = step('who', partial(['eligibility', 'filled_by', 'proxy']));
export const RegisterPerson: Story = step('person', partial(['eligibility', 'filled_by', 'proxy']));
/** Town → 丁目 → 番地; the postal code follows from the town. */
export const RegisterAddress: Story = step('address', partial(['eligibility', 'filled_by', 'address']));
export const RegisterContact: Story = step('contact');
export const RegisterHousehold: Story = step('household');
export const RegisterReasons: Story = step('reasons');
export const RegisterNeeds: Story = step('needs');
export const RegisterEmergencyContacts: Story = step('emergency');
export const RegisterSupporters: Story = step('supporters');
/** Shelters near the chosen town; welfare shelters show who they take in. */
export const RegisterShelter: Story = step('shelter', partial(['eligibility', 'filled_by', 'address']));
/** One unticked checkbox per recipient group, the disclaimer and the privacy notice. */
export const RegisterConsent: Story = step('consent');
/** Continue pressed with missing and malformed answers: the error summary and inline messages. */
export const RegisterErrors: Story = {
  render: make('register-errors', {
    endpoint: OK,
    data: {...partial(['eligibility', 'filled_by', 'proxy']), person: {name: '', name_kana: 'Taro', birth_date: '2090-01-01'}} as HelpRequest,
    submit: true,
  }),
};
export const RegisterCheckAnswers: Story = step('check', REGISTER_EXAMPLE);
/** Delivered: the receipt number and what happens next. */
export const RegisterReceipt: Story = {render: make('register-receipt', {endpoint: OK, data: REGISTER_EXAMPLE, submit: true})};
/** Offline: saved on the device, sent when the network is back; phone numbers meanwhile. */
export const RegisterQueued: Story = {
  render: make('register-queued', {endpoint: `${STUB}offline`, data: {...REGISTER_EXAMPLE, id: '3d0f6a52-1c2b-4e8f-9a7d-6b5c4e3f2a10'}, submit: true}),
};
/** The receiver refused an answer: back to that field with its message. */
export const RegisterRejected: Story = {
  render: make('register-rejected', {endpoint: `${STUB}reject`, data: {...REGISTER_EXAMPLE, id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'}, submit: true}),
};
/** No endpoint set: residents get the phone number, editors a console message. */
export const RegisterNoEndpoint: Story = {render: make('register-no-endpoint', {})};

// ---- urgent -----------------------------------------------------------------------------

export const UrgentEmpty: Story = {render: make('urgent-empty', {mode: 'urgent', endpoint: OK})};
/** 命の危険がある: 119 and 110 first, above the form. */
export const UrgentLifeThreatening: Story = {
  render: make('urgent-life', {
    mode: 'urgent',
    endpoint: OK,
    data: {...URGENT_EXAMPLE, urgency: 'life_threatening', situation: ['trapped'], location: {town_id: 'town-yagisawa', chome: 3}},
  }),
};
export const UrgentErrors: Story = {render: make('urgent-errors', {mode: 'urgent', endpoint: OK, submit: true})};
/** With a town chosen, the nearest shelters. */
export const UrgentFilled: Story = {render: make('urgent-filled', {mode: 'urgent', endpoint: OK, data: URGENT_EXAMPLE})};
export const UrgentQueued: Story = {
  render: make('urgent-queued', {mode: 'urgent', endpoint: `${STUB}offline`, data: {...URGENT_EXAMPLE, id: '5c4b3a29-1807-4f6e-9d5c-4b3a29180766'}, submit: true}),
};
export const UrgentReceipt: Story = {render: make('urgent-receipt', {mode: 'urgent', endpoint: OK, data: URGENT_EXAMPLE, submit: true})};
/** No endpoint: 119, 110 and the city's number instead of a form that cannot send. */
export const UrgentNoEndpoint: Story = {render: make('urgent-no-endpoint', {mode: 'urgent'})};

// ---- both -------------------------------------------------------------------------------

/** While the dataset loads. */
export const Loading: Story = {render: make('loading', {endpoint: OK, src: '/fukushi-test-hang/dataset.json', loading: true})};
/** The dataset cannot be used (and holds no sound number): 119 and 110, the notice and a retry button. */
export const DataError: Story = {render: make('data-error', {mode: 'urgent', endpoint: OK, src: '/fixtures/broken-dataset.json'})};
/**
 * A town's own dataset (the fictional かもめ市) without a form definition of its own: the form is
 * not available there yet, and residents get the town's number; Nishitokyo's rules never apply.
 */
export const TownWithoutForm: Story = {render: make('town-without-form', {endpoint: OK, src: '/fixtures/partner-town.json'})};
/** The same in urgent mode: 119 and 110 first, then the town's number. */
export const UrgentTownWithoutForm: Story = {render: make('urgent-town-without-form', {mode: 'urgent', endpoint: OK, src: '/fixtures/partner-town.json'})};
/** The form definition (form-src) cannot be used: the phone numbers instead, 119 and 110 first in urgent mode. */
export const DefinitionError: Story = {render: make('definition-error', {mode: 'urgent', endpoint: OK, formSrc: '/fixtures/not-json.json'})};
export const EasyJapanese: Story = {...RegisterPerson, globals: {locale: 'ja-x-easy'}};
export const English: Story = {...UrgentLifeThreatening, globals: {locale: 'en'}};
