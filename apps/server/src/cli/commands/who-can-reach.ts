import { parseEndpoint } from '@netmap/engine';
import type { CliIo } from '../cli-io.ts';
import { formatTable } from '../format-table.ts';
import { loadEvaluation } from '../load-evaluation.ts';
import {
  COMMON_OPTIONS,
  PORT_OPTIONS,
  formatOption,
  parseCommand,
  portOption,
  protocolOption,
} from '../options.ts';
import { UsageError } from '../usage-error.ts';
import { ENDPOINT_FORMS } from './can.ts';

const WHO_CAN_REACH_HELP = `Usage: netmap who-can-reach TARGET --manifests PATH [--port N [--protocol P]] [options]

Every pod that can open a connection to TARGET, and on which ports (only those
that can reach the given port, when --port is set).

${ENDPOINT_FORMS}
Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --port N, --protocol P        only sources that can reach this port (protocol default TCP)
  --format F                    text (default), json, csv or md
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)
`;

/** `netmap who-can-reach`. */
export async function runWhoCanReach(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommand(args, { ...COMMON_OPTIONS, ...PORT_OPTIONS }, 1);
  if (values.help) return io.out(WHO_CAN_REACH_HELP);
  const [targetText] = positionals;
  if (targetText === undefined) throw new UsageError('netmap who-can-reach needs a TARGET');
  const format = formatOption(values.format, ['text', 'json', 'csv', 'md'] as const);
  const port = portOption(values.port, false);
  const filter = port === undefined ? undefined : { port, protocol: protocolOption(values.protocol) };
  const evaluation = await loadEvaluation(values, io);
  const reach = evaluation.whoCanReach(parseEndpoint(targetText), filter);
  if (format === 'json') return io.out(JSON.stringify({ target: targetText, sources: reach }) + '\n');
  const rows = reach.map((r) => [
    r.pod,
    r.workload,
    r.ports === 'all' ? 'all' : r.ports.join(', '),
    r.unknownPorts.join(', '),
  ]);
  io.out(formatTable(['POD', 'WORKLOAD', 'PORTS', 'UNKNOWN'], rows, format));
}
