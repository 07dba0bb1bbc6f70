import {setCustomElementsManifest, type Preview} from '@storybook/web-components-vite';
import customElements from '../custom-elements.json' with {type: 'json'};
import {setFurigana, setLocale} from '../src/core/prefs/api.js';

// Stories of the loading state point `src` at a URL containing "fukushi-test-hang":
// such requests never settle, so the widget stays in its loading state.
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  String(input instanceof Request ? input.url : input).includes('fukushi-test-hang')
    ? new Promise<Response>(() => {})
    : realFetch(input, init);

// Controls and docs come from the analyzer's output, like editors' tooling does.
setCustomElementsManifest(customElements);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: '表示する言葉 / Reading mode',
      toolbar: {
        title: 'locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          {value: 'ja', title: '日本語 (ja)'},
          {value: 'ja-x-easy', title: 'やさしい日本語 (ja-x-easy)'},
          {value: 'en', title: 'English (en)'},
        ],
      },
    },
    furigana: {
      description: 'ふりがな / Furigana',
      toolbar: {
        title: 'furigana',
        icon: 'paragraph',
        dynamicTitle: true,
        items: [
          {value: 'auto', title: 'furigana: auto'},
          {value: 'on', title: 'furigana: on'},
          {value: 'off', title: 'furigana: off'},
        ],
      },
    },
  },
  initialGlobals: {locale: 'ja', furigana: 'auto'},
  loaders: [
    async ({globals}) => {
      // Toolbar choices act like a resident's choice, without being remembered.
      const locale = (globals.locale ?? 'ja') as 'ja' | 'ja-x-easy' | 'en';
      setFurigana(globals.furigana === 'on' || (globals.furigana !== 'off' && locale === 'ja-x-easy'), {remember: false});
      await setLocale(locale, {remember: false});
      document.documentElement.lang = locale === 'en' ? 'en' : 'ja';
      return {};
    },
  ],
  parameters: {
    a11y: {test: 'error'},
    controls: {expanded: true},
    docs: {toc: true},
  },
};

export default preview;
