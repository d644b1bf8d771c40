import { PortSet, type WorkloadFlow } from '@netmap/engine';
import { readFlowPorts, writeFlowPorts } from './flow-ports.ts';
import { isOutside, namespaceOfEnd } from './outside-peers.ts';
import { OUTSIDE, type MatrixCell, type NamespaceMatrix, type Reach } from './report-data.ts';

/** A workload (`ns/name[Kind]`) and its namespace. */
export interface WorkloadRef {
  ref: string;
  namespace: string;
}

interface CellFacts {
  connected: Set<string>;
  allowed: PortSet;
  unknown: PortSet;
}

/**
 * For each ordered pair of namespaces (and the outside, when a flow touches it): how many pairs of
 * distinct workloads connect, and on which ports, from the workload flows. A namespace's cell to
 * itself counts pairs of its different workloads; the outside's cells count the workloads inside.
 */
export function buildNamespaceMatrix(
  namespaces: readonly string[],
  workloads: readonly WorkloadRef[],
  flows: { flows: readonly WorkloadFlow[]; unknown: readonly WorkloadFlow[] },
): NamespaceMatrix {
  const counts: Record<string, number> = {};
  for (const name of namespaces) counts[name] = 0;
  for (const workload of workloads) counts[workload.namespace] = (counts[workload.namespace] ?? 0) + 1;
  const facts = new Map<string, CellFacts>();
  const factsOf = (from: string, to: string) => {
    const key = `${from}\u0000${to}`;
    let cell = facts.get(key);
    if (!cell)
      facts.set(key, (cell = { connected: new Set(), allowed: PortSet.EMPTY, unknown: PortSet.EMPTY }));
    return cell;
  };
  let touchesOutside = false;
  for (const [list, verdict] of [
    [flows.flows, 'allowed'],
    [flows.unknown, 'unknown'],
  ] as const) {
    for (const flow of list) {
      const from = axisOf(flow.from);
      const to = axisOf(flow.to);
      if (from === OUTSIDE && to === OUTSIDE) continue;
      touchesOutside ||= from === OUTSIDE || to === OUTSIDE;
      for (const end of [from, to]) if (end !== OUTSIDE) counts[end] ??= 0;
      const cell = factsOf(from, to);
      const ports = readFlowPorts(flow.ports);
      if (verdict === 'unknown') {
        cell.unknown = cell.unknown.union(ports);
        continue;
      }
      cell.allowed = cell.allowed.union(ports);
      // Outside peers are pieces of the address space: what counts is which workloads inside take part.
      cell.connected.add(from === OUTSIDE ? flow.to : to === OUTSIDE ? flow.from : `${flow.from}>${flow.to}`);
    }
  }
  const inside = Object.keys(counts).sort(compareNames);
  const axes = touchesOutside ? [OUTSIDE, ...inside] : inside;
  const cells: MatrixCell[] = [];
  for (const from of axes)
    for (const to of axes) {
      if (from === OUTSIDE && to === OUTSIDE) continue;
      const cell = facts.get(`${from}\u0000${to}`);
      const pairs = pairsBetween(from, to, counts);
      const connected = cell?.connected.size ?? 0;
      const unknown = (cell?.unknown ?? PortSet.EMPTY).subtract(cell?.allowed ?? PortSet.EMPTY);
      cells.push({
        from,
        to,
        reach: reachOf(connected, pairs),
        connected,
        pairs,
        ports: writeFlowPorts(cell?.allowed ?? PortSet.EMPTY),
        unknownPorts: writeFlowPorts(unknown),
      });
    }
  return { namespaces: axes, workloads: counts, cells };
}

function axisOf(end: string): string {
  return isOutside(end) ? OUTSIDE : namespaceOfEnd(end);
}

function pairsBetween(from: string, to: string, counts: Record<string, number>): number {
  if (from === OUTSIDE) return counts[to] ?? 0;
  if (to === OUTSIDE) return counts[from] ?? 0;
  const sources = counts[from] ?? 0;
  return from === to ? sources * (sources - 1) : sources * (counts[to] ?? 0);
}

function reachOf(connected: number, pairs: number): Reach {
  if (connected === 0) return 'none';
  return connected >= pairs ? 'all' : 'some';
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
