// A small reader for the XLIFF 1.2 files lit-localize writes (one trans-unit per message).
export const LOCALE_FILES = {'ja-x-easy': 'xliff/ja-x-easy.xlf', en: 'xliff/en.xlf'};

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function parseXliff(xml) {
  const units = [];
  for (const match of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const [raw, id, body] = match;
    const sourceXml = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const targetXml = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
    const placeholders = [...sourceXml.matchAll(/<x [^>]*\/>/g)].map((m) => m[0]);
    // Placeholders shown as {0}, {1} … so a source reads like the template it came from.
    let n = 0;
    const sourceText = decode(sourceXml.replace(/<x [^>]*\/>/g, () => `{${n++}}`));
    units.push({id, raw, sourceXml, sourceText, targetXml, target: targetXml === undefined ? undefined : decode(targetXml), placeholders});
  }
  return units;
}
