import type { Finding } from '@netmap/model';
import type { PodFacts } from '../pod-facts.ts';
import { finding, listText, sortedSet } from './finding-text.ts';
import type { FindingScope } from './finding-scope.ts';

/**
 * Services whose ready backends are a single pod, or pods that all run on one node: one pod or
 * node failing takes the Service down. Services backed by a workload's template are left out (how
 * many pods it makes, and where, is not known), as are pods whose node is not known.
 */
export function availabilityFindings(scope: FindingScope): Finding[] {
  const findings: Finding[] = [];
  for (const entry of scope.services()) {
    const pods = new Set<PodFacts>();
    for (const backends of entry.backends) for (const { pod } of backends) pods.add(pod);
    if (pods.size === 0 || [...pods].some((pod) => pod.representative)) continue;
    const ref = entry.facts.ref;
    const workloads = listText(sortedSet([...pods].map((pod) => pod.workload)));
    if (pods.size === 1) {
      const [pod] = pods;
      findings.push(
        finding({
          id: `single-backend:${ref}`,
          severity: 'low',
          category: 'availability',
          objects: [`Service ${ref}`],
          message: `Service ${ref} has one ready pod (${pod!.ref}, of ${workloads}): when it restarts or its node fails, the Service is down`,
          fix: 'Run at least two replicas, spread over nodes (topologySpreadConstraints or pod anti-affinity).',
        }),
      );
      continue;
    }
    const nodes = new Set([...pods].map((pod) => pod.nodeName));
    const [node] = nodes;
    if (nodes.size !== 1 || node === undefined) continue;
    findings.push(
      finding({
        id: `single-node:${ref}`,
        severity: 'low',
        category: 'availability',
        objects: [`Service ${ref}`],
        message: `Service ${ref}: all ${pods.size} ready pods (of ${workloads}) run on node ${node}: when it fails, the Service is down`,
        fix: 'Spread the pods over nodes with topologySpreadConstraints or pod anti-affinity.',
      }),
    );
  }
  return findings;
}
