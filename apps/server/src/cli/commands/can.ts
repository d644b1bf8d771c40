import { parseEndpoint } from '@netmap/engine';
import type { CliIo } from '../cli-io.ts';
import { loadEvaluation } from '../load-evaluation.ts';
import {
  COMMON_OPTIONS,
  PORT_OPTIONS,
  formatOption,
  parseCommand,
  portOption,
  protocolOption,
} from '../options.ts';
import { renderCheck } from '../render-check.ts';
import { UsageError } from '../usage-error.ts';

export const ENDPOINT_FORMS = `Endpoints:
  ns/name                       a pod (or pod/ns/name)
  ns/name[Kind]                 a workload: every one of its pods, e.g. shop/web[Deployment]
  svc/ns/name                   a Service: its backend pods, on the service port's targetPort
  ingress/host/path             an Ingress route: outside -> ingress controller pods on --port
                                (80 or 443) -> Service -> pods on the backend's targetPort
  10.1.2.3                      an IP address: the pod that has it, or an address outside the cluster
`;

const CAN_HELP = `Usage: netmap can FROM TO --manifests PATH --port N [--protocol P] [options]

Whether FROM can open a connection to TO on a port and protocol, and why: for
each side, whether the pod is isolated, every policy that selects it, and the
exact rule that allowed the connection, or why none did.

${ENDPOINT_FORMS}
Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --port N                      destination port (1-65535)
  --protocol P                  TCP (default), UDP or SCTP
  --format F                    text (default) or json
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)
`;

/** `netmap can`. */
export async function runCan(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommand(args, { ...COMMON_OPTIONS, ...PORT_OPTIONS }, 2);
  if (values.help) return io.out(CAN_HELP);
  const [fromText, toText] = positionals;
  if (fromText === undefined || toText === undefined) throw new UsageError('netmap can needs FROM and TO');
  const format = formatOption(values.format, ['text', 'json'] as const);
  const port = portOption(values.port, true)!;
  const protocol = protocolOption(values.protocol);
  const evaluation = await loadEvaluation(values, io);
  const result = evaluation.can(parseEndpoint(fromText), parseEndpoint(toText), port, protocol);
  const question = `${fromText} -> ${toText} on ${protocol} ${port}`;
  io.out(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderCheck(result, question));
}
