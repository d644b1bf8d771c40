import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseServerBenchOptions } from './server-options.ts';
import { checkLatencyTargets, formatLatency, formatSnapshot, formatSync } from './server-report.ts';
import type { ServerSizeConfig, ServerSizeResult } from './server-size.ts';

const BUFFER_NOTE =
  "* the snapshot is larger than the stream's default maxBufferedBytes (8 MiB); the latency runs raise the\n" +
  "  limit above it. The stream does not need it (a client's allowance comes on top of its snapshot): the\n" +
  "  'snapshot at client' column is timed with the defaults.";

/** `pnpm bench:server [-- --sizes 1000,10000] [--json]`: sync and stream benchmarks, one child process per size. */
async function main(): Promise<void> {
  const options = parseServerBenchOptions(process.argv.slice(2), process.env);
  const results: ServerSizeResult[] = [];
  for (const config of options.cases) {
    console.error(`benchmarking the server at ${config.pods} pods, ${config.policies} policies…`);
    const result = await runInChild(config);
    for (const problem of result.problems) console.error(`  source problem: ${problem}`);
    results.push(result);
  }
  if (options.isJson) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(`\nInitial sync through client-node (kube-sim in process)\n\n${formatSync(results)}\n`);
  console.log(`What the snapshot holds\n\n${formatSnapshot(results)}\n`);
  console.log(`Change to patch at an SSE client\n\n${formatLatency(results)}\n`);
  if (results.some((r) => r.latency.some((l) => l.isBufferRaised))) {
    console.log(`${BUFFER_NOTE}\n`);
  }
  console.log(checkLatencyTargets(results).join('\n'));
}

/** Measures one size in a fresh node with --expose-gc, so sizes share neither heap nor peak RSS. */
function runInChild(config: ServerSizeConfig): Promise<ServerSizeResult> {
  const worker = fileURLToPath(new URL('./server-worker.ts', import.meta.url));
  const child = fork(worker, [JSON.stringify(config)], {
    execArgv: ['--import', import.meta.resolve('tsx'), '--expose-gc', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: ServerSizeResult | undefined;
    child.on('message', (message) => (result = message as ServerSizeResult));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else
        reject(new Error(`server benchmark of ${config.pods} pods exited with code ${code} and no result`));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
