import type { SizeConfig } from './measure-size.ts';
import { readBenchArgs } from './bench-args.ts';

/** What `pnpm bench` was asked to do. */
export interface BenchOptions {
  cases: SizeConfig[];
  isJson: boolean;
}

/** The standard cases: about one policy per 5 pods, and twice that at 150k pods. */
const DEFAULT_CASES: readonly [pods: number, policies: number][] = [
  [1_000, 200],
  [10_000, 2_000],
  [50_000, 10_000],
  [150_000, 15_000],
  [150_000, 30_000],
];

const SEED = 20_261_127;
const CHANGE_RUNS = 21;

/**
 * Reads `--sizes 1000,10000` (or `--sizes=…`, or BENCH_SIZES) and `--json`. A size is `pods` (the
 * standard cases with that many pods, else one policy per 5 pods) or `pods:policies`.
 */
export function parseBenchOptions(args: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { sizes, isJson } = readBenchArgs(args, env);
  const pairs = sizes ? sizes.split(',').flatMap(parseSize) : DEFAULT_CASES;
  return { cases: pairs.map(([pods, policies]) => caseOf(pods, policies)), isJson };
}

function parseSize(text: string): [number, number][] {
  const [pods, policies] = text.trim().split(':').map(Number);
  if (!pods || !Number.isInteger(pods) || pods < 1)
    throw new Error(`"${text}" is not a size: use pods or pods:policies`);
  if (policies !== undefined) {
    if (!Number.isInteger(policies) || policies < 1)
      throw new Error(`"${text}": policies must be a positive number`);
    return [[pods, policies]];
  }
  const standard = DEFAULT_CASES.filter(([p]) => p === pods);
  return standard.length > 0 ? [...standard] : [[pods, Math.max(1, Math.round(pods / 5))]];
}

function caseOf(pods: number, policies: number): SizeConfig {
  return { pods, policies, seed: SEED, fullRuns: pods <= 50_000 ? 5 : 3, changeRuns: CHANGE_RUNS };
}
