import {expect} from '@open-wc/testing';
import {ServiceIndex} from '../../src/core/search/service-index.js';
import type {Dataset, Service} from '../../src/core/data/types.js';

const provenance = {status: 'verified' as const, sources: ['s']};
function service(id: string, name: string, extra: Partial<Service> & {keywords?: string[]; priority?: string; needs?: string[]} = {}): Service {
  return {
    id,
    organization_id: 'org',
    name: {ja: name, 'ja-x-easy': name, en: extra.name?.en ?? id},
    description: extra.description ?? {ja: '説明です', 'ja-x-easy': 'せつめい', en: 'a description'},
    status: 'active',
    service_at_locations: [],
    service_areas: extra.service_areas ?? [],
    attributes: (extra.needs ?? []).map((taxonomy_term_id) => ({taxonomy_term_id})),
    x_jp: {kind: 'program', plan_refs: extra.x_jp?.plan_refs ?? [], keywords: extra.keywords ?? [], provenance, ...(extra.priority ? {priority: extra.priority} : {})},
  };
}

function dataset(services: Service[], intents: Dataset['intents'] = []): Dataset {
  return {
    schema_version: '1.0', id: 't', name: {ja: 't', 'ja-x-easy': 't', en: 't'}, publisher: {ja: 't', 'ja-x-easy': 't', en: 't'},
    last_modified: '2026-11-27', sources: [], organizations: [], locations: [], services,
    taxonomies: [], towns: [], areas: [], shelters: [], intents, glossary: [],
    taxonomy_terms: [
      {id: 'need-money', taxonomy_id: 'need', name: {ja: 'お金', 'ja-x-easy': 'おかね', en: 'Money'}, description: {ja: 'x', 'ja-x-easy': 'x', en: 'x'}},
      {id: 'need-care', taxonomy_id: 'need', name: {ja: '介護', 'ja-x-easy': 'かいご', en: 'Care'}, description: {ja: 'x', 'ja-x-easy': 'x', en: 'x'}},
    ],
    fallback_contact: {name: {ja: '市', 'ja-x-easy': 'し', en: 'City'}, phone: '042-464-1311', x_jp: provenance},
  };
}

const ids = (hits: {service: Service}[]) => hits.map((h) => h.service.id);

describe('service search', () => {
  it('ranks name and reading, then intents, then keywords and descriptions', () => {
    const index = new ServiceIndex(
      dataset(
        [
          service('by-description', '相談窓口', {description: {ja: '家賃の支払いに困ったとき', 'ja-x-easy': 'やちん', en: 'rent'}}),
          service('by-keyword', '住まいの相談', {keywords: ['家賃']}),
          service('by-intent', '生活の相談'),
          service('by-name', '家賃の補助'),
          service('exact', '家賃'),
        ],
        [{id: 'i', phrases: {ja: ['家賃が払えない']}, services: ['by-intent']}],
      ),
    );
    expect(ids(index.search('家賃'))).to.deep.equal(['exact', 'by-name', 'by-intent', 'by-keyword', 'by-description']);
  });

  it('breaks ties in favour of the plan\'s 重点的な取組', () => {
    const index = new ServiceIndex(dataset([service('a', '相談A'), service('b', '相談B', {priority: 'priority-2'}), service('c', '相談C')]));
    expect(ids(index.search('相談'))).to.deep.equal(['b', 'a', 'c']);
  });

  it('puts the name the query covers most first among name matches', () => {
    const index = new ServiceIndex(
      dataset([
        service('long', '成年後見制度の利用を広げる会', {priority: 'priority-2'}),
        service('short', '成年後見制度'),
        service('inside', '市民の成年後見'),
      ]),
    );
    expect(ids(index.search('成年後見'))).to.deep.equal(['short', 'long', 'inside']);
    expect(ids(index.search('成年後見制度'))[0]).to.equal('short');
  });

  it('reads kana, half-width kana, romaji and folded long vowels', () => {
    const index = new ServiceIndex(dataset([service('g', '｜成年後見制度《せいねんこうけんせいど》'), service('c', 'ケアマネジャーの相談'), service('x', '別の窓口')]));
    for (const q of ['せいねんこうけん', 'ｾｲﾈﾝｺｳｹﾝ', 'seinen kouken', 'Seinen Kōken', 'seinenkoken']) expect(ids(index.search(q))[0], q).to.equal('g');
    expect(ids(index.search('ケアマネージャー'))).to.deep.equal(['c']);
    // While the next syllable is typed, the words before it still find the service.
    for (const q of ['seinen k', 'seinen ky', 'seinen kouk', 'seinen koukenseid']) expect(ids(index.search(q))[0], q).to.equal('g');
    expect(ids(index.search('seinen 1'))).to.deep.equal([]);
  });

  it('matches English words from their start only', () => {
    const index = new ServiceIndex(dataset([service('rent', 'A', {name: {ja: 'A', en: 'Help with rent'}}), service('parent', 'B', {name: {ja: 'B', en: 'Parenting'}})]));
    expect(ids(index.search('rent'))).to.deep.equal(['rent']);
    expect(ids(index.search('paren'))).to.deep.equal(['parent']);
  });

  it('keeps matching English from word starts after a query that shared its letters', () => {
    const index = new ServiceIndex(dataset([service('rent', 'A', {name: {ja: 'A', en: 'Help with rent'}}), service('parent', 'B', {name: {ja: 'B', en: 'Parenting'}})]));
    // Its partial matching looks for "re" anywhere, as in "parenting"; "ren" must not.
    index.search('reかいご');
    expect(ids(index.search('ren'))).to.deep.equal(['rent']);
    expect(ids(index.search('rent'))).to.deep.equal(['rent']);
  });

  it('finds partial Japanese matches, after the full ones', () => {
    const index = new ServiceIndex(dataset([service('a', '生活困窮者の自立相談支援'), service('b', '自立相談')]));
    expect(ids(index.search('生活困窮の相談'))).to.deep.equal(['a']);
    expect(ids(index.search('自立相談'))).to.deep.equal(['b', 'a']);
  });

  it('combines need, town and goal filters with the query', () => {
    const index = new ServiceIndex(
      dataset([
        service('money-city', '相談1', {needs: ['need-money']}),
        service('care-city', '相談2', {needs: ['need-care'], x_jp: {kind: 'program', plan_refs: [{goal: 'goal-3'}], provenance}}),
        service('money-town', '相談3', {needs: ['need-money'], service_areas: [{id: 'a', name: {ja: 'a', 'ja-x-easy': 'a', en: 'a'}, extent_type: 'towns', towns: ['town-a']}]}),
      ]),
    );
    expect(ids(index.search('相談', {needs: ['need-money']}))).to.deep.equal(['money-city', 'money-town']);
    expect(ids(index.search('相談', {needs: ['need-money'], town: 'town-b'}))).to.deep.equal(['money-city']);
    expect(ids(index.search('', {goal: 'goal-3'}))).to.deep.equal(['care-city']);
    expect(ids(index.search('', {needs: ['need-money', 'need-care']}))).to.have.length(3);
  });

  it('browses and filters before any text is indexed; a query finishes the index and finds the same as a prebuilt one', () => {
    const services = Array.from({length: 12}, (_, i) => service(`s${i}`, i % 2 ? `介護の相談${i}` : `お金の相談${i}`, {needs: [i % 2 ? 'need-care' : 'need-money']}));
    const lazy = new ServiceIndex(dataset(services));
    expect(lazy.complete).to.equal(false);
    expect(ids(lazy.search('', {needs: ['need-care']}))).to.have.length(6);
    expect(lazy.complete, 'browsing indexed text').to.equal(false);
    expect(lazy.indexSome(5), 'more remain after 5 of 12').to.equal(true);
    expect(lazy.complete).to.equal(false);
    const hits = ids(lazy.search('かいご'));
    expect(lazy.complete).to.equal(true);
    const eager = new ServiceIndex(dataset(services));
    expect(eager.indexSome()).to.equal(false);
    expect(hits).to.deep.equal(ids(eager.search('かいご')));
    expect(hits).to.have.length(6);
  });
});
