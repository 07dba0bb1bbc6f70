/**
 * Normalisers for the help form's typed answers, one per kind of field (field-kinds.ts). They run
 * when a field loses focus and on submit, never while an IME composition is open (the element
 * checks that). Residents may type full-width digits, spaces and any dash; the form stores one
 * canonical form.
 */

const DASHES = /[‐‑‒–—―−ー－ｰ─━]/g;

/** Full-width letters and digits to ASCII, half-width kana to full-width (NFKC), trimmed. */
export const nfkc = (s: string) => s.normalize('NFKC').trim();

/** Digits and hyphens: "０４２ー４６４ー１３１１", "042 464 1311" and "042(464)1311" → "042-464-1311". */
export function normalizePhone(s: string): string {
  return nfkc(s)
    .replace(DASHES, '-')
    .replace(/[()（）\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** 番地・号: "５丁目６番地１３号" or "5ー6ー13" → "5-6-13". */
export function normalizeBanchi(s: string): string {
  return nfkc(s)
    .replace(DASHES, '-')
    .replace(/\s+/g, '')
    .replace(/丁目|番地|番|の/g, '-')
    .replace(/号$/, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** フリガナ: hiragana → katakana, half-width → full-width; spaces become one ideographic space. */
export function normalizeKana(s: string): string {
  return nfkc(s)
    .replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, '　');
}

const ERAS: Record<string, number> = {明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018, M: 1867, T: 1911, S: 1925, H: 1988, R: 2018};

/** A year, also as 和暦: "昭和25", "S25", "平成元" → "1950", "1950", "1989". */
export function normalizeYear(s: string): string {
  const v = nfkc(s).replace(/\s+|年$/g, '');
  const era = /^(明治|大正|昭和|平成|令和|[MTSHR])(\d{1,2}|元)$/i.exec(v);
  return era ? String(ERAS[era[1]!.toUpperCase()]! + (era[2] === '元' ? 1 : Number(era[2]))) : v;
}

/** Whole numbers: "１２" → "12". */
export const normalizeNumber = (s: string) => nfkc(s).replace(/\s+/g, '');

/** Free text and names: NFKC would change meaning of some symbols, so only trim and fold runs of spaces. */
export const normalizeText = (s: string) => s.trim().replace(/[ \u3000]{2,}/g, ' ');

export const normalizeEmail = (s: string) => nfkc(s).replace(/\s+/g, '').replace(/＠/g, '@');
