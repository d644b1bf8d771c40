import type { WorkloadFlow } from '@netmap/engine';
import type { CliIo } from '../cli-io.ts';
import { formatTable } from '../format-table.ts';
import { loadEvaluation } from '../load-evaluation.ts';
import { COMMON_OPTIONS, formatOption, parseCommand } from '../options.ts';

const FLOWS_HELP = `Usage: netmap flows --manifests PATH [options]

Every allowed connection between two distinct workloads, with its ports merged
into ranges per protocol. A workload is a pod's top owner (Deployment,
StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob), or the
pod itself ([Pod]) when it has none. Workloads without pods in the manifests
take part through a pod built from their template.

Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --format F                    text (default), json, csv or md
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)

JSON: {"flows": [{"from": "ns/name[Kind]", "to": "ns/name[Kind]", "ports": "all" | ["TCP 80", ...]}],
       "unknown": [...] only when some connection depends on a fact that is not known}
`;

/** `netmap flows`. */
export async function runFlows(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseCommand(args, COMMON_OPTIONS);
  if (values.help) return io.out(FLOWS_HELP);
  const format = formatOption(values.format, ['text', 'json', 'csv', 'md'] as const);
  const evaluation = await loadEvaluation(values, io);
  const { flows, unknown } = evaluation.flows();
  if (format === 'json')
    return io.out(JSON.stringify(unknown.length > 0 ? { flows, unknown } : { flows }) + '\n');
  const row = (flow: WorkloadFlow, verdict: string) => [flow.from, flow.to, portsText(flow.ports), verdict];
  const rows = [...flows.map((f) => row(f, 'allowed')), ...unknown.map((f) => row(f, 'unknown'))];
  io.out(formatTable(['FROM', 'TO', 'PORTS', 'VERDICT'], rows, format));
}

function portsText(ports: WorkloadFlow['ports']): string {
  return ports === 'all' ? 'All Connections' : ports.join(', ');
}
