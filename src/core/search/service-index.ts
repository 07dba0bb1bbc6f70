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
 * Memory and speed at tens of thousands of services: each distinct normalised text is kept once,
 * in one string (the corpus), however many services share it (term names, shared descriptions);
 * a table says which services use each text and in which role. A query is a few indexOf scans of
 * the corpus (one per query spelling, per English word and per bigram for partial matches), so
 * its cost follows the distinct text, not the number of services. Facets are bit sets. Nothing of
 * the raw dataset is copied, and what building needs (the memo of normalised strings) is dropped
 * once the index is complete.
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
// The role of a text for a service: its field group, and whether its bigrams count for partial
// matches (names, phrases, keywords and the one-line description; long details and their
// readings would only add noise). A (service, text) pair is stored as service << 3 | role.
const NAME = 0;
const INTENT = 1;
const KEYWORD = 2;
const BODY = 3;
const GROUP = 3;
const PARTIAL = 4;
// How many numbers (texts and positions, 4 bytes each) the recent scans keep in all: 2 MB.
const SCANS_KEPT = 1 << 19;
// What a service matched, per query (bits of `#found`).
const IN_INTENT = 1;
const IN_KEYWORD = 2;
const IN_BODY = 4;

// Spaces matter only between Latin words ("help with rent"); Japanese is matched without them.
const squeeze = (s: string) => s.replace(/ (?![a-z0-9])|(?<![a-z0-9]) /g, '');
const LATIN = /^[a-z0-9]+$/;
const LATIN_CHAR = /[a-z0-9]/;

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars.length ? [chars[0]!] : [];
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** A set of service positions, 32 to a word. */
type Bits = Uint32Array;
const newBits = (n: number): Bits => new Uint32Array((n + 31) >>> 5);
const has = (bits: Bits, i: number) => (bits[i >>> 5]! >>> (i & 31)) & 1;
const add = (bits: Bits, i: number) => (bits[i >>> 5]! |= 1 << (i & 31));
function popcount(bits: Bits): number {
  let n = 0;
  for (let w of bits) {
    w -= (w >>> 1) & 0x55555555;
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
    n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** A growable list of integers (building keeps millions of pairs at 50,000 services). */
class IntList {
  data = new Int32Array(4096);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** What building needs and a complete index does not. */
interface Building {
  /** Normalised text → its id. */
  ids: Map<string, number>;
  texts: string[];
  /** Raw dataset text → ids of its plain text and of its reading (-1 when it has none). */
  memo: Map<string, [number, number]>;
  /** Text id and service << 3 | role, one entry per pair. */
  pairText: IntList;
  pairCode: IntList;
  intents: Map<string, string[]>;
  terms: Map<string, Dataset['taxonomy_terms'][number]>;
}

/**
 * The services a query found, best first, as positions for `ServiceIndex.service`. Ranked
 * lazily: a page shows the first few, so only those are put in order until more are asked for.
 */
export class Ranking {
  #order: Int32Array | undefined;
  #top = new Int32Array(0);

  /** `hits` in dataset order with their scores; without scores, `hits` is the order. */
  constructor(
    readonly hits: Int32Array,
    readonly scores?: Float64Array,
  ) {
    if (!scores) this.#order = hits;
  }

  /** How many services were found. */
  get length(): number {
    return this.hits.length;
  }

  /** Positions `start` … `end` of the ranking. */
  slice(start: number, end = this.hits.length): Int32Array {
    end = Math.min(end, this.hits.length);
    if (this.#order) return this.#order.subarray(start, end);
    if (end <= this.#top.length) return this.#top.subarray(start, end);
    const {hits, scores} = this;
    const score = scores!;
    if (end > 64) {
      // Equal scores keep the dataset order (hits are in it).
      const order = [...hits.keys()].sort((a, b) => score[b]! - score[a]! || a - b);
      this.#order = Int32Array.from(order, (k) => hits[k]!);
      return this.#order.subarray(start, end);
    }
    // The best `end`, by insertion: a later hit with an equal score never goes first.
    const best: number[] = [];
    for (let k = 0; k < hits.length; k++) {
      if (best.length === end && score[k]! <= score[best[end - 1]!]!) continue;
      let at = best.length < end ? best.length : end - 1;
      while (at > 0 && score[best[at - 1]!]! < score[k]!) at--;
      best.splice(at, 0, k);
      if (best.length > end) best.pop();
    }
    this.#top = Int32Array.from(best, (k) => hits[k]!);
    return this.#top.subarray(start, end);
  }
}

/**
 * A one-character query is worth searching when it is a kanji (金, 家); one kana or one letter is
 * not, because it matches nearly everything: the finder keeps browsing until a second character.
 */
export function searchable(normalised: string): boolean {
  const chars = [...normalised.replace(/\s/g, '')];
  return chars.length >= 2 || (chars.length === 1 && /\p{Script=Han}/u.test(chars[0]!));
}

/** Whether a query typed by a resident is searched (else the finder keeps browsing by need). */
export const worthSearching = (query: string): boolean => searchable(normalizeForSearch(query));

export class ServiceIndex {
  readonly #services: Service[] = [];
  readonly #priority: Bits;
  /** Facet → services: need and audience term ids, `town:ID` and `goal:ID`. */
  readonly #facets = new Map<string, Bits>();
  /** Services for the whole city (no town list). */
  readonly #citywide: Bits;
  /** Filter masks by filter, the last few. */
  readonly #masks = new Map<string, Bits>();
  #building: Building | undefined;
  /** Services whose text is indexed; the rest wait for `indexSome` or the first query. */
  #indexed = 0;

  // The complete text index.
  /** Every distinct text, each between separators. */
  #corpus = '';
  /** Where each text starts in the corpus (one more entry at the end). */
  #starts = new Int32Array(1);
  /** The text at each 32nd position of the corpus, to find a text from a position quickly. */
  #blocks = new Int32Array(1);
  /** The pairs of text t are #pairs[#pairStart[t] … #pairStart[t + 1]). */
  #pairStart = new Int32Array(1);
  #pairs = new Int32Array(0);
  /** Texts used as a keyword or intent phrase of at least two characters, shortest first. */
  #phrases: number[] = [];
  #phraseTexts: string[] = [];
  /** The last scans, most recent last: a query's texts and where it first occurs in each, in pairs. */
  readonly #scans = new Map<string, Int32Array>();
  /** Their length in all. */
  #scanned = 0;

  // Per-query scratch, one slot per service, reset after each query.
  #name = new Float64Array(0);
  #found = new Uint8Array(0);
  #partial = new Float64Array(0);
  #marks = new Uint32Array(0);
  #textMarks = new Uint32Array(0);
  #tier = new Uint8Array(0);
  #seen = new Uint8Array(0);
  /** How many services have something in the scratch slots. */
  #touched = 0;

  /** Cheap: the filter facets only. Text is indexed later, so browsing costs nothing. */
  constructor(dataset: Dataset) {
    const terms = new Map(dataset.taxonomy_terms.map((t) => [t.id, t]));
    const intents = new Map<string, string[]>();
    for (const intent of dataset.intents) {
      for (const id of intent.services) intents.set(id, [...(intents.get(id) ?? []), ...intent.phrases.ja, ...(intent.phrases.en ?? [])]);
    }
    const services = dataset.services.filter((s) => s.status !== 'defunct');
    this.#services = services;
    const n = services.length;
    this.#priority = newBits(n);
    this.#citywide = newBits(n);
    const facet = (key: string, i: number) => {
      let bits = this.#facets.get(key);
      if (!bits) this.#facets.set(key, (bits = newBits(n)));
      add(bits, i);
    };
    services.forEach((service, i) => {
      if (service.x_jp.priority) add(this.#priority, i);
      for (const a of service.attributes) {
        const taxonomy = terms.get(a.taxonomy_term_id)?.taxonomy_id;
        if (taxonomy === 'need' || taxonomy === 'audience') facet(a.taxonomy_term_id, i);
      }
      if (service.service_areas.some((a) => a.extent_type === 'towns')) {
        for (const area of service.service_areas) for (const town of area.towns ?? []) facet(`town:${town}`, i);
      } else add(this.#citywide, i);
      for (const ref of service.x_jp.plan_refs) if (ref.goal) facet(`goal:${ref.goal}`, i);
    });
    this.#building = {ids: new Map(), texts: [], memo: new Map(), pairText: new IntList(), pairCode: new IntList(), intents, terms};
    if (!n) this.#finish();
  }

  get size(): number {
    return this.#services.length;
  }

  /** True once every service's text is indexed. */
  get complete(): boolean {
    return !this.#building;
  }

  /**
   * Indexes the text of up to `count` more services; returns whether any remain. Lets a page
   * spread the work over idle time instead of one long task at start-up.
   */
  indexSome(count = Infinity): boolean {
    const building = this.#building;
    if (!building) return false;
    const stop = Math.min(this.#services.length, this.#indexed + count);
    const seen = new Set<number>();
    while (this.#indexed < stop) this.#indexText(building, this.#indexed++, seen);
    if (this.#indexed === this.#services.length) this.#finish();
    return !this.complete;
  }

  /** The service at a position `find` returned. */
  service(position: number): Service {
    return this.#services[position]!;
  }

  /** How many services pass the filters. */
  count(filters: Filters = {}): number {
    return popcount(this.#mask(filters));
  }

  /** Services matching the filters, in dataset order (browsing without a query). */
  filtered(filters: Filters = {}): Service[] {
    return [...this.#passing(filters)].map((i) => this.#services[i]!);
  }

  /** Ranked hits for a free-text query combined with the filters. */
  search(query: string, filters: Filters = {}): SearchHit[] {
    const ranking = this.find(query, filters);
    const score = new Map([...ranking.hits].map((i, k) => [i, ranking.scores?.[k] ?? 0]));
    return [...ranking.slice(0)].map((i) => ({
      service: this.#services[i]!,
      tier: (ranking.scores ? this.#tier[i] : 4) as SearchHit['tier'],
      score: score.get(i)!,
    }));
  }

  /**
   * Positions of the services for a query and filters, best first (`service(position)` gives each).
   * A query too short to search (one kana) gives every service that passes the filters, in order.
   */
  find(query: string, filters: Filters = {}): Ranking {
    const normalised = normalizeForSearch(query);
    // Romaji of several words whose last syllable is still being typed ("seinen k", "seinen
    // kouk") searches without it, so the results do not vanish between keystrokes. One word is
    // left alone: "rent" is English, not れん.
    const typing = /\s/.test(normalised.trim()) ? normalised.replace(/[b-df-hj-np-tv-z]{1,2}$/, '') : normalised;
    const kana = romajiToHiragana(normalised) ?? romajiToHiragana(typing);
    // Matching is on long-vowel-folded text (looseKey) on both sides: せいねんこうけん = seinen koken.
    const queries = [...new Set([normalised, kana ?? ''].map((q) => looseKey(squeeze(q))).filter(Boolean))];
    if (!searchable(normalised) || !queries.length) return new Ranking(this.#passing(filters));
    this.indexSome();
    this.#prepareScratch();
    const words = normalised.split(/[^a-z0-9]+/).filter(Boolean);

    for (const q of queries) this.#scan(q, (text, at) => this.#matched(q, text, at));
    // The query contains a whole keyword or intent phrase ("親が認知症で…" contains 認知症).
    const longest = Math.max(...queries.map((q) => q.length));
    this.#phrases.some((text, k) => {
      const phrase = this.#phraseTexts[k]!;
      if (phrase.length > longest) return true;
      if (!queries.some((q) => q.includes(phrase))) return false;
      for (let p = this.#pairStart[text]!, end = this.#pairStart[text + 1]!; p < end; p++) {
        const service = this.#pairs[p]! >>> 3;
        const group = this.#pairs[p]! & GROUP;
        if (group === INTENT || group === KEYWORD) {
          this.#touch(service);
          this.#found[service]! |= group === INTENT ? IN_INTENT : IN_KEYWORD;
        }
      }
      return false;
    });
    // English and other Latin words: every query word starts a word of the service's text.
    const allWords = words.length > 1 || (words.length === 1 && !queries.includes(words[0]!)) ? this.#wordMatches(words) : undefined;
    // Partial matches help Japanese (no spaces, particles); English words match by prefix instead.
    for (const q of queries) if (/[^\x00-\x7f]/.test(q)) this.#partialScores(q);

    const mask = this.#mask(filters);
    const {length} = this.#services;
    const [seen, name, found, partial, tiers, priority] = [this.#seen, this.#name, this.#found, this.#partial, this.#tier, this.#priority];
    const hits = new Int32Array(this.#touched);
    const scores = new Float64Array(this.#touched);
    let count = 0;
    // In dataset order, so that equal scores keep it.
    for (let i = 0, left = this.#touched; left && i < length; i++) {
      if (!seen[i]) continue;
      left--;
      const score = name[i]
        ? 300 + name[i]!
        : found[i]! & IN_INTENT
          ? 200
          : found[i]! & IN_KEYWORD
            ? 110
            : found[i]! & IN_BODY
              ? 100
              : allWords && has(allWords, i)
                ? 90
                : 50 * partial[i]!;
      name[i] = found[i] = partial[i] = seen[i] = 0;
      if (!score || !has(mask, i)) continue;
      tiers[i] = score > 300 ? 1 : score === 200 ? 2 : score >= 90 ? 3 : 4;
      hits[count] = i;
      scores[count++] = score + (has(priority, i) ? 0.5 : 0);
    }
    this.#touched = 0;
    return new Ranking(hits.slice(0, count), scores.slice(0, count));
  }

  // --- building --------------------------------------------------------------------------------

  #id(building: Building, s: string): number {
    const text = looseKey(squeeze(normalizeForSearch(s)));
    if (!text) return -1;
    let id = building.ids.get(text);
    if (id === undefined) {
      id = building.texts.push(text) - 1;
      building.ids.set(text, id);
    }
    return id;
  }

  /** Ids of the plain text and reading of each language of a dataset text (-1 for none). */
  #variants(building: Building, text: Text | undefined): number[] {
    if (!text) return [];
    const out: number[] = [];
    for (const value of [text.ja, text['ja-x-easy'], text.en]) {
      if (!value) continue;
      let ids = building.memo.get(value);
      if (!ids) {
        const [plain, reading] = plainAndReading(value);
        building.memo.set(value, (ids = [this.#id(building, plain), reading === plain ? -1 : this.#id(building, reading)]));
      }
      out.push(...ids);
    }
    return out;
  }

  #indexText(building: Building, position: number, seen: Set<number>) {
    const service = this.#services[position]!;
    seen.clear();
    const pair = (id: number, role: number) => {
      if (id < 0 || seen.has(id * 8 + role)) return;
      seen.add(id * 8 + role);
      building.pairText.push(id);
      building.pairCode.push((position << 3) | role);
    };
    for (const id of [...this.#variants(building, service.name), ...this.#variants(building, service.alternate_name)]) pair(id, NAME | PARTIAL);
    for (const phrase of building.intents.get(service.id) ?? []) pair(this.#id(building, phrase), INTENT | PARTIAL);
    for (const keyword of service.x_jp.keywords ?? []) pair(this.#id(building, keyword), KEYWORD | PARTIAL);
    for (const id of this.#variants(building, service.description)) pair(id, BODY | PARTIAL);
    for (const text of [service.x_jp.details, service.eligibility_description, ...service.attributes.map((a) => building.terms.get(a.taxonomy_term_id)?.name)]) {
      for (const id of this.#variants(building, text)) pair(id, BODY);
    }
  }

  /** Turns what building collected into the compact index and drops the rest. */
  #finish() {
    const building = this.#building!;
    this.#building = undefined;
    const {texts, pairText, pairCode} = building;
    this.#corpus = SEP + texts.join(SEP) + SEP;
    const starts = new Int32Array(texts.length + 1);
    let at = 1;
    texts.forEach((text, t) => {
      starts[t] = at;
      at += text.length + 1;
    });
    starts[texts.length] = at;
    this.#starts = starts;
    const blocks = new Int32Array((at >>> 5) + 1);
    for (let b = 0, t = 0; b < blocks.length; b++) {
      while (t < texts.length - 1 && starts[t + 1]! <= b << 5) t++;
      blocks[b] = t;
    }
    this.#blocks = blocks;
    // Pairs grouped by text, in service order within each text.
    const pairStart = new Int32Array(texts.length + 1);
    for (let p = 0; p < pairText.length; p++) pairStart[pairText.data[p]! + 1]!++;
    for (let t = 0; t < texts.length; t++) pairStart[t + 1]! += pairStart[t]!;
    const next = pairStart.slice(0, texts.length);
    const pairs = new Int32Array(pairText.length);
    for (let p = 0; p < pairText.length; p++) pairs[next[pairText.data[p]!]!++] = pairCode.data[p]!;
    this.#pairStart = pairStart;
    this.#pairs = pairs;
    const phrases: number[] = [];
    texts.forEach((text, t) => {
      if (text.length < 2) return;
      for (let p = pairStart[t]!; p < pairStart[t + 1]!; p++) {
        const group = pairs[p]! & GROUP;
        if (group === INTENT || group === KEYWORD) return void phrases.push(t);
      }
    });
    this.#phrases = phrases.sort((a, b) => texts[a]!.length - texts[b]!.length);
    this.#phraseTexts = this.#phrases.map((t) => texts[t]!);
  }

  // --- querying --------------------------------------------------------------------------------

  #prepareScratch() {
    const n = this.#services.length;
    if (this.#name.length === n && this.#textMarks.length === this.#pairStart.length) return;
    this.#textMarks = new Uint32Array(this.#pairStart.length);
    this.#name = new Float64Array(n);
    this.#found = new Uint8Array(n);
    this.#partial = new Float64Array(n);
    this.#marks = new Uint32Array(n);
    this.#seen = new Uint8Array(n);
    this.#tier = new Uint8Array(n);
  }

  /** Marks a service as having a result for this query (its scratch slots are reset afterwards). */
  #touch(service: number) {
    if (!this.#seen[service]) {
      this.#seen[service] = 1;
      this.#touched++;
    }
  }

  /**
   * Calls `each` with every text where `q` occurs and where it first occurs in that text. A query
   * in Latin letters must start a word ("rent" is not in "parent"); Japanese has no spaces, so
   * any position counts. Bigrams for partial matches count anywhere (`anywhere`).
   */
  #scan(q: string, each: (text: number, at: number) => void, anywhere = false) {
    const wordStart = !anywhere && LATIN.test(q);
    const key = (wordStart ? 'w' : 'a') + q;
    const scans = this.#scans;
    let found = scans.get(key);
    if (found) scans.delete(key);
    else {
      found = this.#occurrences(q, wordStart);
      this.#scanned += found.length;
      // The last few dozen queries, and a few megabytes at most.
      for (const [old, pairs] of scans) {
        if (scans.size < 64 && this.#scanned <= SCANS_KEPT) break;
        scans.delete(old);
        this.#scanned -= pairs.length;
      }
    }
    scans.set(key, found);
    for (let k = 0; k < found.length; k += 2) each(found[k]!, found[k + 1]!);
  }

  /** Each text where `q` occurs (at a word start, with `wordStart`) and where first, in pairs. */
  #occurrences(q: string, wordStart: boolean): Int32Array {
    const corpus = this.#corpus;
    const starts = this.#starts;
    const out: number[] = [];
    // Typing on: where q occurs, the query it extends occurs too, so only those texts are searched.
    let within: Int32Array | undefined;
    for (let j = q.length - 1; j > 0 && !within; j--) within = this.#scans.get('a' + q.slice(0, j)) ?? (wordStart ? this.#scans.get('w' + q.slice(0, j)) : undefined);
    if (within) {
      for (let k = 0; k < within.length; k += 2) {
        const text = within[k]!;
        const start = starts[text]!;
        const from = start + within[k + 1]!;
        // Most often q goes on where what it extends first stood: then it is there too.
        if (corpus.startsWith(q, from) && !(wordStart && from > start && LATIN_CHAR.test(corpus[from - 1]!))) {
          out.push(text, from - start);
          continue;
        }
        const body = corpus.slice(start, starts[text + 1]! - 1);
        for (let at = body.indexOf(q, from - start + 1); at >= 0; at = body.indexOf(q, at + 1)) {
          if (wordStart && at > 0 && LATIN_CHAR.test(body[at - 1]!)) continue;
          out.push(text, at);
          break;
        }
      }
      return Int32Array.from(out);
    }
    const blocks = this.#blocks;
    let at = corpus.indexOf(q);
    while (at >= 0) {
      let text = blocks[at >>> 5]!;
      while (starts[text + 1]! <= at) text++;
      if (wordStart && at > starts[text]! && LATIN_CHAR.test(corpus[at - 1]!)) {
        at = corpus.indexOf(q, at + 1);
        continue;
      }
      out.push(text, at - starts[text]!);
      at = corpus.indexOf(q, starts[text + 1]!);
    }
    return Int32Array.from(out);
  }

  #matched(q: string, text: number, at: number) {
    const length = this.#starts[text + 1]! - this.#starts[text]! - 1;
    // Exact, then starts with, then contains; among those, the name the query covers most
    // (成年後見 finds 成年後見制度 before 成年後見制度の利用支援のための相談会).
    const name = length === q.length ? 30 : at === 0 ? 25 + (4 * q.length) / length : 20 + (4 * q.length) / length;
    const pairs = this.#pairs;
    for (let p = this.#pairStart[text]!, end = this.#pairStart[text + 1]!; p < end; p++) {
      const service = pairs[p]! >>> 3;
      const group = pairs[p]! & GROUP;
      this.#touch(service);
      if (group === NAME) {
        if (name > this.#name[service]!) this.#name[service] = name;
      } else this.#found[service]! |= group === INTENT ? IN_INTENT : group === KEYWORD ? IN_KEYWORD : IN_BODY;
    }
  }

  /** Services where every word of the query starts a word somewhere in their text. */
  #wordMatches(words: string[]): Bits {
    let all: Bits | undefined;
    for (const word of new Set(words)) {
      const bits = newBits(this.#services.length);
      this.#scan(word, (text) => {
        for (let p = this.#pairStart[text]!, end = this.#pairStart[text + 1]!; p < end; p++) add(bits, this.#pairs[p]! >>> 3);
      });
      if (all) for (let w = 0; w < all.length; w++) all[w]! &= bits[w]!;
      else all = bits;
    }
    all ??= newBits(this.#services.length);
    for (let w = 0; w < all.length; w++) {
      for (let word = all[w]!; word; word &= word - 1) this.#touch(w * 32 + 31 - Math.clz32(word & -word));
    }
    return all;
  }

  /** Share of the query's bigrams found in each service, for services that have most of them. */
  #partialScores(q: string) {
    const grams = [...new Set(bigrams(q))].slice(0, 32);
    if (grams.length < 3) return;
    // The grams each text holds first, then each service once per text (texts are shared).
    const texts: number[] = [];
    const textMarks = this.#textMarks;
    grams.forEach((gram, k) => {
      this.#scan(
        gram,
        (text) => {
          if (!textMarks[text]) texts.push(text);
          textMarks[text]! |= 1 << k;
        },
        true,
      );
    });
    const marked: number[] = [];
    const marks = this.#marks;
    const pairs = this.#pairs;
    for (const text of texts) {
      const mark = textMarks[text]!;
      textMarks[text] = 0;
      for (let p = this.#pairStart[text]!, end = this.#pairStart[text + 1]!; p < end; p++) {
        if (!(pairs[p]! & PARTIAL)) continue;
        const service = pairs[p]! >>> 3;
        if (!marks[service]) marked.push(service);
        marks[service]! |= mark;
      }
    }
    for (const service of marked) {
      let n = 0;
      for (let m = marks[service]!; m; m &= m - 1) n++;
      marks[service] = 0;
      const share = n / grams.length;
      if (n >= 3 && share >= 0.6 && share > this.#partial[service]!) {
        this.#touch(service);
        this.#partial[service] = share;
      }
    }
  }

  /** The services that pass the filters, as a bit set (the last few are kept). */
  #mask(f: Filters): Bits {
    const key = JSON.stringify([f.needs ?? [], f.audiences ?? [], f.town ?? '', f.goal ?? '']);
    let mask = this.#masks.get(key);
    if (mask) return mask;
    const n = this.#services.length;
    mask = newBits(n).fill(~0);
    const none = newBits(n);
    const anyOf = (keys: readonly string[]) => {
      const union = newBits(n);
      for (const k of keys) union.forEach((_, w, u) => (u[w]! |= (this.#facets.get(k) ?? none)[w]!));
      return union;
    };
    const and = (bits: Bits) => mask!.forEach((_, w, m) => (m[w]! &= bits[w]!));
    if (f.needs?.length) and(anyOf(f.needs));
    if (f.audiences?.length) and(anyOf(f.audiences));
    if (f.town) {
      const town = this.#facets.get(`town:${f.town}`) ?? none;
      and(this.#citywide.map((w, i) => w | town[i]!));
    }
    if (f.goal) and(this.#facets.get(`goal:${f.goal}`) ?? none);
    // Bits past the last service stay clear, so that counting is exact.
    if (n & 31) mask[mask.length - 1]! &= (1 << (n & 31)) - 1;
    if (this.#masks.size >= 32) this.#masks.delete(this.#masks.keys().next().value!);
    this.#masks.set(key, mask);
    return mask;
  }

  /** Positions of the services that pass the filters, in dataset order. */
  #passing(filters: Filters): Int32Array {
    const mask = this.#mask(filters);
    const out = new Int32Array(popcount(mask));
    let k = 0;
    for (let i = 0; i < this.#services.length; i++) if (has(mask, i)) out[k++] = i;
    return out;
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
    while (more && performance.now() < end && (!deadline || deadline.timeRemaining() > 1)) more = index.indexSome(16);
    if (more) schedule();
  };
  const schedule = () => (idle ? idle(slice, {timeout: 1000}) : setTimeout(slice, 0));
  schedule();
}
