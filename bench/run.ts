import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions } from './bench-options.ts';
import type { SizeConfig, SizeResult } from './measure-size.ts';
import { checkTargets, formatDetails, formatResults } from './report.ts';

/** `pnpm bench [-- --sizes 1000,10000] [--json]`: engine scale benchmarks, one child process per size. */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const results: SizeResult[] = [];
  for (const config of options.cases) {
    console.error(`benchmarking ${config.pods} pods, ${config.policies} policies…`);
    results.push(await runInChild(config));
  }
  if (options.isJson) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(`\n${formatResults(results)}\n\n${formatDetails(results)}\n`);
  console.log(checkTargets(results).join('\n'));
}

/** Measures one case in a fresh node with --expose-gc, so sizes share neither heap nor peak RSS. */
function runInChild(config: SizeConfig): Promise<SizeResult> {
  const worker = fileURLToPath(new URL('./size-worker.ts', import.meta.url));
  const child = fork(worker, [JSON.stringify(config)], {
    execArgv: ['--import', import.meta.resolve('tsx'), '--expose-gc', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: SizeResult | undefined;
    child.on('message', (message) => (result = message as SizeResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`benchmark of ${config.pods} pods exited with code ${code} and no result`));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
