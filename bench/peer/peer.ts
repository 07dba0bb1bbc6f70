/**
 * The finder benchmark's peer: a plain MiniSearch + Lit search box over the same dataset, made
 * Japanese-aware the usual way: NFKC, katakana → hiragana and lower case (the finder's own
 * normalisation) and character bigrams, over the fields the finder searches (names, readings,
 * descriptions, keywords and the intent phrases). Romaji queries are also read as kana.
 *
 * It renders what the finder's first screen shows a resident: the top 20 results, each with its
 * name, its description and its desk's phone number, looked up in the dataset. It keeps only
 * MiniSearch's index and those stored fields, not the raw dataset.
 *
 * Attributes: `src` (the dataset URL) and `query` (a query to show at once, as the finder's).
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
  phone: string;
}

interface Data {
  services: Array<{id: string; name: {ja: string}; description: {ja: string}; service_at_locations: Array<{location_id: string}>; x_jp: {keywords?: string[]}}>;
  locations: Array<{id: string; phones: Array<{number: string; type: string}>}>;
  intents: Array<{services: string[]; phrases: {ja: string[]}}>;
}

const SHOWN = 20;

/** Normalised text as overlapping character pairs (a one-character text is its own token). */
function bigrams(text: string): string[] {
  const chars = [...normalizeForSearch(text).replace(/\s+/g, '')];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

class PeerFinder extends LitElement {
  static override properties = {query: {}};
  // `declare`, not a class field: a field would shadow Lit's reactive accessor and never re-render.
  declare query: string;
  private search?: MiniSearch<Doc>;
  ready: Promise<void>;

  constructor() {
    super();
    this.query = '';
    this.ready = this.load();
  }

  private async load() {
    const data: Data = await (await fetch(this.getAttribute('src')!)).json();
    const search = new MiniSearch<Doc>({
      fields: ['name', 'reading', 'description', 'keywords', 'intents'],
      storeFields: ['name', 'description', 'phone'],
      tokenize: bigrams,
      processTerm: (t: string) => t,
      searchOptions: {
        boost: {name: 3, reading: 3, intents: 2},
        tokenize: (q: string) => bigrams(romajiToHiragana(normalizeForSearch(q)) ?? q),
      },
    });
    const intents = new Map<string, string[]>();
    for (const i of data.intents) for (const id of i.services) intents.set(id, [...(intents.get(id) ?? []), ...i.phrases.ja]);
    const phones = new Map(data.locations.map((l) => [l.id, l.phones.find((p) => p.type !== 'fax')?.number ?? '']));
    search.addAll(
      data.services.map((s) => {
        const [name, reading] = plainAndReading(s.name.ja);
        return {
          id: s.id,
          name,
          reading,
          description: plainAndReading(s.description.ja)[0],
          keywords: (s.x_jp.keywords ?? []).join(' '),
          intents: (intents.get(s.id) ?? []).join(' '),
          phone: phones.get(s.service_at_locations[0]?.location_id ?? '') ?? '',
        };
      }),
    );
    this.search = search;
    this.requestUpdate();
    await this.updateComplete;
  }

  override render() {
    const hits = this.query && this.search ? this.search.search(this.query) : [];
    return html`<label for="q">検索</label>
      <input id="q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p class="count">${hits.length}件</p>
      <ul>
        ${hits.slice(0, SHOWN).map(
          (h) => html`<li data-id=${h.id}>
            <h3>${h.name}</h3>
            <p>${h.description}</p>
            ${h.phone ? html`<p class="phone">電話 <a href="tel:${h.phone.replace(/-/g, '')}">${h.phone}</a></p>` : ''}
          </li>`,
        )}
      </ul>`;
  }
}
customElements.define('peer-finder', PeerFinder);
