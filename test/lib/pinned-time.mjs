// The instant every time-dependent test runs at, and the time zone its browser runs in.
// Monday 7 December 2026, 10:00 in Tokyo (desks open) is Sunday 17:00 in Los Angeles, so a
// widget that used the browser's zone instead of Asia/Tokyo would show the wrong day and fail.
export const PINNED_INSTANT = '2026-12-07T10:00:00+09:00';
export const BROWSER_TIME_ZONE = 'America/Los_Angeles';
