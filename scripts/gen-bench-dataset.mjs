#!/usr/bin/env node
// Writes a large synthetic dataset for the benchmark: the built Nishitokyo dataset plus generated
// services made from its own vocabulary, deterministic (seeded), every text with readings.
//   node scripts/gen-bench-dataset.mjs [COUNT] [OUT]
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

export function generateBenchDataset(base, count) {
  let seed = 20261127;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const choose = (list) => list[Math.floor(random() * list.length)];
  // Ruby-annotated words taken from the real service names, so readings stay complete.
  const words = [...new Set(base.services.flatMap((s) => s.name.ja.match(/｜[^｜《]+《[^》]+》|[ぁ-んァ-ヶー]{2,}/g) ?? []))];
  const enWords = [...new Set(base.services.flatMap((s) => (s.name.en ?? '').split(/\W+/).filter((w) => w.length > 3)))];
  const needs = base.taxonomy_terms.filter((t) => t.taxonomy_id === 'need').map((t) => t.id);
  const audiences = base.taxonomy_terms.filter((t) => t.taxonomy_id === 'audience').map((t) => t.id);
  const desks = base.locations.map((l) => l.id);
  const services = [...base.services];
  for (let i = services.length; i < count; i++) {
    const template = choose(base.services);
    const name = `${choose(words)}${choose(words)}${random() < 0.5 ? choose(words) : ''}（${i}）`;
    services.push({
      ...template,
      id: `bench-${i}`,
      name: {ja: name, 'ja-x-easy': name, en: `${choose(enWords)} ${choose(enWords)} ${i}`},
      description: {...template.description},
      service_at_locations: [{location_id: choose(desks)}],
      attributes: [{taxonomy_term_id: choose(needs)}, {taxonomy_term_id: choose(audiences)}],
      x_jp: {...template.x_jp, keywords: [choose(words).replace(/[｜《》]|《[^》]*》/g, ''), choose(enWords).toLowerCase()], priority: random() < 0.05 ? 'priority-2' : undefined},
    });
  }
  return {...base, id: `bench-${count}`, services};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 5000);
  const out = process.argv[3] ?? `bench/tmp/dataset-${count}.json`;
  const base = JSON.parse(readFileSync('dist/data/nishitokyo.json', 'utf8'));
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, JSON.stringify(generateBenchDataset(base, count)));
  console.log(`wrote ${out} (${count} services)`);
}
