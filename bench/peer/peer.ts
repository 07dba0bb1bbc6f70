/**
 * The peers for the finder benchmark, MiniSearch + Lit lists on the same data:
 *  - plain: as MiniSearch's documentation suggests (default tokenizer, prefix and fuzzy search);
 *  - `tokenizer="ngram"`: made Japanese-aware the usual way, with the finder's own normalisation
 *    and character bigrams, over the same fields the finder searches (names, readings,
 *    descriptions, keywords and the intent phrases).
 */
import {LitElement, html} from 'lit';
import MiniSearch from 'minisearch';
import {normalizeForSearch, romajiToHiragana} from '../../src/core/text/normalize.js';
import {plainAndReading} from '../../src/core/text/ruby.js';

interface Doc {
  id: string;
  name: string;
  description: string;
  keywords: string;
  reading: string;
  intents: string;
}

const plain = (s = '') => plainAndReading(s)[0];
const reading = (s = '') => plainAndReading(s)[1];

/** Normalised text as overlapping character pairs (a one-character text is its own token). */
function bigrams(text: string): string[] {
  const chars = [...normalizeForSearch(text).replace(/\s+/g, '')];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

class PeerFinder extends LitElement {
  static override properties = {query: {state: true}};
  // `declare`, not a class field: a field would shadow Lit's reactive accessor and never re-render.
  declare query: string;
  private search?: MiniSearch<Doc>;
  private docs = new Map<string, Doc>();
  ready: Promise<void>;

  constructor() {
    super();
    this.query = '';
    this.ready = this.load();
  }

  private async load() {
    const data = await (await fetch(this.getAttribute('src')!)).json();
    const ngram = this.getAttribute('tokenizer') === 'ngram';
    this.search = new MiniSearch<Doc>({
      fields: ngram ? ['name', 'reading', 'description', 'keywords', 'intents'] : ['name', 'description', 'keywords'],
      storeFields: ['name'],
      ...(ngram
        ? {
            tokenize: bigrams,
            processTerm: (t: string) => t,
            searchOptions: {
              boost: {name: 3, reading: 3, intents: 2},
              // The query also as kana when it is romaji (seinen kouken).
              tokenize: (q: string) => bigrams(romajiToHiragana(normalizeForSearch(q)) ?? q),
            },
          }
        : {}),
    });
    const intents = new Map<string, string[]>();
    for (const i of data.intents) for (const id of i.services) intents.set(id, [...(intents.get(id) ?? []), ...i.phrases.ja]);
    const docs: Doc[] = data.services.map((s: {id: string; name: {ja: string}; description: {ja: string}; x_jp: {keywords?: string[]}}) => ({
      id: s.id,
      name: plain(s.name.ja),
      reading: reading(s.name.ja),
      description: plain(s.description.ja),
      keywords: (s.x_jp.keywords ?? []).join(' '),
      intents: (intents.get(s.id) ?? []).join(' '),
    }));
    for (const d of docs) this.docs.set(d.id, d);
    this.search.addAll(docs);
    this.requestUpdate();
    await this.updateComplete;
  }

  override render() {
    const ngram = this.getAttribute('tokenizer') === 'ngram';
    const hits = this.query && this.search ? this.search.search(this.query, ngram ? {} : {prefix: true, fuzzy: 0.2}).slice(0, 10) : [];
    return html`<label for="q">検索</label>
      <input id="q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p>${hits.length}件</p>
      <ul>${hits.map((h) => html`<li data-id=${h.id}><h3>${this.docs.get(h.id)?.name}</h3><p>${this.docs.get(h.id)?.description}</p></li>`)}</ul>`;
  }
}
customElements.define('peer-finder', PeerFinder);
