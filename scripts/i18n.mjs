#!/usr/bin/env node
// Translation helper for the XLIFF files in xliff/ (the files translators edit).
//   node scripts/i18n.mjs missing            lists units without a target, per locale
//   node scripts/i18n.mjs fill FILE.json     sets targets from {"<source text>": {"en": "…", "ja-x-easy": "…"}}
// Targets may hold lit-localize placeholders written as {0}, {1} … in the JSON.
import {readFileSync, writeFileSync} from 'node:fs';
import {parseXliff, LOCALE_FILES} from './lib/xliff.mjs';

const [command, file] = process.argv.slice(2);

if (command === 'missing') {
  let count = 0;
  for (const [locale, path] of Object.entries(LOCALE_FILES)) {
    for (const unit of parseXliff(readFileSync(path, 'utf8'))) {
      if (unit.target === undefined) {
        count++;
        console.log(`${locale}\t${unit.id}\t${unit.sourceText}`);
      }
    }
  }
  process.exit(count ? 1 : 0);
} else if (command === 'fill' && file) {
  const table = JSON.parse(readFileSync(file, 'utf8'));
  for (const [locale, path] of Object.entries(LOCALE_FILES)) {
    let xml = readFileSync(path, 'utf8');
    let filled = 0;
    for (const unit of parseXliff(xml)) {
      const wanted = table[unit.sourceText]?.[locale];
      if (wanted === undefined) continue;
      const escaped = wanted.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const target = escaped.replace(/\{(\d+)\}/g, (_, n) => unit.placeholders[Number(n)] ?? `{${n}}`);
      const replacement = `<source>${unit.sourceXml}</source>\n  <target>${target}</target>`;
      xml = xml.replace(unit.raw, unit.raw.replace(/<source>[\s\S]*?<\/source>(\s*<target>[\s\S]*?<\/target>)?/, replacement));
      filled++;
    }
    writeFileSync(path, xml);
    console.log(`${locale}: ${filled} targets set`);
  }
} else {
  console.error('usage: node scripts/i18n.mjs missing | fill FILE.json');
  process.exit(2);
}
