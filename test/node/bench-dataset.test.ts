// The benchmark's synthetic dataset (scripts/gen-bench-dataset.mjs): it passes the full validator,
// is the same on every run, keeps the plan's services so the labelled queries have answers, and
// has desks of its own, so that a widget showing a desk from the built-in data instead of the
// finder's dataset shows in the benchmark.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import type {Dataset} from '../../src/core/data/types.js';
import {validateDataset} from '../../src/core/data/validate.js';
import {buildDataset, readDatasetSource, readOverrides} from '../../src/cli/build-data.js';
import {BENCH_SOURCE, benchDeskId, generateBenchDataset} from '../../scripts/gen-bench-dataset.mjs';

const COUNT = 700;
let base: Dataset;
let bench: Dataset;

before(async () => {
  base = (await buildDataset(readDatasetSource('data/nishitokyo'), readOverrides('data/readings.json'))).dataset;
  bench = generateBenchDataset(base, COUNT);
});

test('the generated dataset passes the full validator, readings included', () => {
  assert.equal(bench.readings_complete, true);
  assert.deepEqual(validateDataset(bench), []);
  assert.equal(bench.services.length, COUNT);
});

test('the same seed gives the same dataset; another seed another one', () => {
  assert.equal(JSON.stringify(generateBenchDataset(base, COUNT)), JSON.stringify(bench));
  assert.notEqual(JSON.stringify(generateBenchDataset(base, COUNT, {seed: 7})), JSON.stringify(bench));
});

test('no desk id of the built-in dataset is reused, and every service with a desk reaches a phone', () => {
  const builtin = new Set(base.locations.map((l) => l.id));
  assert.deepEqual(bench.locations.filter((l) => builtin.has(l.id)).map((l) => l.id), []);
  const desks = new Map(bench.locations.map((l) => [l.id, l]));
  for (const s of bench.services) {
    for (const {location_id} of s.service_at_locations) {
      const desk = desks.get(location_id);
      assert.ok(desk, `${s.id}: desk ${location_id} is not in the dataset`);
      if (s.id.startsWith('bench-')) assert.ok(desk.phones.some((p) => p.type === 'voice'), `${s.id}: desk ${location_id} has no phone`);
    }
  }
  assert.equal(bench.fallback_contact.location_id, benchDeskId(base.fallback_contact.location_id!));
});

test('the plan services and their real desks stay, with their facts and sources', () => {
  for (const real of base.services) {
    const kept = bench.services.find((s) => s.id === real.id);
    assert.ok(kept, real.id);
    assert.deepEqual(kept.name, real.name);
    assert.deepEqual(kept.service_at_locations.map((a) => a.location_id), real.service_at_locations.map((a) => benchDeskId(a.location_id)));
  }
  for (const real of base.locations) {
    const kept = bench.locations.find((l) => l.id === benchDeskId(real.id));
    assert.deepEqual({...kept, id: real.id}, real);
  }
});

test('generated desks are fictional: 042-000 numbers (never a real local number), 丁目 0, and this dataset as their source', () => {
  const generated = bench.locations.filter((l) => !base.locations.some((b) => benchDeskId(b.id) === l.id));
  assert.ok(generated.length >= (COUNT - base.services.length) / 20);
  const numbers = generated.flatMap((l) => l.phones.map((p) => p.number));
  assert.ok(numbers.every((n) => /^042-000-\d{4}$/.test(n)), numbers.find((n) => !/^042-000-/.test(n)));
  assert.equal(new Set(numbers).size, numbers.length, 'each number once');
  for (const l of generated) {
    assert.match(l.addresses[0]!.address_1, /0-0-\d+$/);
    assert.deepEqual(l.phones[0]!.x_jp.sources, [BENCH_SOURCE]);
  }
  assert.ok(bench.sources.some((s) => s.id === BENCH_SOURCE));
  const generatedServices = bench.services.filter((s) => s.id.startsWith('bench-'));
  assert.ok(generatedServices.every((s) => s.x_jp.provenance.sources?.includes(BENCH_SOURCE) && !s.url));
});
