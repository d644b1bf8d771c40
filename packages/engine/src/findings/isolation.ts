import type { Finding } from '@netmap/model';
import type { ClusterState } from '../cluster-state.ts';
import { count, finding, workloadObject } from './finding-text.ts';

type Direction = 'ingress' | 'egress';
const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/**
 * Workloads with pods that no policy selects in a direction: they accept (ingress) or open (egress)
 * any connection. NetworkPolicy does not apply to hostNetwork pods, so they are left out; a
 * workload without pods counts as the pod its template makes.
 */
export function unprotectedWorkloadFindings(state: ClusterState): Finding[] {
  const totals = new Map<string, number>();
  const open: Record<Direction, Map<string, number>> = { ingress: new Map(), egress: new Map() };
  for (const podClass of state.classes.all()) {
    // Pods whose namespace's policies could not be read are reported as such (visibility.ts).
    if (podClass.hostNetwork || !state.namespaces.arePoliciesRead(podClass.namespace)) continue;
    for (const [workload, members] of podClass.workloads) {
      totals.set(workload, (totals.get(workload) ?? 0) + members);
      for (const direction of DIRECTIONS) {
        const policies = direction === 'ingress' ? podClass.ingressPolicies : podClass.egressPolicies;
        if (policies.length > 0) continue;
        open[direction].set(workload, (open[direction].get(workload) ?? 0) + members);
      }
    }
  }
  return DIRECTIONS.flatMap((direction) =>
    [...open[direction]].map(([workload, members]) => {
      const total = totals.get(workload) ?? members;
      const which = members === total ? 'its pods' : `${members} of its ${count(total, 'pod')}`;
      const effect =
        direction === 'ingress'
          ? 'they accept connections from any pod and any address'
          : 'they can open connections to any pod and any address';
      return finding({
        id: `unprotected:${direction}:${workload}`,
        severity: direction === 'ingress' ? 'medium' : 'low',
        category: 'unprotected',
        objects: [workloadObject(workload)],
        message: `${workload}: no NetworkPolicy selects ${which} for ${direction}, so ${effect}`,
        fix: `Add a NetworkPolicy that selects these pods for ${direction} and admits only the ${direction === 'ingress' ? 'clients' : 'destinations'} they need.`,
      });
    }),
  );
}

/**
 * Namespaces with pods where no policy selects every pod (`podSelector: {}`) for a direction: a
 * pod added later, or one the allow-lists miss, is not isolated.
 */
export function noDefaultDenyFindings(state: ClusterState): Finding[] {
  const namespaces = new Set<string>();
  for (const podClass of state.classes.all())
    if (!podClass.hostNetwork && state.namespaces.arePoliciesRead(podClass.namespace))
      namespaces.add(podClass.namespace);
  const findings: Finding[] = [];
  for (const namespace of namespaces) {
    const policies = [...state.policiesIn(namespace)];
    for (const direction of DIRECTIONS) {
      const isDefault = policies.some((p) => p.podSelector.isEmpty && p[direction] !== undefined);
      if (isDefault) continue;
      findings.push(
        finding({
          id: `no-default-deny:${direction}:${namespace}`,
          severity: direction === 'ingress' ? 'low' : 'info',
          category: 'unprotected',
          objects: [`Namespace ${namespace}`],
          message: `namespace ${namespace}: no NetworkPolicy selects every pod for ${direction} (a default deny), so pods no other policy selects are open for ${direction}`,
          fix: `Add a NetworkPolicy with podSelector: {} and policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}] in ${namespace}, then allow what its pods need.`,
        }),
      );
    }
  }
  return findings;
}
