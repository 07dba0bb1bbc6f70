// Test pages only: keeps the errors a page logs or throws in window.__pageErrors, so that a test
// can read them in any browser (WebDriver classic has no console). Load it before the widgets.
(() => {
  const errors = (window.__pageErrors = []);
  const text = (args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(text(args));
    original(...args);
  };
  // In the capture phase, to see scripts, styles and images that fail to load too.
  addEventListener(
    'error',
    (event) => errors.push(event.target === window ? `${event.message} (${event.filename}:${event.lineno})` : `failed to load ${event.target.src || event.target.href}`),
    true,
  );
  addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${text([event.reason])}`));
})();
