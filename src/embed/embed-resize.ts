/**
 * Optional script for the page that holds the iframe: fits each fukushi-widgets iframe to its
 * content. Include once: <script src=".../embed-resize.js" defer></script>. It only accepts
 * messages from the iframes' own windows and origins, and only sets their height.
 */
(() => {
  const TYPE = 'fukushi-widgets:resize';
  const w = window as Window & {__fukushiEmbedResize?: boolean};
  if (w.__fukushiEmbedResize) return;
  w.__fukushiEmbedResize = true;
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as {type?: unknown; height?: unknown} | null;
    if (!data || data.type !== TYPE || typeof data.height !== 'number' || !(data.height > 0)) return;
    for (const frame of Array.from(document.querySelectorAll('iframe'))) {
      if (frame.contentWindow !== event.source) continue;
      let origin = '';
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        return;
      }
      if (origin !== event.origin) return;
      // CSSOM, not a style="" string: allowed under a strict style-src.
      frame.style.height = `${Math.min(Math.ceil(data.height), 20000)}px`;
    }
  });
})();
