import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing, type TemplateResult} from 'lit';
import '../src/components/easy-summary/define.js';

type Args = {section: string; headingLevel: number; furiganaGrade: number; openTerm: string; src: string};

const render = (a: Args, inner: TemplateResult | typeof nothing = nothing) => html`<fukushi-easy-summary
  section=${a.section || nothing}
  heading-level=${a.headingLevel}
  furigana-grade=${a.furiganaGrade || nothing}
  open-term=${a.openTerm || nothing}
  src=${a.src || nothing}
  >${inner}</fukushi-easy-summary
>`;

const meta: Meta<Args> = {
  title: 'Widgets/Easy summary やさしい日本語の概要',
  component: 'fukushi-easy-summary',
  tags: ['autodocs'],
  args: {section: '', headingLevel: 2, furiganaGrade: 0, openTerm: '', src: ''},
  argTypes: {furiganaGrade: {control: {type: 'select'}, options: [0, 1, 2, 3, 4, 5, 6]}},
  render: (a) => render(a),
  parameters: {
    docs: {
      description: {
        component:
          '第5期地域福祉計画の概要を、やさしい日本語（ふりがな付き）・日本語・英語で読めます。むずかしい言葉はボタンで、押すと説明が出ます（Esc で閉じる）。`section` で一部だけ、`heading-level` で見出しの深さ、`furigana-grade` で学年別のふりがな（その学年までに習う漢字にはふりがなを付けない）、`open-term` で最初から開く言葉を指定できます。日本語の声がある端末では「読み上げ」ボタンが出ます。\n\n' +
          '編集者は、要素の中に自分の文章を書けます（`<p>`、`<ul>`/`<ol>` と `<li>`、`<h2>`〜`<h6>`。`<template>` の中に入れると、読み込み前に生の文字が見えません）。ルビは ｜西東京市《にしとうきょうし》 の形で書きます。HTML としては読みません。\n\n' +
          'The plan summary in easy Japanese with furigana, standard Japanese or English; glossary popovers, grade-level furigana and optional read-aloud. Editors may write their own text in ruby notation inside the element.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The whole summary, as the demo page shows it. */
export const WholeSummary: Story = {};

// One story per top-level section.
export const About: Story = {args: {section: 'about'}};
export const Philosophy: Story = {args: {section: 'philosophy'}};
export const Levels: Story = {args: {section: 'levels'}};
export const Policies: Story = {args: {section: 'policies'}};
export const Priorities: Story = {args: {section: 'priorities'}};
export const Guardianship: Story = {args: {section: 'guardianship'}};
export const Reoffending: Story = {args: {section: 'reoffending'}};
export const Contact: Story = {args: {section: 'contact'}};
/** A nested section on a page whose outline already has h1–h3. */
export const NestedSectionAtLevel4: Story = {args: {section: 'goal-3', headingLevel: 4}};

// Each reading mode, and furigana on and off.
export const StandardJapanese: Story = {args: {section: 'about'}, globals: {locale: 'ja', furigana: 'off'}};
export const EasyJapanese: Story = {args: {section: 'about'}, globals: {locale: 'ja-x-easy', furigana: 'on'}};
export const EasyJapaneseFuriganaOff: Story = {args: {section: 'about'}, globals: {locale: 'ja-x-easy', furigana: 'off'}};
export const StandardJapaneseFuriganaOn: Story = {args: {section: 'about'}, globals: {locale: 'ja', furigana: 'on'}};
export const English: Story = {args: {section: 'about'}, globals: {locale: 'en'}};

// Grade-level furigana: only kanji not learned by the end of that school grade get a reading.
const grade = (furiganaGrade: number): Story => ({
  args: {section: 'guardianship', furiganaGrade},
  globals: {locale: 'ja-x-easy', furigana: 'on'},
});
export const FuriganaGrade1 = grade(1);
export const FuriganaGrade2 = grade(2);
export const FuriganaGrade3 = grade(3);
export const FuriganaGrade4 = grade(4);
export const FuriganaGrade5 = grade(5);
export const FuriganaGrade6 = grade(6);

/** A glossary explanation open (`open-term` takes the term's id or its text). */
export const GlossaryPopoverOpen: Story = {
  args: {section: 'about', openTerm: 'term-chiiki-kyosei-shakai'},
  globals: {locale: 'ja-x-easy', furigana: 'on'},
};

/** The editor's own easy text in the light DOM, in ruby notation (《=…》: names read by their reading). */
export const EditorText: Story = {
  globals: {locale: 'ja-x-easy', furigana: 'on'},
  render: (a) =>
    render(
      a,
      html`<h2>｜地域《ちいき》の ｜集《あつ》まり</h2>
        <p>｜柳沢《=やぎさわ》の ｜公民館《こうみんかん》で、 ｜成年後見《せいねんこうけん》 ｜制度《せいど》の ｜話《はなし》を ｜聞《き》く ｜会《かい》が あります。</p>
        <ul>
          <li>｜午後《ごご》2｜時《じ》から ｜午後《ごご》4｜時《じ》まで</li>
          <li>お｜金《かね》は かかりません</li>
        </ul>`,
    ),
};

/** The same in a <template>, which is never shown as raw notation before the script runs. */
export const EditorTextInTemplate: Story = {
  globals: {locale: 'ja-x-easy', furigana: 'on'},
  render: (a) =>
    render(
      a,
      html`<template
        ><h2>｜相談《そうだん》の ｜電話《でんわ》</h2>
        <p>わからない ことは、 ｜市役所《しやくしょ》に ｜電話《でんわ》して ください。</p></template
      >`,
    ),
};

/** While the data loads (this request never settles in Storybook). */
export const Loading: Story = {
  render: () => {
    const el = document.createElement('fukushi-easy-summary');
    el.setAttribute('src', '/fukushi-test-hang/dataset.json');
    // The loading state never ends: tell the test harness it has rendered all it will.
    Object.defineProperty(el, 'ready', {value: Promise.resolve()});
    return el;
  },
};
/** The data cannot be used (and holds no sound number): the notice and a retry button. */
export const DataError: Story = {args: {src: '/fixtures/broken-dataset.json'}};
/** A town's dataset without a plan (the fictional かもめ市): the summary says so, with the town's number. */
export const NoPlan: Story = {args: {src: '/fixtures/partner-town.json'}};
