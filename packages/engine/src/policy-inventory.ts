import type { ClusterState } from './cluster-state.ts';
import { compareText } from './compare-text.ts';
import { describeSelector, selects } from './label-selector.ts';

/** One valid NetworkPolicy as a review lists it: what it selects and how many rules it holds. */
export interface PolicyInventoryEntry {
  /** `namespace/name`. */
  ref: string;
  namespace: string;
  name: string;
  /** policyTypes with the API server's default applied. */
  policyTypes: ('Ingress' | 'Egress')[];
  /** The podSelector in kubectl's text form (`app=web, tier in (a,b)`); empty selects every pod. */
  podSelector: string;
  /** Active pods it selects (not counting the stand-ins built from workload templates). */
  selectedPods: number;
  /** Workloads with a selected pod, or whose template would make one (`namespace/name[Kind]`), sorted. */
  selectedWorkloads: string[];
  /** Rules per direction; undefined when policyTypes leaves the direction out (its rules are ignored). */
  ingressRules?: number;
  egressRules?: number;
}

/** Every valid NetworkPolicy, sorted by namespace then name, with what it selects. */
export function listPolicyInventory(state: ClusterState): PolicyInventoryEntry[] {
  const policies = [...state.policies.values()].sort(
    (a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name),
  );
  return policies.map((policy) => {
    let selectedPods = 0;
    const workloads = new Set<string>();
    // Members of a class differ only in labels no selector reads: one member's labels answer for all.
    for (const podClass of state.classes.inNamespace(policy.namespace)) {
      if (!selects(policy.podSelector, podClass.labels)) continue;
      for (const pod of podClass.members) if (!pod.representative) selectedPods++;
      for (const workload of podClass.workloads.keys()) workloads.add(workload);
    }
    const policyTypes: PolicyInventoryEntry['policyTypes'] = [];
    if (policy.ingress) policyTypes.push('Ingress');
    if (policy.egress) policyTypes.push('Egress');
    const entry: PolicyInventoryEntry = {
      ref: policy.ref,
      namespace: policy.namespace,
      name: policy.name,
      policyTypes,
      podSelector: describeSelector(policy.podSelector),
      selectedPods,
      selectedWorkloads: [...workloads].sort(compareText),
    };
    if (policy.ingress) entry.ingressRules = policy.ingress.length;
    if (policy.egress) entry.egressRules = policy.egress.length;
    return entry;
  });
}
