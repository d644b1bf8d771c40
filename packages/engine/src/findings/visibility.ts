import type { Finding } from '@netmap/model';
import type { ClusterState } from '../cluster-state.ts';
import { NAMESPACE_NAME_LABEL } from '../namespace-facts.ts';
import { count, finding } from './finding-text.ts';

/**
 * What the source could not read, where it changes answers: namespaces with pods whose
 * NetworkPolicies are unknown (every verdict to or from those pods is unknown), and namespace labels
 * that namespaceSelectors need.
 */
export function visibilityFindings(state: ClusterState): Finding[] {
  const podsByNamespace = new Map<string, number>();
  for (const podClass of state.classes.all()) {
    if (podClass.hostNetwork || state.namespaces.arePoliciesRead(podClass.namespace)) continue;
    podsByNamespace.set(
      podClass.namespace,
      (podsByNamespace.get(podClass.namespace) ?? 0) + podClass.members.size,
    );
  }
  const findings = [...podsByNamespace].map(([namespace, pods]) =>
    finding({
      id: `policies-unreadable:${namespace}`,
      severity: 'high',
      category: 'invalid',
      objects: [`Namespace ${namespace}`],
      message: `netmap could not read the NetworkPolicies of namespace ${namespace}: whether its ${count(pods, 'pod')} are isolated, and every verdict to or from them, is unknown`,
      fix: `Give netmap get, list and watch on networkpolicies in ${namespace} (or cluster-wide).`,
    }),
  );
  if (!state.namespaces.areLabelsRead && usesNamespaceLabels(state)) {
    findings.push(
      finding({
        id: 'namespace-labels-unreadable',
        severity: 'high',
        category: 'invalid',
        objects: [],
        message:
          'netmap could not read Namespaces: namespaceSelectors that look at labels other than kubernetes.io/metadata.name give unknown verdicts',
        fix: 'Give netmap get, list and watch on namespaces.',
      }),
    );
  }
  return findings;
}

/** Whether some policy peer selects namespaces by a label other than the name label every namespace carries. */
function usesNamespaceLabels(state: ClusterState): boolean {
  for (const policy of state.policies.values()) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of rule.peers ?? []) {
        const requirements = peer.kind === 'selector' ? (peer.namespaceSelector?.requirements ?? []) : [];
        if (requirements.some((requirement) => requirement.key !== NAMESPACE_NAME_LABEL)) return true;
      }
    }
  }
  return false;
}
