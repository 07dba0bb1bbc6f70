/**
 * The peer for the finder benchmark: a plain MiniSearch + Lit list on the same data, written the
 * way its documentation suggests (default tokenizer, prefix and fuzzy search, a list of names).
 */
import {LitElement, html} from 'lit';
import MiniSearch from 'minisearch';

interface Doc {
  id: string;
  name: string;
  description: string;
  keywords: string;
}

const plain = (s = '') => s.replace(/《[^》]*》/g, '').replace(/｜/g, '');

class PeerFinder extends LitElement {
  static override properties = {query: {state: true}};
  query = '';
  private search?: MiniSearch<Doc>;
  private docs = new Map<string, Doc>();
  ready: Promise<void>;

  constructor() {
    super();
    this.ready = this.load();
  }

  private async load() {
    const data = await (await fetch(this.getAttribute('src')!)).json();
    this.search = new MiniSearch<Doc>({fields: ['name', 'description', 'keywords'], storeFields: ['name']});
    const docs: Doc[] = data.services.map((s: {id: string; name: {ja: string}; description: {ja: string}; x_jp: {keywords?: string[]}}) => ({
      id: s.id,
      name: plain(s.name.ja),
      description: plain(s.description.ja),
      keywords: (s.x_jp.keywords ?? []).join(' '),
    }));
    for (const d of docs) this.docs.set(d.id, d);
    this.search.addAll(docs);
    this.requestUpdate();
    await this.updateComplete;
  }

  override render() {
    const hits = this.query && this.search ? this.search.search(this.query, {prefix: true, fuzzy: 0.2}).slice(0, 10) : [];
    return html`<label for="q">検索</label>
      <input id="q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p>${hits.length}件</p>
      <ul>${hits.map((h) => html`<li><h3>${this.docs.get(h.id)?.name}</h3><p>${this.docs.get(h.id)?.description}</p></li>`)}</ul>`;
  }
}
customElements.define('peer-finder', PeerFinder);
