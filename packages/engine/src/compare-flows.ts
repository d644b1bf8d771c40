import type { FlowChange } from '@netmap/model';
import { compareText } from './compare-text.ts';
import type { WorkloadFlow } from './flow-table.ts';
import { PortSet } from './port-set.ts';
import { parsePorts } from './topology-flows.ts';

/** Flows that one list has beyond the other, port by port, per ordered pair of ends. */
interface FlowComparison {
  /** Ports `head` allows and `base` does not. */
  added: FlowChange[];
  /** Ports `base` allows and `head` does not. */
  removed: FlowChange[];
}

/**
 * Compares two lists of flows pair by pair: a pair whose ports grew is added with only the new ports,
 * one whose ports shrank is removed with only the lost ones (a pair can be both). Both lists must name
 * the outside in the same pieces. Each result is sorted by from, then to.
 */
export function compareFlows(base: readonly WorkloadFlow[], head: readonly WorkloadFlow[]): FlowComparison {
  const before = portsByPair(base);
  const after = portsByPair(head);
  const added: FlowChange[] = [];
  const removed: FlowChange[] = [];
  for (const [key, ports] of after) pushChange(added, key, ports.subtract(before.get(key) ?? PortSet.EMPTY));
  for (const [key, ports] of before)
    pushChange(removed, key, ports.subtract(after.get(key) ?? PortSet.EMPTY));
  return { added: added.sort(byEnds), removed: removed.sort(byEnds) };
}

/** Ports per `from\0to`; a pair listed twice (e.g. by two sources of flows) gets the union. */
function portsByPair(flows: readonly WorkloadFlow[]): Map<string, PortSet> {
  const byPair = new Map<string, PortSet>();
  for (const flow of flows) {
    const key = `${flow.from}\u0000${flow.to}`;
    byPair.set(key, (byPair.get(key) ?? PortSet.EMPTY).union(parsePorts(flow.ports)));
  }
  return byPair;
}

function pushChange(changes: FlowChange[], key: string, ports: PortSet): void {
  if (ports.isEmpty()) return;
  const [from = '', to = ''] = key.split('\u0000');
  changes.push({ from, to, ports: ports.isAll() ? 'all' : ports.toStrings() });
}

/** By from, then to, as flows are listed. */
function byEnds(a: FlowChange, b: FlowChange): number {
  return compareText(a.from, b.from) || compareText(a.to, b.to);
}
