import type { PortVerdicts } from './connection-ports.ts';
import type { FlowTable } from './flow-table.ts';
import type { PodClass } from './pod-classes.ts';

/**
 * Adds class-to-class verdicts as workload-to-workload flows: a flow holds the ports on which some
 * pod of one workload can reach some pod of the other. Pairs within one workload are left out.
 */
export function addWorkloadFlows(
  table: FlowTable,
  classes: readonly PodClass[],
  portsBetween: (source: PodClass, destination: PodClass) => PortVerdicts,
): void {
  const workloadsOf = new Map(classes.map((c) => [c, [...new Set([...c.members].map((m) => m.workload))]]));
  for (const source of classes) {
    for (const destination of classes) {
      const ports = portsBetween(source, destination);
      if (ports.allowed.isEmpty() && ports.unknown.isEmpty()) continue;
      for (const from of workloadsOf.get(source)!) {
        for (const to of workloadsOf.get(destination)!) if (from !== to) table.add(from, to, ports);
      }
    }
  }
}
