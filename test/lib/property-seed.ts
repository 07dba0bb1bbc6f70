// Property tests run the same cases on every machine and every day: a fixed seed by default.
// FC_SEED=random explores new cases (a failure prints the seed that replays it: FC_SEED=<seed>).
import fc from 'fast-check';

const given = process.env.FC_SEED;
if (given !== 'random') fc.configureGlobal({seed: given ? Number(given) : 20261207});
