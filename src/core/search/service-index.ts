/**
 * The finder's search: an index built once per dataset, and a query that does nothing else.
 * Building has two parts: the filter facets at once (browsing needs only those), and the text,
 * which a page indexes in idle slices (`indexSome`) or the first query finishes at once.
 *
 * Every text is normalised (core/text/normalize.ts) on both sides. Ranking, best first:
 *   1. name or reading: exact, then starts with, then contains the query (closer matches first)
 *   2. intents: everyday phrasing that points to the service ("お金がない")
 *   3. keywords, then description and details
 *   4. partial matches by character bigrams (word order, missing particles, typos)
 * Ties go to the plan's 重点的な取組, then to the dataset's order.
 * Japanese needs no word splitting here: substrings and bigrams of the normalised text do it,
 * and long vowels are folded (looseKey) so ケアマネージャー finds ケアマネジャー.
 *
 * Each field group is stored as one string with separators, so a query costs a few indexOf
 * calls per service; "the query contains a keyword or phrase" is answered once per query from
 * a map of unique keywords and phrases, not once per service.
 */
import type {Dataset, Service, Text} from '../data/types.js';
import {plainAndReading} from '../text/ruby.js';
import {looseKey, normalizeForSearch, romajiToHiragana} from '../text/normalize.js';

export interface Filters {
  /** Need term ids (any of them). */
  needs?: readonly string[];
  /** Audience term ids (any of them). */
  audiences?: readonly string[];
  /** A town id: services for the whole city or for that town. */
  town?: string | undefined;
  /** A plan goal id (goal-1 … goal-6). */
  goal?: string | undefined;
}

export interface SearchHit {
  service: Service;
  /** 1 = name, 2 = intent, 3 = keyword or description, 4 = partial. */
  tier: 1 | 2 | 3 | 4;
  score: number;
}

const SEP = '\u0001';
const NAME = 0;
const INTENT = 1;
const KEYWORD = 2;
const BODY = 3;

interface Entry {
  service: Service;
  /** Per field group: SEP-joined strings, normalised and long-vowel folded (spaces kept only between Latin words). Empty until the text is indexed. */
  groups: [string, string, string, string];
  /** Everything, for the quick "could it match at all" test. */
  all: string;
  /** The name group's strings one by one, for ranking within name matches. */
  names: string[];
  priority: boolean;
  needs: Set<string>;
  audiences: Set<string>;
  towns: Set<string> | null;
  goals: Set<string>;
}

// Spaces matter only between Latin words ("help with rent"); Japanese is matched without them.
const squeeze = (s: string) => s.replace(/ (?![a-z0-9])|(?<![a-z0-9]) /g, '');
const LATIN = /^[a-z0-9]+$/;

/**
 * Where `q` occurs in `text`. A query in Latin letters must start a word ("rent" is not in
 * "parent"); Japanese has no spaces, so any position counts.
 */
function position(text: string, q: string): number {
  let at = text.indexOf(q);
  if (!LATIN.test(q)) return at;
  while (at > 0 && /[a-z0-9]/.test(text[at - 1]!)) at = text.indexOf(q, at + 1);
  return at;
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars.length ? [chars[0]!] : [];
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) if (chars[i] !== SEP && chars[i + 1] !== SEP) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const join = (list: string[]) => SEP + list.join(SEP) + SEP;

/**
 * A query worth searching: one kanji (金, 家) is, one kana or one letter is not, because it
 * matches nearly everything; the finder keeps browsing until a second character arrives.
 */
export function searchable(normalised: string): boolean {
  const chars = [...normalised.replace(/\s/g, '')];
  return chars.length >= 2 || (chars.length === 1 && /\p{Script=Han}/u.test(chars[0]!));
}

export class ServiceIndex {
  private readonly entries: Entry[] = [];
  /** Bigram → entry indexes, for partial matches. */
  private readonly postings = new Map<string, number[]>();
  /** Unique keywords and intent phrases (normalised, and folded) → entry indexes. */
  private readonly phrases: Array<Map<string, number[]>> = [new Map(), new Map()];
  /** Entries whose text is indexed; the rest wait for `indexSome` or the first query. */
  private indexed = 0;
  private readonly terms: Map<string, Dataset['taxonomy_terms'][number]>;
  private readonly intents = new Map<string, string[]>();
  /** Datasets repeat strings (term names, shared descriptions): each is normalised once. */
  private readonly memo = new Map<string, string>();
  private readonly termText = new Map<string, string[]>();

  /** Cheap: the filter facets only. Text is indexed later, so browsing costs nothing. */
  constructor(dataset: Dataset) {
    this.terms = new Map(dataset.taxonomy_terms.map((t) => [t.id, t]));
    for (const intent of dataset.intents) {
      for (const id of intent.services) this.intents.set(id, [...(this.intents.get(id) ?? []), ...intent.phrases.ja, ...(intent.phrases.en ?? [])]);
    }
    const facet = (service: Service, taxonomy: string) =>
      new Set(service.attributes.map((a) => a.taxonomy_term_id).filter((id) => this.terms.get(id)?.taxonomy_id === taxonomy));
    for (const service of dataset.services) {
      if (service.status === 'defunct') continue;
      this.entries.push({
        service,
        groups: ['', '', '', ''],
        all: '',
        names: [],
        priority: Boolean(service.x_jp.priority),
        needs: facet(service, 'need'),
        audiences: facet(service, 'audience'),
        towns: service.service_areas.some((a) => a.extent_type === 'towns') ? new Set(service.service_areas.flatMap((a) => a.towns ?? [])) : null,
        goals: new Set(service.x_jp.plan_refs.map((r) => r.goal).filter((g): g is string => Boolean(g))),
      });
    }
  }

  /** True once every service's text is indexed. */
  get complete(): boolean {
    return this.indexed === this.entries.length;
  }

  /**
   * Indexes the text of up to `count` more services; returns whether any remain. Lets a page
   * spread the work over idle time instead of one long task at start-up.
   */
  indexSome(count = Infinity): boolean {
    const stop = Math.min(this.entries.length, this.indexed + count);
    while (this.indexed < stop) this.indexText(this.indexed++);
    return !this.complete;
  }

  private norm(s: string): string {
    let out = this.memo.get(s);
    if (out === undefined) this.memo.set(s, (out = looseKey(squeeze(normalizeForSearch(s)))));
    return out;
  }

  private variants(text: Text | undefined, readings?: string[]): string[] {
    if (!text) return [];
    const out: string[] = [];
    for (const value of [text.ja, text['ja-x-easy'], text.en]) {
      if (!value) continue;
      const [plain, reading] = plainAndReading(value);
      out.push(this.norm(plain));
      if (reading !== plain) (readings ?? out).push(this.norm(reading));
    }
    return out;
  }

  private indexText(position: number) {
    const entry = this.entries[position]!;
    const {service} = entry;
    // Readings of long texts are kept out of the bigrams: their kana would make partial matches noisy.
    const bodyReadings: string[] = [];
    const termNames = service.attributes.flatMap((a) => {
      let names = this.termText.get(a.taxonomy_term_id);
      if (!names) this.termText.set(a.taxonomy_term_id, (names = this.variants(this.terms.get(a.taxonomy_term_id)?.name)));
      return names;
    });
    const printed = [
      [...this.variants(service.name), ...this.variants(service.alternate_name)],
      (this.intents.get(service.id) ?? []).map((p) => this.norm(p)),
      (service.x_jp.keywords ?? []).map((k) => this.norm(k)),
      [
        ...this.variants(service.description, bodyReadings),
        ...this.variants(service.x_jp.details, bodyReadings),
        ...this.variants(service.eligibility_description, bodyReadings),
        ...termNames,
      ],
    ].map((g) => [...new Set(g)]);
    // Partial matches come from what is printed in names, phrases, keywords and the one-line
    // description; long details and readings would only add noise (and index time).
    const grams = new Set<string>();
    for (const list of [printed[NAME]!, printed[INTENT]!, printed[KEYWORD]!, this.variants(service.description)]) {
      for (const text of list) for (const gram of bigrams(text)) grams.add(gram);
    }
    printed[BODY]!.push(...bodyReadings);
    entry.groups = printed.map(join) as Entry['groups'];
    entry.all = entry.groups.join('');
    entry.names = printed[NAME]!;
    for (const [kind, list] of [[0, printed[KEYWORD]!], [1, printed[INTENT]!]] as const) {
      for (const phrase of list) {
        if (phrase.length < 2) continue;
        const at = this.phrases[kind]!.get(phrase);
        if (at) at.push(position);
        else this.phrases[kind]!.set(phrase, [position]);
      }
    }
    for (const gram of grams) {
      const at = this.postings.get(gram);
      if (at) at.push(position);
      else this.postings.set(gram, [position]);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Services matching the filters, in dataset order (browsing without a query). */
  filtered(filters: Filters = {}): Service[] {
    return this.entries.filter((e) => this.passes(e, filters)).map((e) => e.service);
  }

  /** Ranked hits for a free-text query combined with the filters. */
  search(query: string, filters: Filters = {}): SearchHit[] {
    const normalised = normalizeForSearch(query);
    if (!searchable(normalised)) return this.filtered(filters).map((service) => ({service, tier: 4, score: 0}));
    this.indexSome();
    const kana = romajiToHiragana(normalised);
    // Matching is on long-vowel-folded text (looseKey) on both sides: せいねんこうけん = seinen koken.
    const queries = [...new Set([normalised, kana ?? ''].filter(Boolean).map((q) => looseKey(squeeze(q))))];
    const words = normalised.split(/[^a-z0-9]+/).filter(Boolean);
    // The query contains a whole keyword or intent phrase ("親が認知症で…" contains 認知症).
    const contained = this.phrases.map((map) => {
      const hit = new Set<number>();
      for (const [phrase, at] of map) if (queries.some((q) => q.includes(phrase))) for (const i of at) hit.add(i);
      return hit;
    });
    // Partial matches help Japanese (no spaces, particles); English words match by prefix instead.
    const partial = this.partialScores(queries.filter((q) => /[^\x00-\x7f]/.test(q)));

    const hits: SearchHit[] = [];
    this.entries.forEach((entry, i) => {
      const inPhrase = contained[0]!.has(i) || contained[1]!.has(i);
      const anywhere = inPhrase || partial.has(i) || queries.some((q) => entry.all.includes(q)) || (words.length > 0 && words.every((w) => entry.all.includes(w)));
      if (!anywhere || !this.passes(entry, filters)) return;
      const hit = this.rank(entry, queries, words, contained, i, partial.get(i) ?? 0);
      if (hit) hits.push(hit);
    });
    // Stable sort: equal scores keep the dataset order.
    return hits.sort((a, b) => b.score - a.score);
  }

  private passes(entry: Entry, f: Filters): boolean {
    if (f.needs?.length && !f.needs.some((n) => entry.needs.has(n))) return false;
    if (f.audiences?.length && !f.audiences.some((a) => entry.audiences.has(a))) return false;
    if (f.town && entry.towns && !entry.towns.has(f.town)) return false;
    if (f.goal && !entry.goals.has(f.goal)) return false;
    return true;
  }

  /** Share of the query's bigrams found in each entry, for entries that have most of them. */
  private partialScores(queries: string[]): Map<number, number> {
    const best = new Map<number, number>();
    for (const q of queries) {
      const grams = [...new Set(bigrams(q))];
      if (grams.length < 3) continue;
      const counts = new Map<number, number>();
      for (const gram of grams) for (const i of this.postings.get(gram) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
      for (const [i, n] of counts) {
        const share = n / grams.length;
        if (n >= 3 && share >= 0.6 && share > (best.get(i) ?? 0)) best.set(i, share);
      }
    }
    return best;
  }

  private rank(entry: Entry, queries: string[], words: string[], contained: Set<number>[], i: number, partial: number): SearchHit | null {
    const bonus = entry.priority ? 0.5 : 0;
    const hit = (tier: SearchHit['tier'], score: number): SearchHit => ({service: entry.service, tier, score: score + bonus});
    // Exact, then starts with, then contains; among those, the name the query covers most
    // (成年後見 finds 成年後見制度 before 成年後見制度の利用支援のための相談会).
    let name = 0;
    for (const q of queries) {
      if (!entry.groups[NAME].includes(q)) continue;
      for (const n of entry.names) {
        const cover = (4 * q.length) / n.length;
        name = Math.max(name, n === q ? 30 : n.startsWith(q) ? 25 + cover : position(n, q) >= 0 ? 20 + cover : 0);
      }
    }
    if (name) return hit(1, 300 + name);
    const inGroup = (g: number) => queries.some((q) => position(entry.groups[g]!, q) >= 0);
    if (contained[1]!.has(i) || inGroup(INTENT)) return hit(2, 200);
    if (contained[0]!.has(i) || inGroup(KEYWORD)) return hit(3, 110);
    if (inGroup(BODY)) return hit(3, 100);
    // English and other Latin words: every query word starts a word of the service's text.
    if (words.length && words.every((w) => position(entry.all, w) >= 0)) return hit(3, 90);
    return partial ? hit(4, 50 * partial) : null;
  }
}

const indexes = new WeakMap<Dataset, ServiceIndex>();

/** The index for a dataset, built on first use and shared by every finder on the page. */
export function indexFor(dataset: Dataset): ServiceIndex {
  let index = indexes.get(dataset);
  if (!index) {
    index = new ServiceIndex(dataset);
    indexes.set(dataset, index);
  }
  return index;
}

const warming = new WeakSet<ServiceIndex>();

/**
 * Indexes the text in idle time, a few services per slice, so that start-up has no long task
 * and the first keystroke finds the work done. Browsers without requestIdleCallback get short
 * timer slices.
 */
export function indexWhenIdle(index: ServiceIndex): void {
  if (index.complete || warming.has(index)) return;
  warming.add(index);
  const idle = globalThis.requestIdleCallback as typeof requestIdleCallback | undefined;
  const slice = (deadline?: IdleDeadline) => {
    // Slices stay under ~8 ms even in a long idle period: a slow phone runs them several times slower.
    const end = performance.now() + 8;
    let more = true;
    while (more && performance.now() < end && (!deadline || deadline.timeRemaining() > 1)) more = index.indexSome(1);
    if (more) schedule();
  };
  const schedule = () => (idle ? idle(slice, {timeout: 1000}) : setTimeout(slice, 0));
  schedule();
}
