#!/usr/bin/env node
// Writes a large synthetic dataset for the benchmark, deterministic (seeded), that passes the full
// validator (`fukushi-widgets validate FILE`), with desks of its own:
//  - the plan's real services, desks and organisations stay, so the labelled queries keep their
//    answers, but every desk id gets the prefix `bench-`: no built-in desk id is reused, so a
//    widget that looked a desk up in the built-in dataset instead of this one would find nothing;
//  - generated organisations and desks, fictional and marked with this dataset's own source
//    (`bench-synthetic`): phone numbers are in the 042-000-xxxx block, which cannot be real
//    (a Japanese local number never starts with 0 after the area code), and addresses are in
//    丁目 0, which no town has;
//  - generated services named and described with the real services' own words (ruby-annotated,
//    so every kanji keeps its reading), each linked to one generated desk.
//   node scripts/gen-bench-dataset.mjs [COUNT] [OUT]
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

/** Generated services per generated desk. */
const SERVICES_PER_DESK = 20;
/** Generated desks per generated organisation. */
const DESKS_PER_ORGANIZATION = 10;
// Two numbers per desk (voice, and FAX for some) out of 042-000-0000 … 042-000-9999.
const MAX_DESKS = 5000;

export const BENCH_SOURCE = 'bench-synthetic';
const SOURCE = {
  id: BENCH_SOURCE,
  title:
    'Synthetic benchmark data made by scripts/gen-bench-dataset.mjs: fictional organisations, desks, services, ' +
    'phone numbers (042-000-xxxx, which cannot be a real number) and addresses (丁目 0). Not for residents.',
};
const FICTIONAL = {status: 'verified', sources: [BENCH_SOURCE]};

// Ruby for the few words the generator adds itself.
const FICTIONAL_JA = '｜架空《か|くう》の';
const DESK_SUFFIXES = [
  ['｜窓口《まど|ぐち》', 'desk'],
  ['｜相談室《そう|だん|しつ》', 'advice room'],
  ['センター', 'centre'],
];
const TOKYO = '｜東京都《とう|きょう|と》｜西東京《にし|とう|きょう》｜市《し》';

const pad4 = (n) => String(n).padStart(4, '0');
/** Ruby notation → the plain text a resident reads. */
const plain = (notation) => notation.replace(/｜([^｜《]+)《[^》]*》/g, '$1');
const same = (ja, en) => ({ja, 'ja-x-easy': ja, en});

export const benchDeskId = (id) => `bench-${id}`;

export function generateBenchDataset(base, count, {seed = 20261127} = {}) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const choose = (list) => list[Math.floor(random() * list.length)];

  const generated = Math.max(0, count - base.services.length);
  const deskCount = Math.ceil(generated / SERVICES_PER_DESK);
  if (deskCount > MAX_DESKS) {
    throw new Error(`gen-bench-dataset: ${count} services need ${deskCount} desks, but the fictional phone block has numbers for ${MAX_DESKS}; use at most ${MAX_DESKS * SERVICES_PER_DESK + base.services.length} services.`);
  }
  const orgCount = Math.ceil(deskCount / DESKS_PER_ORGANIZATION);

  // Ruby-annotated words and kana runs from the real service names, so readings stay complete.
  const words = [...new Set(base.services.flatMap((s) => s.name.ja.match(/｜[^｜《]+《[^》]+》|[ぁ-んァ-ヶー]{2,}/g) ?? []))];
  const enWords = [...new Set(base.services.flatMap((s) => (s.name.en ?? '').split(/\W+/).filter((w) => w.length > 3)))];
  const needs = base.taxonomy_terms.filter((t) => t.taxonomy_id === 'need').map((t) => t.id);
  const audiences = base.taxonomy_terms.filter((t) => t.taxonomy_id === 'audience').map((t) => t.id);
  const priorities = (base.plan?.priorities ?? []).map((p) => p.id);

  const organizations = Array.from({length: orgCount}, (_, k) => ({
    id: `bench-org-${k + 1}`,
    name: same(`${FICTIONAL_JA}｜福祉《ふく|し》｜法人《ほう|じん》 ${k + 1}`, `Fictional welfare organisation ${k + 1}`),
    x_jp: FICTIONAL,
  }));

  const desks = Array.from({length: deskCount}, (_, k) => {
    const id = `bench-desk-${k + 1}`;
    const [suffix, suffixEn] = choose(DESK_SUFFIXES);
    const town = choose(base.towns);
    const address1 = `0-0-${k + 1}`;
    const phones = [{id: `${id}-tel`, number: `042-000-${pad4(2 * k)}`, type: 'voice', x_jp: FICTIONAL}];
    if (k % 3 === 0) phones.push({id: `${id}-fax`, number: `042-000-${pad4(2 * k + 1)}`, type: 'fax', x_jp: FICTIONAL});
    return {
      id,
      location_type: 'physical',
      organization_id: organizations[Math.floor(k / DESKS_PER_ORGANIZATION)].id,
      name: same(`${FICTIONAL_JA}${choose(words)}${suffix} ${k + 1}`, `Fictional ${choose(enWords).toLowerCase()} ${suffixEn} ${k + 1}`),
      addresses: [
        {
          id: `${id}-addr`,
          address_1: `${plain(town.name.ja)}${address1}`,
          city: '西東京市',
          state_province: '東京都',
          postal_code: town.postal_code,
          country: 'JP',
          address_type: 'physical',
          x_jp: {...FICTIONAL, ruby: `${TOKYO}${town.name.ja}${address1}`},
        },
      ],
      phones,
      schedules: [{id: `${id}-sch`, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:30', closes_at: '17:15', x_jp: FICTIONAL}],
      x_jp: {closures: {public_holidays: true, year_end: {from: '12-29', to: '01-03'}, x_jp: FICTIONAL}},
    };
  });

  // The real desks under ids of their own, and every reference to them.
  const renamed = (id) => (id === undefined ? undefined : benchDeskId(id));
  const realDesks = base.locations.map((l) => ({...l, id: renamed(l.id)}));
  const realServices = base.services.map((s) => ({...s, service_at_locations: s.service_at_locations.map((a) => ({location_id: renamed(a.location_id)}))}));
  const renameSummary = (sections) =>
    sections?.map((section) => ({
      ...section,
      blocks: section.blocks.map((b) => (b.type === 'desks' ? {...b, location_ids: b.location_ids.map(renamed)} : b)),
      ...(section.sections ? {sections: renameSummary(section.sections)} : {}),
    }));

  const services = [...realServices];
  for (let i = services.length; i < count; i++) {
    // Texts from a real service (its description, eligibility, details), a name of real words.
    const {url: _url, email: _email, ...template} = choose(base.services);
    const id = `bench-${i}`;
    const desk = desks[(i - base.services.length) % deskCount];
    const name = `${choose(words)}${choose(words)}${random() < 0.5 ? choose(words) : ''}（${i}）`;
    const priority = random() < 0.05 ? choose(priorities) : undefined;
    services.push({
      ...template,
      id,
      organization_id: desk.organization_id,
      name: {ja: name, 'ja-x-easy': name, en: `${choose(enWords)} ${choose(enWords)} ${i}`},
      service_at_locations: [{location_id: desk.id}],
      service_areas: template.service_areas.map((a, j) => ({...a, id: `${id}-area-${j + 1}`})),
      attributes: [{taxonomy_term_id: choose(needs)}, {taxonomy_term_id: choose(audiences)}],
      x_jp: {
        ...template.x_jp,
        keywords: [plain(choose(words)), choose(enWords).toLowerCase()],
        priority, // undefined (left out of the JSON) unless drawn
        provenance: FICTIONAL,
      },
    });
  }

  return {
    ...base,
    id: `bench-${count}`,
    name: {
      ja: `ベンチマーク｜用《よう》の${FICTIONAL_JA}データ（${count}｜件《けん》）`,
      'ja-x-easy': `ベンチマーク｜用《よう》の${FICTIONAL_JA}データ（${count}｜件《けん》）`,
      en: `Fictional benchmark data (${count} services)`,
    },
    sources: [...base.sources, SOURCE],
    organizations: [...base.organizations, ...organizations],
    locations: [...realDesks, ...desks],
    services,
    fallback_contact: {...base.fallback_contact, location_id: renamed(base.fallback_contact.location_id)},
    ...(base.plan ? {plan: {...base.plan, summary: renameSummary(base.plan.summary)}} : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 5000);
  const out = process.argv[3] ?? `bench/tmp/dataset-${count}.json`;
  const base = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8'));
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, JSON.stringify(generateBenchDataset(base, count)));
  console.log(`wrote ${out} (${count} services)`);
}
