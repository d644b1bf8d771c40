import type { Finding } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import { compareText } from './compare-text.ts';
import type { EngineOptions } from './evaluation.ts';
import { availabilityFindings } from './findings/availability.ts';
import { enforcementFindings } from './findings/enforcement.ts';
import { deadPeerFindings } from './findings/dead-peers.ts';
import { exposureFindings } from './findings/exposure.ts';
import { FindingScope } from './findings/finding-scope.ts';
import { ingressWiringFindings } from './findings/ingress-wiring.ts';
import { invalidObjectFindings, unreadableFieldFindings } from './findings/input.ts';
import { noDefaultDenyFindings, unprotectedWorkloadFindings } from './findings/isolation.ts';
import { unmatchedNamedPortFindings } from './findings/named-ports.ts';
import { serviceWiringFindings } from './findings/service-wiring.ts';
import { shadowedPolicyFindings } from './findings/shadowed-policies.ts';
import { snatIpBlockFindings } from './findings/snat-ipblock.ts';
import { ignoredRuleFindings, policySelectsNoPodFindings } from './findings/unused-policies.ts';
import { visibilityFindings } from './findings/visibility.ts';

export { enforcementFindings } from './findings/enforcement.ts';

/**
 * Every finding about a cluster, sorted by id: a network plugin that does not enforce policies,
 * invalid objects, what the source could not read, paths from outside, unprotected workloads and
 * namespaces, policy parts that do nothing, Services and Ingresses that do not reach their pods,
 * and Services one failure from going down. Ids are unique and do not depend on the order of the
 * objects.
 */
export function collectFindings(state: ClusterState, options: EngineOptions = {}): Finding[] {
  const scope = new FindingScope(state, options);
  const unselecting = policySelectsNoPodFindings(scope);
  const idle = new Set(unselecting.map((f) => f.id.slice('policy-selects-no-pod:'.length)));
  const findings = [
    ...enforcementFindings(state.cni, state.policies.size),
    ...invalidObjectFindings(state),
    ...unreadableFieldFindings(state),
    ...visibilityFindings(state),
    ...exposureFindings(scope),
    ...unprotectedWorkloadFindings(state),
    ...noDefaultDenyFindings(state),
    ...unselecting,
    ...ignoredRuleFindings(state),
    ...deadPeerFindings(scope),
    ...unmatchedNamedPortFindings(state),
    ...shadowedPolicyFindings(state, idle),
    ...serviceWiringFindings(scope),
    ...ingressWiringFindings(scope),
    ...snatIpBlockFindings(scope),
    ...availabilityFindings(scope),
  ];
  return uniqueById(findings);
}

/** Sorted by id; of findings that share an id, the one with the first message, whatever the input order. */
function uniqueById(findings: Finding[]): Finding[] {
  findings.sort((a, b) => compareText(a.id, b.id) || compareText(a.message, b.message));
  return findings.filter((finding, i) => i === 0 || findings[i - 1]!.id !== finding.id);
}
