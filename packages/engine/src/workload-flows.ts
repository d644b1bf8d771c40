import type { PortVerdicts } from './connection-ports.ts';
import type { FlowTable } from './flow-table.ts';
import { ingressSourceNamespaces } from './ingress-scope.ts';
import type { PodClass, PodClassIndex } from './pod-classes.ts';
import type { MatchContext } from './rule-match.ts';

/**
 * Adds class-to-class verdicts as workload-to-workload flows: a flow holds the ports on which some
 * pod of one workload can reach some pod of the other. Pairs within one workload are left out.
 * Sources in namespaces that the destination's ingress rules cannot admit are skipped unasked.
 */
export function addWorkloadFlows(
  table: FlowTable,
  classes: PodClassIndex,
  context: MatchContext,
  portsBetween: (source: PodClass, destination: PodClass) => PortVerdicts,
): void {
  const all = [...classes.all()];
  const namespaces = classes.namespaces();
  for (const destination of all) {
    const scope = ingressSourceNamespaces(destination, namespaces, context);
    const sources =
      scope === 'all' ? all : [...scope].flatMap((namespace) => [...classes.inNamespace(namespace)]);
    for (const source of sources) {
      const ports = portsBetween(source, destination);
      if (ports.allowed.isEmpty() && ports.unknown.isEmpty()) continue;
      for (const from of source.workloads.keys()) {
        for (const to of destination.workloads.keys()) if (from !== to) table.add(from, to, ports);
      }
    }
  }
}
