/** Japanese phone numbers: as printed, as a tel: link, and as digits a screen reader reads one by one. */

/** Full-width digits and any dash become ASCII, as printed in Japan: 042-464-1311. */
export function normalizePhone(number: string): string {
  return number
    .normalize('NFKC')
    .replace(/[‐‑‒–—―−ー－]/g, '-')
    .replace(/\s+/g, '');
}

export function telHref(number: string): string {
  return `tel:${normalizePhone(number).replace(/[^0-9+]/g, '')}`;
}

/**
 * "042-464-1311" → "0 4 2、4 6 4、1 3 1 1": digits apart so they are read one by one,
 * groups kept apart so the rhythm matches the printed number.
 */
export function spokenDigits(number: string, lang: 'ja' | 'en'): string {
  const groups = normalizePhone(number)
    .split('-')
    .map((g) => [...g.replace(/[^0-9]/g, '')].join(' '))
    .filter(Boolean);
  return groups.join(lang === 'ja' ? '、' : ', ');
}
