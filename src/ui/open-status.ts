/**
 * A desk's "open now" line in Tokyo time, in words and a symbol (never colour alone):
 * 受付中（17:00まで）, 受付時間外（明日 8:30から）, and why a whole day is closed. Its code comes
 * with the opening-hours code, which widgets load after their first render (ui/lazy.ts).
 */
import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {clock, nextOpeningText} from '../core/hours/format.js';
import type {OpenStatus} from '../core/hours/status.js';
import type {Locale} from '../core/prefs/prefs.js';

/** The line as a paragraph (`notice status`, `success` when open); `after` follows it (a 要確認 badge). */
export function openStatusLine(status: OpenStatus, locale: Locale, render: (notation: string) => unknown, after: unknown = nothing) {
  const {state, closes, next, reason} = status;
  if (state === 'unknown') return nothing;
  // Closing later today: 17:00; on another day (open past midnight): 明日 2:00.
  const until = closes && (closes.daysAhead ? nextOpeningText(closes, locale) : clock(closes.time.minutes, locale));
  const line =
    state === 'open'
      ? until
        ? msg(str`受付中（${until}まで）`)
        : msg('受付中（24時間）')
      : next
        ? msg(str`受付時間外（${nextOpeningText(next, locale)}から）`)
        : msg('受付時間外');
  const why =
    reason === 'holiday'
      ? msg('本日は祝日のため休みです。')
      : reason === 'year-end'
        ? msg('年末年始のため休みです。')
        : reason === 'closed-date'
          ? msg('本日は休みです。')
          : '';
  return html`<p class="notice status ${state === 'open' ? 'success' : ''}" part="status"><span aria-hidden="true">${state === 'open' ? '✓' : '✕'} </span
    ><strong>${render(line)}</strong> ${render(why)}${after}</p>`;
}
