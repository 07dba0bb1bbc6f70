import type {Dataset} from '../src/core/data/types.js';

/** The id of this dataset's own source, which every fictional fact cites. */
export const BENCH_SOURCE: string;
/** The id a real desk gets in the benchmark dataset. */
export function benchDeskId(id: string): string;
export function generateBenchDataset(base: Dataset, count: number, options?: {seed?: number}): Dataset;
