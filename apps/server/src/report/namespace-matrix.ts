import { compareText, PortSet, type WorkloadFlow } from '@netmap/engine';
import { readFlowPorts, writeFlowPorts } from './flow-ports.ts';
import { isOutside, namespaceOfEnd } from './outside-peers.ts';
import { OUTSIDE, type MatrixCell, type NamespaceMatrix, type Reach } from './report-data.ts';

/** A workload (`ns/name[Kind]`) and its namespace. */
export interface WorkloadRef {
  ref: string;
  namespace: string;
}

interface CellFacts {
  /** Pairs of workloads inside; the outside's cells count the workloads inside instead. */
  pairs: number;
  insideWorkloads: Set<string>;
  /** Distinct port lists, read once at the end: flows repeat a few lists many times over. */
  allowed: Map<string, WorkloadFlow['ports']>;
  unknown: Map<string, WorkloadFlow['ports']>;
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
  const facts = new Map<string, Map<string, CellFacts>>();
  const factsOf = (from: string, to: string) => {
    let row = facts.get(from);
    if (!row) facts.set(from, (row = new Map()));
    let cell = row.get(to);
    if (!cell)
      row.set(to, (cell = { pairs: 0, insideWorkloads: new Set(), allowed: new Map(), unknown: new Map() }));
    return cell;
  };
  // Ends repeat (one per workload and piece of the outside): each is read once.
  const axes = new Map<string, string>();
  const axisOf = (end: string) => {
    let axis = axes.get(end);
    if (axis === undefined) axes.set(end, (axis = isOutside(end) ? OUTSIDE : namespaceOfEnd(end)));
    return axis;
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
      if (from !== OUTSIDE) counts[from] ??= 0;
      if (to !== OUTSIDE) counts[to] ??= 0;
      const cell = factsOf(from, to);
      const key = flow.ports === 'all' ? 'all' : flow.ports.join(',');
      if (verdict === 'unknown') {
        cell.unknown.set(key, flow.ports);
        continue;
      }
      cell.allowed.set(key, flow.ports);
      // Outside peers are pieces of the address space: what counts is which workloads inside take part.
      // Allowed flows are one per pair of ends, so pairs inside are counted as they come.
      if (from === OUTSIDE) cell.insideWorkloads.add(flow.to);
      else if (to === OUTSIDE) cell.insideWorkloads.add(flow.from);
      else cell.pairs++;
    }
  }
  const inside = Object.keys(counts).sort(compareText);
  const names = touchesOutside ? [OUTSIDE, ...inside] : inside;
  const cells: MatrixCell[] = [];
  for (const from of names)
    for (const to of names) {
      if (from === OUTSIDE && to === OUTSIDE) continue;
      const cell = facts.get(from)?.get(to);
      const pairs = pairsBetween(from, to, counts);
      const connected = (cell?.pairs ?? 0) + (cell?.insideWorkloads.size ?? 0);
      const allowed = unionOf(cell?.allowed);
      cells.push({
        from,
        to,
        reach: reachOf(connected, pairs),
        connected,
        pairs,
        ports: writeFlowPorts(allowed),
        unknownPorts: writeFlowPorts(unionOf(cell?.unknown).subtract(allowed)),
      });
    }
  return { namespaces: names, workloads: counts, cells };
}

function unionOf(lists: Map<string, WorkloadFlow['ports']> | undefined): PortSet {
  let ports = PortSet.EMPTY;
  for (const list of lists?.values() ?? []) ports = ports.union(readFlowPorts(list));
  return ports;
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
