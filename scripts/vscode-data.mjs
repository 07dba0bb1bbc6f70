#!/usr/bin/env node
// Writes dist/vscode.html-custom-data.json from custom-elements.json, so VS Code completes the
// widgets' tags and attributes in HTML. Editors add to .vscode/settings.json:
//   "html.customData": ["./node_modules/fukushi-widgets/dist/vscode.html-custom-data.json"]
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const tags = [];
for (const module of manifest.modules) {
  for (const d of module.declarations ?? []) {
    if (!d.tagName) continue;
    tags.push({
      name: d.tagName,
      description: [d.summary, d.description].filter(Boolean).join('\n\n'),
      attributes: (d.attributes ?? []).map((a) => {
        const values = /^('[^']*'(\s*\|\s*'[^']*')+)$/.test(a.type?.text ?? '') ? a.type.text.split('|').map((v) => ({name: v.trim().replace(/'/g, '')})) : undefined;
        return {name: a.name, description: a.description ?? '', ...(values ? {values} : {})};
      }),
    });
  }
}
mkdirSync('dist', {recursive: true});
writeFileSync('dist/vscode.html-custom-data.json', JSON.stringify({version: 1.1, tags}, null, 2) + '\n');
console.log(`✔ dist/vscode.html-custom-data.json (${tags.length} tags)`);
