import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import '../src/components/reading-controls/define.js';

const meta: Meta = {
  title: 'Widgets/Reading controls ことば・ふりがな',
  component: 'fukushi-reading-controls',
  tags: ['autodocs'],
  render: () => html`<fukushi-reading-controls></fukushi-reading-controls>`,
  parameters: {
    docs: {
      description: {
        component:
          '表示する言葉（日本語・やさしい日本語・English）とふりがなを切り替えます。選んだ設定はページ上のすべてのウィジェットにすぐ反映され、この端末に記憶されます。各ウィジェットにも同じ切り替えがあります。\n\nSwitches the reading mode and furigana of every widget on the page; the choice is remembered on this device.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Default: Story = {};
export const EasyJapanese: Story = {globals: {locale: 'ja-x-easy'}};
export const English: Story = {globals: {locale: 'en'}};
export const FuriganaOn: Story = {globals: {furigana: 'on'}};
