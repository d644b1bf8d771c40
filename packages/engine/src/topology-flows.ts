import type { FlowLevel, Protocol, TopologyFlow, TopologyNode } from '@netmap/model';
import type { WorkloadFlow } from './flow-table.ts';
import { PortSet } from './port-set.ts';
import { nodeIds } from './topology-nodes.ts';

/** The two verdicts a flow can carry: allowed ports, and ports whose verdict is not known. */
export type FlowVerdict = TopologyFlow['verdict'];

/** Whether a flow end (`ns/name[Kind]`, `first-last[External]`, `{ingress-controller}`) is outside the cluster. */
export function isOutside(end: string): boolean {
  return end.endsWith('[External]') || end.startsWith('{');
}

/** The node a flow end stands for at a level: a workload or its namespace, or the outside. */
export function flowEndId(end: string, level: FlowLevel): string {
  if (isOutside(end)) return nodeIds.external(end);
  return level === 'namespace' ? nodeIds.namespace(end.slice(0, end.indexOf('/'))) : nodeIds.workload(end);
}

/** The node a flow end stands for, the end being a workload ref or namespace name as `level` has it, or the outside. */
export function pairEndId(end: string, level: FlowLevel): string {
  if (isOutside(end)) return nodeIds.external(end);
  return level === 'namespace' ? nodeIds.namespace(end) : nodeIds.workload(end);
}

/** A flow of the topology. */
export function topologyFlow(verdict: FlowVerdict, from: string, to: string, ports: PortSet): TopologyFlow {
  const id = `${verdict}:${from}>${to}`;
  return { id, from, to, ports: ports.isAll() ? 'all' : ports.toStrings(), verdict };
}

/** The node of an outside end, which the topology holds while some flow uses it. */
export function externalNode(id: string): TopologyNode {
  return { kind: 'external', id, name: id.slice('external:'.length) };
}

/** A key equal for equal flows: cheaper than comparing their JSON. */
export function flowKey(flow: TopologyFlow): string {
  return typeof flow.ports === 'string' ? flow.ports : flow.ports.join(',');
}

/** Reads ports as flows write them (`"all"`, `["TCP 80", "UDP 5000-5010"]`). */
export function parsePorts(ports: WorkloadFlow['ports']): PortSet {
  if (ports === 'all') return PortSet.ALL;
  let result = PortSet.EMPTY;
  for (const text of ports) {
    const [protocol = 'TCP', range = ''] = text.split(' ');
    const [first = 0, last = first] = range.split('-').map(Number);
    result = result.union(PortSet.of(protocol as Protocol, first, last));
  }
  return result;
}

/** Workload flows merged per pair of ends at `level`: allowed, and unknown beyond what is allowed. */
export function mergeFlows(
  allowed: readonly WorkloadFlow[],
  unknown: readonly WorkloadFlow[],
  level: FlowLevel,
): TopologyFlow[] {
  const merge = (list: readonly WorkloadFlow[]) => {
    const byPair = new Map<string, { from: string; to: string; ports: PortSet }>();
    for (const flow of list) {
      const from = flowEndId(flow.from, level);
      const to = flowEndId(flow.to, level);
      const key = `${from}>${to}`;
      const entry = byPair.get(key);
      if (entry) entry.ports = entry.ports.union(parsePorts(flow.ports));
      else byPair.set(key, { from, to, ports: parsePorts(flow.ports) });
    }
    return byPair;
  };
  const allowedByPair = merge(allowed);
  const result = [...allowedByPair.values()].map((f) => topologyFlow('allowed', f.from, f.to, f.ports));
  for (const [key, flow] of merge(unknown)) {
    const rest = flow.ports.subtract(allowedByPair.get(key)?.ports ?? PortSet.EMPTY);
    if (!rest.isEmpty()) result.push(topologyFlow('unknown', flow.from, flow.to, rest));
  }
  return result;
}
