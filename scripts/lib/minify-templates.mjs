// Minifies the HTML and CSS inside Lit's html`` and css`` templates at build time (Lit never
// minifies them itself). Whitespace is collapsed conservatively: a run that contained a newline
// becomes one space, so inline text keeps its spacing.
import {minifyHTMLLiterals} from 'minify-literals';

export function minifyTemplates() {
  return {
    name: 'fukushi-minify-templates',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0];
      if (!/\/src\/.*\.ts$/.test(file) || !/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, {
        fileName: file,
        html: {
          caseSensitive: true,
          collapseWhitespace: true,
          conservativeCollapse: true,
          removeComments: true,
          decodeEntities: false,
          removeAttributeQuotes: false,
          removeEmptyAttributes: false,
          minifyCSS: {minify: true},
          minifyJS: false,
        },
      });
      return result ? {code: result.code, map: result.map} : null;
    },
  };
}
