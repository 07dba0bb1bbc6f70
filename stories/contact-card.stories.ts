import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import '../src/components/contact-card/define.js';
import {builtinDatasetUrl} from '../src/core/data/loader.js';
import type {Dataset} from '../src/core/data/types.js';

interface Args {
  desk?: string;
  src?: string;
  compact?: boolean;
  headingLevel?: number;
  structuredData?: boolean;
  /** A fixed Tokyo time for the status line, so the story never depends on the real clock. */
  now?: string;
}

/** Friday 27 November 2026, 15:00 in Tokyo: ほっとルーム is open (14:00–20:00). */
const FRIDAY_AFTERNOON = '2026-11-27T15:00:00+09:00';

const meta: Meta<Args> = {
  title: 'Widgets/Contact card 相談窓口カード',
  component: 'fukushi-contact-card',
  tags: ['autodocs'],
  args: {desk: 'desk-hotroom', now: FRIDAY_AFTERNOON, compact: false, headingLevel: 3, structuredData: false},
  argTypes: {
    now: {control: 'text', description: 'For stories and tests only: the instant the status is shown for (ISO string).'},
  },
  render: ({desk, src, compact, headingLevel, structuredData, now}) =>
    html`<fukushi-contact-card
      desk=${desk ?? nothing}
      src=${src ?? nothing}
      ?compact=${compact}
      heading-level=${headingLevel ?? 3}
      ?structured-data=${structuredData}
      .now=${now}
    ></fukushi-contact-card>`,
  parameters: {
    docs: {
      description: {
        component:
          '相談窓口を1つ、電話・FAX・メール・来所の情報と受付時間（東京時間の「受付中」表示つき）で表示します。`desk` にデータセットの窓口 ID を、またはパートナー自身の窓口を `name` `phone` `fax` `email` `address` `url` `hours` で指定します。\n\n' +
          'One consultation desk, ready to call, write or visit. Status stories pass a fixed `now` so that they never depend on the real clock.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A copy of the built-in dataset with some facts marked unverified, as a blob: URL. */
async function datasetWithUnverifiedFacts() {
  const data = (await (await fetch(builtinDatasetUrl())).json()) as Dataset;
  const desk = data.locations.find((l) => l.id === 'desk-chiiki-kyosei')!;
  desk.phones.find((p) => p.type === 'fax')!.x_jp = {status: 'unverified', note: 'story: not confirmed by any source'};
  desk.x_jp.contact = {status: 'unverified'};
  return URL.createObjectURL(new Blob([JSON.stringify(data)], {type: 'application/json'}));
}

export const Open: Story = {};

export const OpensLaterToday: Story = {args: {now: '2026-11-27T09:00:00+09:00'}};

export const Closed: Story = {args: {now: '2026-11-28T17:00:00+09:00'}};

/** 勤労感謝の日 (Monday 23 November 2026). */
export const Holiday: Story = {args: {now: '2026-11-23T15:00:00+09:00'}};

/** 振替休日 (Wednesday 6 May 2026). */
export const SubstituteHoliday: Story = {args: {now: '2026-05-06T15:00:00+09:00'}};

export const YearEnd: Story = {args: {now: '2026-12-30T15:00:00+09:00'}};

/** A desk without opening hours in the dataset: no status line. */
export const NoHours: Story = {args: {desk: 'desk-chiiki-kyosei'}};

/** Facts from old sources carry 「要確認」. */
export const DatedData: Story = {args: {desk: 'desk-seikatsu-support', now: '2026-11-27T10:00:00+09:00'}};

/** The FAX and email are unverified in this copy of the dataset, so they are not shown. */
export const UnverifiedData: Story = {
  args: {desk: 'desk-chiiki-kyosei'},
  loaders: [async () => ({src: await datasetWithUnverifiedFacts()})],
  render: ({desk, now}, {loaded}) =>
    html`<fukushi-contact-card desk=${desk!} src=${(loaded as {src: string}).src} .now=${now}></fukushi-contact-card>`,
};

/** A desk with no phone of its own: residents are sent to the city's main number. */
export const NoPhone: Story = {args: {desk: 'desk-fukushi-marugoto'}};

/** A dataset that cannot be used and holds no sound number: the editor's own HTML and a retry button. */
export const LoadError: Story = {
  render: () => html`<fukushi-contact-card desk="desk-hotroom" src="/fixtures/broken-dataset.json">
    <p>子ども相談室 ほっとルーム　電話 <a href="tel:0120910977">0120-9109-77</a>（無料）</p>
  </fukushi-contact-card>`,
};

/**
 * A partner town's dataset (the fictional かもめ市) that cannot be read: no number is known, so
 * residents get the page's own content and a retry button, never another town's number.
 */
export const PartnerDataFails: Story = {
  render: () => html`<fukushi-contact-card desk="desk-soudan" src="/fixtures/not-json.json">
    <p>かもめ市 福祉相談窓口（架空の市）　電話 <a href="tel:0120000000">0120-000-000</a></p>
  </fukushi-contact-card>`,
};

/** A partner town's dataset with errors whose fallback number is sound: residents get that number. */
export const PartnerDataFailsKeepsNumber: Story = {
  render: () => html`<fukushi-contact-card desk="desk-soudan" src="/fixtures/partner-broken.json">
    <p>かもめ市 福祉相談窓口（架空の市）</p>
  </fukushi-contact-card>`,
};

/** Still loading (the request never settles): the editor's own HTML stays visible. */
export const Loading: Story = {
  render: () => html`<fukushi-contact-card desk="desk-hotroom" src="/fixtures/fukushi-test-hang.json">
    <p>子ども相談室 ほっとルーム　電話 <a href="tel:0120910977">0120-9109-77</a>（無料）</p>
  </fukushi-contact-card>`,
};

/** An id that is not in the dataset: the console names it and lists the valid ids. */
export const UnknownDesk: Story = {
  render: () => html`<fukushi-contact-card desk="desk-nowhere">
    <p>窓口　電話 <a href="tel:0424641311">042-464-1311</a></p>
  </fukushi-contact-card>`,
};

/** A partner's own desk from attributes: no dataset is loaded. */
export const InlineDesk: Story = {
  render: () => html`<fukushi-contact-card
    name="ひばりが丘 地域相談室"
    phone="042-111-2222"
    fax="042-111-3333"
    email="soudan@example.jp"
    address="〒202-0001 東京都西東京市ひばりが丘1-1-1"
    url="https://example.jp/soudan"
    hours="Mo,We,Fr 10:00-16:00; Sa 10:00-12:00; PH off; Dec 29-Jan 03 off"
    .now=${FRIDAY_AFTERNOON}
  ></fukushi-contact-card>`,
};

/** A syntax error in `hours`: editors see it in the console (and with ?fukushi-debug), residents see no hours. */
export const InlineHoursError: Story = {
  render: () => html`<fukushi-contact-card name="ひばりが丘 地域相談室" phone="042-111-2222" hours="Mon-Fri 9-5"></fukushi-contact-card>`,
};

export const Compact: Story = {args: {compact: true, headingLevel: 4}};

/**
 * Writes schema.org JSON-LD into the light DOM (inspect the element to see it). Its code loads only
 * when `structured-data` is set, and the script text goes through the Trusted Types policy `fukushi-widgets`.
 */
export const StructuredData: Story = {args: {desk: 'desk-chiiki-kyosei', structuredData: true}};

export const EasyJapanese: Story = {globals: {locale: 'ja-x-easy', furigana: 'on'}};

export const EasyJapaneseWithoutFurigana: Story = {globals: {locale: 'ja-x-easy', furigana: 'off'}};

export const English: Story = {globals: {locale: 'en'}};

export const EnglishHoliday: Story = {args: {now: '2026-11-23T15:00:00+09:00'}, globals: {locale: 'en'}};
