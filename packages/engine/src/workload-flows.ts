import type { PortVerdicts } from './connection-ports.ts';
import type { PodClass } from './pod-classes.ts';
import { PortSet } from './port-set.ts';

/** Connections from one workload to another: `"all"` ports or `["TCP 80", "TCP 8000-8080", …]`. */
export interface WorkloadFlow {
  from: string;
  to: string;
  ports: 'all' | string[];
}

/**
 * Merges class-to-class verdicts into workload-to-workload flows: a flow holds the ports on which
 * some pod of one workload can reach some pod of the other. Pairs within one workload are left out.
 */
export function aggregateFlows(
  classes: readonly PodClass[],
  portsBetween: (source: PodClass, destination: PodClass) => PortVerdicts,
): { flows: WorkloadFlow[]; unknown: WorkloadFlow[] } {
  const allowed = new Map<string, PortSet>();
  const unknown = new Map<string, PortSet>();
  const workloadsOf = new Map(classes.map((c) => [c, [...new Set([...c.members].map((m) => m.workload))]]));
  for (const source of classes) {
    for (const destination of classes) {
      const ports = portsBetween(source, destination);
      if (ports.allowed.isEmpty() && ports.unknown.isEmpty()) continue;
      for (const from of workloadsOf.get(source)!) {
        for (const to of workloadsOf.get(destination)!) {
          if (from === to) continue;
          const key = `${from}\u0000${to}`;
          if (!ports.allowed.isEmpty())
            allowed.set(key, (allowed.get(key) ?? PortSet.EMPTY).union(ports.allowed));
          if (!ports.unknown.isEmpty())
            unknown.set(key, (unknown.get(key) ?? PortSet.EMPTY).union(ports.unknown));
        }
      }
    }
  }
  for (const [key, ports] of unknown) {
    const rest = ports.subtract(allowed.get(key) ?? PortSet.EMPTY);
    if (rest.isEmpty()) unknown.delete(key);
    else unknown.set(key, rest);
  }
  return { flows: toFlows(allowed), unknown: toFlows(unknown) };
}

function toFlows(byPair: Map<string, PortSet>): WorkloadFlow[] {
  return [...byPair]
    .map(([key, ports]) => {
      const [from = '', to = ''] = key.split('\u0000');
      return { from, to, ports: ports.isAll() ? ('all' as const) : ports.toStrings() };
    })
    .sort((a, b) => (a.from === b.from ? compare(a.to, b.to) : compare(a.from, b.from)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
