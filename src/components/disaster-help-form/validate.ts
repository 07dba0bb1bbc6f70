/**
 * Validation of the help form. Messages follow GOV.UK: say what to do, name the field, and
 * read the same in the error summary and beside the field. Validation checks answers, never
 * eligibility: nobody is turned away here.
 */
import {msg, str} from '@lit/localize';
import type {FieldError} from '../../core/outbox/types.js';
import type {Dataset} from '../../core/data/types.js';
import {PATTERNS, type HelpMode} from '../../core/help-request/types.js';
import type {Locale} from '../../core/prefs/prefs.js';
import {list, steps, str1, type Answers, type Field, type Step} from './model.js';

/** "Full name" → "full name" inside an English sentence; Japanese is unchanged. */
const lc = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

const filled = (a: Answers, f: Field) =>
  f.kind === 'date' ? ['year', 'month', 'day'].some((p) => str1(a, `${f.k}.${p}`)) : list(a, f.k).length > 0 || str1(a, f.k) !== '';

/** The date's parts as numbers, or null if it is not a real date. */
export function dateOf(a: Answers, k: string): Date | null {
  const [y, m, d] = ['year', 'month', 'day'].map((p) => str1(a, `${k}.${p}`));
  if (!/^\d{4}$/.test(y!) || !/^\d{1,2}$/.test(m!) || !/^\d{1,2}$/.test(d!)) return null;
  const date = new Date(Date.UTC(+y!, +m! - 1, +d!));
  return date.getUTCMonth() === +m! - 1 && date.getUTCDate() === +d! && +y! >= 1900 ? date : null;
}

function check(f: Field, a: Answers, step: Step, now: Date): string | undefined {
  // "1人目の名前": two contacts must not share one message.
  const label = lc(f.g && /\.\d\./.test(f.k) ? msg(str`${f.g}の${f.label}`) : f.label);
  const v = str1(a, f.k);
  const required =
    f.req === true || (f.req === 'group' && step.fields.some((o) => o.g === f.g && o !== f && filled(a, o)));
  if (!filled(a, f)) {
    if (f.k === 'location.town_id') return a['location.geo'] ? undefined : msg('町名を選ぶか、「現在地を使う」を押してください');
    if (step.id === 'contact' && f.k === 'contact.phone' && !['mobile', 'fax', 'email'].some((k) => str1(a, `contact.${k}`))) {
      return msg('電話、携帯電話、FAX、メールのうち、1つ以上を入力してください');
    }
    if (!required) return undefined;
    if (f.err) return f.err;
    if (f.kind === 'checks') return msg(str`${label}を1つ以上選んでください`);
    if (f.kind === 'select' || f.kind === 'radio') return msg(str`${label}を選んでください`);
    return msg(str`${label}を入力してください`);
  }
  if (f.max && v.length > f.max) return msg(str`${label}は${f.max}文字以内で入力してください`);
  switch (f.kind) {
    case 'tel':
      return new RegExp(PATTERNS.phone).test(v) ? undefined : msg(str`${label}は、0から始まる10けたか11けたの数字で入力してください`);
    case 'email':
      return new RegExp(PATTERNS.email).test(v) ? undefined : msg(str`${label}は、name@example.jp のような形で入力してください`);
    case 'kana':
      return new RegExp(PATTERNS.katakana).test(v) ? undefined : msg(str`${label}は、カタカナかひらがなで入力してください`);
    case 'num':
      return /^\d{1,2}$/.test(v) && +v > 0 ? undefined : msg(str`${label}は、1から99までの数字で入力してください`);
    case 'date': {
      const date = dateOf(a, f.k);
      if (!date) return msg(str`${label}は、実際にある日付を入力してください`);
      return date > now ? msg(str`${label}は、今日より前の日付を入力してください`) : undefined;
    }
  }
  if (f.opts) {
    const known = f.opts.map((o) => o[0]);
    if (!(Array.isArray(a[f.k]) ? list(a, f.k) : [v]).every((x) => known.includes(x))) return msg(str`${label}を、一覧から選んでください`);
  }
  return undefined;
}

/** Errors of one step, in the order of its fields. */
export function validateStep(step: Step, a: Answers, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of step.fields) {
    const message = check(f, a, step, now);
    if (message) errors.push({field: f.k, message});
  }
  return errors;
}

/** Every step's errors: `[step, errors]` for the steps that have any. */
export function validateAll(mode: HelpMode, a: Answers, data?: Dataset, locale: Locale = 'ja', now = new Date()): Array<[Step, FieldError[]]> {
  return steps(mode, a, data, locale)
    .map((s): [Step, FieldError[]] => [s, validateStep(s, a, now)])
    .filter(([, e]) => e.length);
}
