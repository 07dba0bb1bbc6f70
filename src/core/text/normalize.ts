/**
 * Japanese normalisation for search. The same function runs on the index and on the query,
 * so ｾｲﾈﾝｺｳｹﾝ, せいねんこうけん, seinen kouken and 成年後見 (through its reading) meet.
 *   1. NFKC: full-width ASCII, half-width kana, ① …
 *   2. what NFKC leaves: dashes and tildes, ヶ/ヵ, old and variant kanji (髙 﨑 …)
 *   3. katakana → hiragana, keeping ー; lower-case Latin; one space between words
 * `looseKey` folds further, for recall: no ー and no long vowels (ケアマネージャー = ケアマネジャー).
 * `romajiToHiragana` reads "seinen kouken" as せいねんこうけん.
 */

const VARIANT_KANJI: Record<string, string> = {
  髙: '高', 﨑: '崎', 德: '徳', 邊: '辺', 邉: '辺', 濵: '浜', 澤: '沢', 櫻: '桜', 廣: '広', 國: '国',
  會: '会', 學: '学', 號: '号', 體: '体', 關: '関', 區: '区', 兒: '児', 眞: '真', 惠: '恵', 實: '実',
  條: '条', 淺: '浅', 彌: '弥', 齋: '斎', 齊: '斉', 嶋: '島', 冨: '富', 槇: '槙', 﨔: '欅', 薗: '園',
};

const KANJI = /\p{Script=Han}/u;

export function normalizeForSearch(input: string): string {
  let s = input.normalize('NFKC').toLowerCase();
  s = s.replace(/[‐‑‒–—―−─━]/g, '-').replace(/[〜～]/g, '~');
  // ヶ/ヵ (and a full-size ケ between a word and a kanji, as in 霞ケ関) are read が/か.
  s = s.replace(/[ヶヵ]|ケ(?=\p{Script=Han})/gu, (c, offset: number) => {
    if (c === 'ヵ') return 'か';
    const before = s[offset - 1] ?? '';
    return c === 'ヶ' || KANJI.test(before) || /[ぁ-ゖ]/.test(before) ? 'が' : c;
  });
  s = s.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, (c) => VARIANT_KANJI[c] ?? c);
  s = s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  return s.replace(/ー{2,}/g, 'ー').replace(/\s+/g, ' ').trim();
}

// Kana by the vowel they end in, for folding long vowels.
const VOWEL_ROWS = ['あかがさざただなはばぱまやらわゃ', 'いきぎしじちぢにひびぴみり', 'うくぐすずつづぬふぶぷむゆるゅ', 'えけげせぜてでねへべぺめれ', 'おこごそぞとどのほぼぽもよろょ'];
const ROW_OF = new Map(VOWEL_ROWS.flatMap((row, i) => [...row].map((kana) => [kana, 'あいうえお'[i]!] as const)));
const rowOf = (ch: string) => ROW_OF.get(ch) ?? '';

/** A looser key: drops ー and vowels that only lengthen the one before (こう→こ, せい→せ). */
export function looseKey(normalized: string): string {
  let out = '';
  let previousRow = '';
  for (const ch of normalized) {
    if (ch === 'ー') continue;
    const lengthens =
      (previousRow === 'お' && (ch === 'う' || ch === 'お')) ||
      (previousRow === 'え' && (ch === 'い' || ch === 'え')) ||
      (previousRow === 'う' && ch === 'う') ||
      (previousRow === 'い' && ch === 'い') ||
      (previousRow === 'あ' && ch === 'あ');
    if (lengthens) continue;
    out += ch;
    previousRow = rowOf(ch);
  }
  return out;
}

// Romaji (Hepburn, Kunrei and keyboard spellings) to hiragana, longest match first.
const ROMAJI: Record<string, string> = {};
const GOJUON = 'あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわを';
'a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da di du de do na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro wa wo'
  .split(' ')
  .forEach((r, i) => (ROMAJI[r] = GOJUON[i]!));
// Other spellings of the same sounds, and sounds made of two kana.
for (const pair of 'si:し ti:ち tu:つ hu:ふ zi:じ nn:ん n\':ん fa:ふぁ fi:ふぃ fe:ふぇ fo:ふぉ je:じぇ che:ちぇ she:しぇ'.split(' ')) {
  const [r, k] = pair.split(':') as [string, string];
  ROMAJI[r] = k;
}
// Contracted sounds: kya, sha/sya, cha/tya, ja/zya/jya …
for (const group of 'ky:き gy:ぎ sh,sy:し j,zy,jy:じ ch,ty,cy:ち ny:に hy:ひ by:び py:ぴ my:み ry:り dy:ぢ'.split(' ')) {
  const [heads, kana] = group.split(':') as [string, string];
  for (const head of heads.split(',')) {
    ROMAJI[`${head}a`] = `${kana}ゃ`;
    ROMAJI[`${head}u`] = `${kana}ゅ`;
    ROMAJI[`${head}o`] = `${kana}ょ`;
  }
}
const MACRONS: Record<string, string> = {ā: 'aa', ī: 'ii', ū: 'uu', ē: 'ei', ō: 'ou', â: 'aa', î: 'ii', û: 'uu', ê: 'ei', ô: 'ou'};

/**
 * Reads a query typed in romaji. Returns null when the text is not romaji
 * (other scripts, or letters that do not form Japanese syllables such as "dv").
 */
export function romajiToHiragana(input: string): string | null {
  const s = input.toLowerCase().replace(/[āīūēōâîûêô]/g, (c) => MACRONS[c]!);
  if (!/^[a-z' -]+$/.test(s) || !/[a-z]/.test(s)) return null;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '-') {
      out += c === '-' ? 'ー' : ' ';
      i++;
      continue;
    }
    // Doubled consonant → small tsu (kk, tt, tch).
    if (c === s[i + 1] && /[bcdfghjkmpqrstvwxyz]/.test(c) && c !== 'n') {
      out += 'っ';
      i++;
      continue;
    }
    if (c === 't' && s.startsWith('tch', i)) {
      out += 'っ';
      i++;
      continue;
    }
    let matched = false;
    for (const len of [3, 2, 1]) {
      const chunk = s.slice(i, i + len);
      if (ROMAJI[chunk]) {
        out += ROMAJI[chunk];
        i += len;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // n before a consonant or at the end is ん.
    if (c === 'n' && !/[aiueoy]/.test(s[i + 1] ?? '')) {
      out += 'ん';
      i++;
      continue;
    }
    if (c === 'm' && /[bmp]/.test(s[i + 1] ?? '')) {
      out += 'ん';
      i++;
      continue;
    }
    return null;
  }
  // No Japanese word starts with ん: "npo" is an abbreviation, not romaji.
  return /(^|\s)ん/.test(out) ? null : out;
}
