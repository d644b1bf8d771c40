/** Reads `--sizes 1000,10000` (or `--sizes=…`, or BENCH_SIZES) and `--json`; the sizes stay text. */
export function readBenchArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { sizes?: string; isJson: boolean } {
  let sizes = env.BENCH_SIZES;
  let isJson = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') isJson = true;
    else if (arg === '--sizes') sizes = args[++i];
    else if (arg.startsWith('--sizes=')) sizes = arg.slice('--sizes='.length);
    else if (arg !== '--')
      throw new Error(`unknown argument "${arg}": use --sizes 1000,10000:5000 and --json`);
  }
  return sizes === undefined ? { isJson } : { sizes, isJson };
}
