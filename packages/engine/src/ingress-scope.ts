import type { PodClass } from './pod-classes.ts';
import type { MatchContext } from './rule-match.ts';

/**
 * The namespaces whose pods the destination's ingress rules can admit at all, or `all` when a rule
 * admits any pod (no `from`, an ipBlock, or a destination no policy isolates). Pods of every other
 * namespace cannot reach it, so quadratic queries skip them.
 */
export function ingressSourceNamespaces(
  destination: PodClass,
  namespaces: Iterable<string>,
  context: MatchContext,
): 'all' | Set<string> {
  if (destination.hostNetwork || destination.ingressPolicies.length === 0) return 'all';
  const result = new Set<string>();
  for (const policy of destination.ingressPolicies) {
    for (const rule of policy.ingress ?? []) {
      if (!rule.peers) return 'all';
      for (const peer of rule.peers) {
        if (peer.kind === 'ipBlock') return 'all';
        if (!peer.namespaceSelector) {
          result.add(policy.namespace);
          continue;
        }
        for (const namespace of namespaces) {
          if (context.namespaces.matches(peer.namespaceSelector, namespace) !== 'no-match')
            result.add(namespace);
        }
      }
    }
  }
  return result;
}
