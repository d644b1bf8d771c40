import { QueryError } from '@netmap/engine';
import type { CliIo } from './cli-io.ts';
import { runCan } from './commands/can.ts';
import { runDiff } from './commands/diff.ts';
import { runFindings } from './commands/findings.ts';
import { runFlows } from './commands/flows.ts';
import { runMatrix } from './commands/matrix.ts';
import { runReport } from './commands/report.ts';
import { runServe } from './commands/serve.ts';
import { runWhoCanReach } from './commands/who-can-reach.ts';
import { UsageError } from './usage-error.ts';

const HELP = `netmap: what can talk to what in a Kubernetes cluster, and why.

Usage: netmap <command> [options]

Commands:
  matrix          which pod can reach which pod on one port/protocol
  can             whether one endpoint can reach another, with the rule that decides it
  who-can-reach   every pod that can reach a target
  flows           allowed connections between workloads, ports merged per protocol
  findings        what a review should look at: exposure, unprotected pods, dead or broken parts
  diff            what a change of manifests opens and closes, and the findings it adds or settles
  report          a security review report (HTML or Markdown) of manifests
  serve           serve the HTTP API over manifests

Run "netmap <command> --help" for a command's options.
Exit codes: 0 ok; 1 findings of --fail-on severity or above (netmap findings), or a
change that opens something from outside the cluster (netmap diff); 2 bad usage or
bad input (the reason is on stderr).
`;

/** A command; one that returns a number sets the exit code (0 otherwise). */
const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<void | number>> = {
  matrix: runMatrix,
  can: runCan,
  'who-can-reach': runWhoCanReach,
  flows: runFlows,
  findings: runFindings,
  diff: runDiff,
  report: runReport,
  serve: runServe,
};

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}" (try netmap --help)`);
    const code = await run(args, io);
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    // Bad usage, bad input and questions about objects that are not there: one line, exit code 2.
    if (!(error instanceof UsageError) && !(error instanceof QueryError)) throw error;
    io.err(`netmap: ${error.message}\n`);
    return 2;
  }
}
