/**
 * The iframe embed, for sites that cannot run scripts (hosted WordPress, some CMSs):
 *   <iframe src=".../embed.html?widget=service-finder&locale=ja-x-easy" title="…"></iframe>
 * renders one widget with attributes from the query string, and reports its height to the
 * parent page so the iframe can fit it (protocol in docs/embedding.md; embed-resize.js applies it).
 * No imports: the widgets come from fukushi-widgets.js, loaded by embed.html.
 */

/** Widgets and the attributes an embed may set on them. Anything else in the URL is ignored. */
const WIDGETS: Record<string, string[]> = {
  'service-finder': ['query', 'need', 'audience', 'area', 'goal', 'src', 'heading-level', 'sync-url'],
  'contact-card': ['desk', 'name', 'phone', 'fax', 'email', 'address', 'url', 'hours', 'src', 'compact', 'heading-level', 'structured-data'],
  'disaster-help-form': ['mode', 'endpoint', 'src', 'heading-level'],
  'easy-summary': ['section', 'furigana-grade', 'src', 'heading-level'],
  'reading-controls': [],
};
const COMMON = ['locale', 'furigana'];
export const MESSAGE_TYPE = 'fukushi-widgets:resize';

export function createWidget(params: URLSearchParams, doc: Document = document): HTMLElement | null {
  const name = params.get('widget') ?? '';
  const allowed = WIDGETS[name];
  if (!allowed) return null;
  const el = doc.createElement(`fukushi-${name}`);
  for (const attribute of [...allowed, ...COMMON]) {
    const value = params.get(attribute);
    if (value !== null) el.setAttribute(attribute, value);
  }
  return el;
}

function start() {
  const params = new URLSearchParams(location.search);
  const main = document.querySelector('main')!;
  const lang = params.get('locale');
  if (lang) document.documentElement.lang = lang === 'en' ? 'en' : 'ja';
  const el = createWidget(params);
  if (!el) {
    main.querySelector('.embed-error')?.removeAttribute('hidden');
    console.error(`fukushi-widgets embed: widget="${params.get('widget')}" is not one of ${Object.keys(WIDGETS).join(', ')}.`);
  } else {
    main.querySelector('.embed-fallback')?.remove();
    main.append(el);
  }
  // Tell the parent our height whenever it changes; the parent matches us by event.source.
  const id = params.get('embed-id') ?? '';
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({type: MESSAGE_TYPE, version: 1, id, height}, '*');
  };
  // ResizeObserver runs with rendering, which browsers pause in an iframe below the fold: the
  // height would arrive only when the reader scrolls to it, and the page would jump under them.
  // So every widget render (nested widgets too) and every font load also reports, at once.
  const observer = new ResizeObserver(report);
  observer.observe(document.documentElement);
  if (el) {
    observer.observe(el);
    watchRenders(el, report);
  }
  document.fonts?.addEventListener('loadingdone', report);
  report();
}

type LitHost = HTMLElement & {addController?(controller: {hostUpdated(): void}): void};

/** Calls `report` after every render of `root` and of the widgets it renders inside itself. */
function watchRenders(root: LitHost, report: () => void) {
  const watched = new WeakSet<Element>();
  const watch = (el: LitHost) => {
    if (watched.has(el) || !el.addController) return;
    watched.add(el);
    el.addController({
      hostUpdated: () => {
        // After this render has reached the DOM: widgets it added get watched too.
        queueMicrotask(() => {
          for (const inner of el.shadowRoot?.querySelectorAll<LitHost>('*') ?? []) if (inner.localName.startsWith('fukushi-')) watch(inner);
          report();
        });
      },
    });
  };
  // The element is upgraded when fukushi-widgets.js defines it, which may be after this runs.
  void customElements.whenDefined(root.localName).then(() => watch(root));
}

if (typeof window !== 'undefined' && document.querySelector('main[data-fukushi-embed]')) start();
