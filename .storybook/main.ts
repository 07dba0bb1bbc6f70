import type {StorybookConfig} from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|js)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  // The built dataset where bundled widgets look for it (next to their module), and test fixtures.
  staticDirs: [
    {from: '../dist/data', to: '/assets/data'},
    {from: '../stories/fixtures', to: '/fixtures'},
  ],
  docs: {defaultName: 'ドキュメント'},
};

export default config;
