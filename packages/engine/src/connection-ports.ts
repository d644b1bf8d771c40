import type { CompiledPolicy } from './compile-policy.ts';
import { PortSet } from './port-set.ts';
import { matchRulePeers, rulePortSet, type MatchContext, type Party } from './rule-match.ts';

/** Ports definitely allowed, and ports whose verdict hinges on a fact that is not known. */
export interface PortVerdicts {
  allowed: PortSet;
  unknown: PortSet;
}

const ALL_ALLOWED: PortVerdicts = { allowed: PortSet.ALL, unknown: PortSet.EMPTY };

/** The policies that isolate `subject` in `direction`; none when policy cannot apply to it. */
export function isolatingPolicies(
  subject: Party,
  direction: 'ingress' | 'egress',
): readonly CompiledPolicy[] {
  if (subject.kind !== 'pod' || subject.podClass.hostNetwork) return [];
  return direction === 'ingress' ? subject.podClass.ingressPolicies : subject.podClass.egressPolicies;
}

/** Whether policy would apply to `subject` but its namespace's NetworkPolicies could not be read. */
export function arePoliciesUnread(subject: Party, context: MatchContext): boolean {
  return (
    subject.kind === 'pod' &&
    !subject.podClass.hostNetwork &&
    !context.namespaces.arePoliciesRead(subject.podClass.namespace)
  );
}

/**
 * What one side lets through: the union of the rules of every policy that selects `subject` in
 * `direction` and whose peers select `other`. A side that no policy isolates allows everything.
 */
export function sidePorts(
  direction: 'ingress' | 'egress',
  subject: Party,
  other: Party,
  destination: Party,
  context: MatchContext,
): PortVerdicts {
  // Nothing is known of the policies of a pod the input does not hold, or whose namespace's
  // policies could not be read.
  if (subject.kind === 'unresolved-pod' || arePoliciesUnread(subject, context))
    return { allowed: PortSet.EMPTY, unknown: PortSet.ALL };
  const policies = isolatingPolicies(subject, direction);
  if (policies.length === 0) return ALL_ALLOWED;
  let allowed = PortSet.EMPTY;
  let unknown = PortSet.EMPTY;
  for (const policy of policies) {
    for (const rule of policy[direction]!) {
      const peers = matchRulePeers(rule, policy, other, context);
      if (peers === 'no-match') continue;
      const ports = rulePortSet(rule, destination);
      if (peers === 'match') allowed = allowed.union(ports);
      else unknown = unknown.union(ports);
    }
    if (allowed.isAll()) break;
  }
  return { allowed, unknown: unknown.subtract(allowed) };
}

/** Ports on which `source` can open a connection to `destination`: its egress AND their ingress. */
export function connectionPorts(source: Party, destination: Party, context: MatchContext): PortVerdicts {
  const egress = sidePorts('egress', source, destination, destination, context);
  if (egress.allowed.isEmpty() && egress.unknown.isEmpty()) return egress;
  const ingress = sidePorts('ingress', destination, source, destination, context);
  const allowed = egress.allowed.intersect(ingress.allowed);
  const possible = egress.allowed.union(egress.unknown).intersect(ingress.allowed.union(ingress.unknown));
  return { allowed, unknown: possible.subtract(allowed) };
}
