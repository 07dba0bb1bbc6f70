// Test pages only: pins the page's clock to the instant in ?now= (ISO 8601 with an offset, e.g.
// ?now=2026-12-07T15:00:00%2B09:00). Load it before the widgets. Time runs on from that instant,
// so timers, timeouts and retries behave as usual. Without ?now= it does nothing.
(() => {
  const wanted = new URLSearchParams(location.search).get('now');
  if (!wanted) return;
  const RealDate = Date;
  const pinned = RealDate.parse(wanted);
  if (!/[zZ]|[+-]\d\d:\d\d$/.test(wanted) || Number.isNaN(pinned)) {
    throw new Error(`pinned-clock.js: ?now=${wanted} is not an ISO 8601 instant with an offset (e.g. 2026-12-07T15:00:00%2B09:00; "+" must be written %2B).`);
  }
  const offset = pinned - RealDate.now();
  const now = () => RealDate.now() + offset;
  function PinnedDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
  }
  PinnedDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(PinnedDate, RealDate);
  PinnedDate.now = now;
  globalThis.Date = PinnedDate;
})();
