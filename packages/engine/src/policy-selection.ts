import type { PolicySelection } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import { compareText } from './compare-text.ts';
import { selects } from './label-selector.ts';
import type { PodFacts } from './pod-facts.ts';

/**
 * The policies that select a pod for ingress and for egress, and whether they isolate it. An active
 * pod reads them from its class (as every verdict does); a pod that takes part in no flow (finished,
 * or waiting for an IP) is matched against its namespace's policies directly.
 */
export function selectingPolicies(state: ClusterState, pod: PodFacts): PolicySelection {
  const podClass = state.classes.classOf(pod);
  let ingress: readonly CompiledPolicy[];
  let egress: readonly CompiledPolicy[];
  if (podClass) {
    ({ ingressPolicies: ingress, egressPolicies: egress } = podClass);
  } else {
    const selecting = [...state.policiesIn(pod.namespace)].filter((p) => selects(p.podSelector, pod.labels));
    // A policy holds a direction when its policyTypes name it (compilePolicy leaves the other undefined).
    ingress = selecting.filter((p) => p.ingress !== undefined);
    egress = selecting.filter((p) => p.egress !== undefined);
  }
  return toSelection(
    ingress.map((p) => p.ref),
    egress.map((p) => p.ref),
    pod.hostNetwork,
  );
}

/** The selections of several pods (a workload's) together: policies of any, isolated when any is. */
export function mergePolicySelections(selections: readonly PolicySelection[]): PolicySelection {
  const merged = toSelection(
    selections.flatMap((s) => s.policies.ingress),
    selections.flatMap((s) => s.policies.egress),
    true,
  );
  merged.isolated.ingress = selections.some((s) => s.isolated.ingress);
  merged.isolated.egress = selections.some((s) => s.isolated.egress);
  return merged;
}

function toSelection(ingress: string[], egress: string[], hostNetwork: boolean): PolicySelection {
  const sorted = (refs: string[]) => [...new Set(refs)].sort(compareText);
  const policies = { ingress: sorted(ingress), egress: sorted(egress) };
  // NetworkPolicy does not apply to pods on the host network, whatever selects them.
  return {
    policies,
    isolated: {
      ingress: !hostNetwork && policies.ingress.length > 0,
      egress: !hostNetwork && policies.egress.length > 0,
    },
  };
}
