/**
 * The packages that only adding readings needs (build-data, build-help-form): kuromoji reads
 * words, kanji splits a word's reading over its kanji. They are optional peer dependencies, so
 * that sites that only embed the widgets never download a dictionary; the other commands run
 * without them. Loaded on first use, with one message that says how to install both.
 */
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

export const READING_PACKAGES = 'kuromoji@0.1.2 kanji@0.19.3';

/** `require(name)`, or an error that tells the editor which packages to install. */
export function requireReadingPackage<T>(name: 'kuromoji' | 'kanji'): T {
  try {
    return require(name) as T;
  } catch {
    throw new Error(
      `adding readings needs the ${name} package, which is not installed. ` +
        `Run \`npm install --save-dev ${READING_PACKAGES}\` in this folder, then run the command again.`,
    );
  }
}

/** The folder of an installed package (kuromoji's dictionary lives there). */
export const packageFolder = (name: string) => require.resolve(`${name}/package.json`).replace(/[\\/]package\.json$/, '');
