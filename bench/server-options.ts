import type { ServerSizeConfig } from './server-size.ts';
import { DEFAULT_COALESCE_MS } from '../apps/server/src/hub/model-hub.ts';
import { readBenchArgs } from './bench-args.ts';

/** What `pnpm bench:server` was asked to do. */
export interface ServerBenchOptions {
  cases: ServerSizeConfig[];
  isJson: boolean;
}

const DEFAULT_SIZES = [1_000, 10_000, 50_000];
const SEED = 20_261_127;
/** The hub's default window first, then the earlier default (150 ms), then a short one that shows the floor. */
const COALESCE_MS = [DEFAULT_COALESCE_MS, 150, 10];

/** Reads `--sizes 1000,10000` (or `--sizes=…`, or BENCH_SIZES; `pods` or `pods:policies`) and `--json`. */
export function parseServerBenchOptions(args: readonly string[], env: NodeJS.ProcessEnv): ServerBenchOptions {
  const { sizes, isJson } = readBenchArgs(args, env);
  const pairs = sizes
    ? sizes.split(',').map(parseSize)
    : DEFAULT_SIZES.map((pods) => parseSize(String(pods)));
  return { cases: pairs.map(([pods, policies]) => caseOf(pods, policies)), isJson };
}

function parseSize(text: string): [number, number] {
  const [pods, policies = Math.max(1, Math.round((pods ?? 0) / 5))] = text.trim().split(':').map(Number);
  if (!pods || !Number.isInteger(pods) || pods < 1)
    throw new Error(`"${text}" is not a size: use pods or pods:policies`);
  if (!Number.isInteger(policies) || policies < 1)
    throw new Error(`"${text}": policies must be a positive number`);
  return [pods, policies];
}

/** Fewer repeats where a sync takes long: 5 syncs at 1k pods, 3 up to 10k, else the 2 latency runs. */
function caseOf(pods: number, policies: number): ServerSizeConfig {
  const syncRuns = pods <= 1_000 ? 5 : pods <= 10_000 ? 3 : COALESCE_MS.length;
  return { pods, policies, seed: SEED, syncRuns, changes: 20, coalesceMs: COALESCE_MS };
}
