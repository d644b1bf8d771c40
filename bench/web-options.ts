import { readBenchArgs } from './bench-args.ts';
import type { WebGraphSize } from './web-graph.ts';

/** What `pnpm bench:web` was asked to do. */
export interface WebBenchOptions {
  sizes: WebGraphSize[];
  runs: number;
  isJson: boolean;
}

// The middle size is where the app's map collapses to namespaces by default.
const DEFAULT_SIZES: WebGraphSize[] = [
  { nodes: 500, edges: 2_000 },
  { nodes: 1_000, edges: 5_000 },
  { nodes: 2_000, edges: 10_000 },
];
const DEFAULT_RUNS = 3;

/** Reads `--sizes 500:2000,1000:5000,2000:10000` (nodes:edges, or BENCH_SIZES), `--json`, and BENCH_RUNS. */
export function parseWebBenchOptions(args: readonly string[], env: NodeJS.ProcessEnv): WebBenchOptions {
  const { sizes, isJson } = readBenchArgs(args, env);
  const runs = Number(env.BENCH_RUNS ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`BENCH_RUNS="${env.BENCH_RUNS}" is not a count of runs`);
  return { sizes: sizes ? sizes.split(',').map(parseSize) : DEFAULT_SIZES, runs, isJson };
}

function parseSize(text: string): WebGraphSize {
  const [nodes, edges = (Number(text.split(':')[0]) || 0) * 5] = text.trim().split(':').map(Number);
  if (!nodes || !Number.isInteger(nodes) || nodes < 1 || !Number.isInteger(edges) || edges < 0) {
    throw new Error(`"${text}" is not a size: use nodes or nodes:edges`);
  }
  return { nodes, edges };
}
