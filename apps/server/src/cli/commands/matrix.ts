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

const MATRIX_HELP = `Usage: netmap matrix --manifests PATH --port N [--protocol TCP|UDP|SCTP] [options]

Which pod can open a connection to which pod on one port and protocol. Every
running pod is a row and a column; a pod can always reach itself.

Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --port N                      destination port (1-65535)
  --protocol P                  TCP (default), UDP or SCTP
  --format F                    text (default: a grid, "." allowed, "X" denied, "?" unknown),
                                json, csv or md
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true; false for CNIs
                                such as Cilium that match them only outside the pod network)

JSON: {"port", "protocol", "pods": [sorted "ns/name"], "allowed": {"ns/name": [pods it can reach]},
       "unknown": {...} only when some verdict depends on a fact that is not known}
`;

/** `netmap matrix`. */
export async function runMatrix(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseCommand(args, { ...COMMON_OPTIONS, ...PORT_OPTIONS });
  if (values.help) return io.out(MATRIX_HELP);
  const format = formatOption(values.format, ['text', 'json', 'csv', 'md'] as const);
  const port = portOption(values.port, true)!;
  const protocol = protocolOption(values.protocol);
  const evaluation = await loadEvaluation(values, io);
  const matrix = evaluation.matrix(port, protocol);
  if (format === 'json') return io.out(JSON.stringify(matrix) + '\n');
  const cell = (from: string, to: string) =>
    matrix.allowed[from]?.includes(to) ? '.' : matrix.unknown?.[from]?.includes(to) ? '?' : 'X';
  const rows = matrix.pods.map((from) => [from, ...matrix.pods.map((to) => cell(from, to))]);
  io.out(`${protocol} ${port}: rows are sources, columns destinations\n`);
  io.out(formatTable([`from \\ to`, ...matrix.pods], rows, format));
}
