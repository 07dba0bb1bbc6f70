import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import '../src/components/service-finder/define.js';

type Args = {query: string; need: string; audience: string; area: string; goal: string; src: string; headingLevel: number};

const meta: Meta<Args> = {
  title: 'Widgets/Service finder サービス検索',
  component: 'fukushi-service-finder',
  tags: ['autodocs'],
  args: {query: '', need: '', audience: '', area: '', goal: '', src: '', headingLevel: 2},
  render: (a) => html`<fukushi-service-finder
    query=${a.query || nothing}
    need=${a.need || nothing}
    audience=${a.audience || nothing}
    area=${a.area || nothing}
    goal=${a.goal || nothing}
    src=${a.src || nothing}
    heading-level=${a.headingLevel}
  ></fukushi-service-finder>`,
  parameters: {
    docs: {
      description: {
        component:
          '困りごと（需要）・対象・お住まいの町・計画の基本目標、または自分の言葉（「お金がない」「せいねんこうけん」「seinen kouken」）で、計画のサービスと相談窓口を探せます。結果には、対象と、相談窓口の電話番号・受付時間が出ます。\n\nResidents find the plan\'s services and desks by need, audience, town, plan goal or in their own words.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Before any query: services grouped by need, to browse. */
export const Initial: Story = {};
/** Results for everyday words. */
export const Results: Story = {args: {query: 'お金がない'}};
/** Reading typed as kana finds 成年後見制度. */
export const ResultsFromReading: Story = {args: {query: 'せいねんこうけん'}};
/** Nothing matches: suggestions and where to ask. */
export const NoResults: Story = {args: {query: 'ぱぴぷぺぽ'}};
/** Filters combined with a query. */
export const FiltersApplied: Story = {args: {query: '相談', need: 'need-child', audience: 'aud-parents'}};
/** A town chosen ("where do you live?") and a plan goal. */
export const TownAndGoal: Story = {args: {area: 'town-yagisawa', goal: 'goal-3'}};
/** While the data loads. */
export const Loading: Story = {args: {src: '/fukushi-test-hang/dataset.json'}};
/** The data cannot be used (and holds no sound number): the notice and a retry button. */
export const DataError: Story = {args: {src: '/fixtures/broken-dataset.json'}};
export const EasyJapanese: Story = {args: {query: 'お金'}, globals: {locale: 'ja-x-easy'}};
export const English: Story = {args: {query: 'rent'}, globals: {locale: 'en'}};
export const FuriganaOn: Story = {args: {query: 'ひきこもり'}, globals: {furigana: 'on'}};
