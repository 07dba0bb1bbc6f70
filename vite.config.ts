/**
 * Library builds.
 *   vite build              npm modules: one per widget plus index.js; lit and other
 *                           dependencies stay bare imports so the user's bundler dedupes them.
 *   vite build --mode cdn   dist/fukushi-widgets.js: one self-contained, minified ES module
 *                           with no bare imports, which defines every widget; translations and
 *                           on-demand features are chunks beside it (fw-*.js), loaded when used.
 * Every output file sits directly in dist/ so that `data/nishitokyo.json` resolves next to it.
 * Storybook reuses this file but ignores its `build` section.
 */
import {existsSync} from 'node:fs';
import {defineConfig} from 'vite';
import pkg from './package.json' with {type: 'json'};
import {viteBuiltinData} from './scripts/lib/dev-middleware.mjs';
import {minifyTemplates} from './scripts/lib/minify-templates.mjs';

const widgetEntries = {
  index: 'src/index.ts',
  'service-finder': 'src/components/service-finder/define.ts',
  'contact-card': 'src/components/contact-card/define.ts',
  'disaster-help-form': 'src/components/disaster-help-form/define.ts',
  'easy-summary': 'src/components/easy-summary/define.ts',
  'reading-controls': 'src/components/reading-controls/define.ts',
};

const external = Object.keys(pkg.dependencies ?? {});

export default defineConfig(({mode}) => {
  const entries = Object.fromEntries(
    Object.entries(widgetEntries).filter(([, file]) => existsSync(file)),
  );
  const cdn = mode === 'cdn';
  return {
    plugins: [viteBuiltinData(), minifyTemplates()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: true,
      minify: true,
      lib: cdn
        ? {entry: 'src/index.ts', formats: ['es'], fileName: () => 'fukushi-widgets.js'}
        : {entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js`},
      rolldownOptions: {
        external: cdn ? [] : (id: string) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
        // Chunks sit beside the entry; translations and on-demand features load only when used.
        output: {minify: true, chunkFileNames: cdn ? 'fw-[name]-[hash].js' : 'chunk-[name]-[hash].js'},
      },
    },
  };
});
