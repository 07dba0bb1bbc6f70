/**
 * Kanji as characters: what counts as one, on code points. Small on purpose; the grade table
 * (kanji-grades.ts) and the 常用 list (joyo-kanji.ts) load only where they are needed.
 */

/**
 * The single code point of `ch`, ignoring one trailing variation selector (IVS/SVS),
 * or undefined when `ch` is not exactly one character. Works on code points, so 𠮟 counts as one.
 */
export function baseChar(ch: string): string | undefined {
  const points = [...ch];
  if (points.length === 2 && isVariationSelector(points[1]!.codePointAt(0)!)) points.pop();
  return points.length === 1 ? points[0] : undefined;
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/**
 * True for one ideograph: CJK Unified Ideographs and all extensions (A, B and later), the
 * compatibility ideographs, plus 々 and 〆 which Japanese text uses inside kanji words.
 * Kangxi/CJK radicals (⽂, ⻌) are not ideographs; normalise text with NFKC first.
 */
export function isKanji(ch: string): boolean {
  const base = baseChar(ch);
  if (base === undefined) return false;
  const cp = base.codePointAt(0)!;
  return (
    cp === 0x3005 || // 々
    cp === 0x3006 || // 〆
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // Unified Ideographs
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs (﨑 U+FA11 etc.)
    (cp >= 0x20000 && cp <= 0x323af) // Extensions B–I and Compatibility Supplement (planes 2–3)
  );
}
