import { connectionPorts, type PortVerdicts } from './connection-ports.ts';
import type { FlowCandidates } from './flow-candidates.ts';
import type { PortUnion } from './flow-pairs.ts';
import type { PodClass } from './pod-classes.ts';
import { PortSet } from './port-set.ts';
import type { MatchContext } from './rule-match.ts';

/**
 * The flows into pods of namespace `destination`, merged per namespace they come from: the union of `connectionPorts` over the pairs of classes whose workloads
 * differ, as the workload flows merged per namespace would be. Only candidate pairs are asked, and a
 * destination whose admission bound adds no port to what the pair of namespaces already allows is
 * passed over, so that a pair of namespaces costs about as many questions as it has distinct
 * answers. Namespaces that reach nothing are left out.
 */
export function namespaceFlowsInto(candidates: FlowCandidates, destination: string): Map<string, PortUnion> {
  const result = new Map<string, PortUnion>();
  for (const target of candidates.classes.inNamespace(destination)) {
    const scope = candidates.sourceScope(target);
    for (const namespace of scope === 'all' ? candidates.namespaces : scope)
      addInto(candidates, target, namespace, result);
  }
  for (const [namespace, union] of result)
    if (union.allowed.isEmpty() && union.unknown.isEmpty()) result.delete(namespace);
  return result;
}

/**
 * The flows from pods of namespace `source` into every other namespace (as {@link namespaceFlowsInto}),
 * merged per destination namespace, asking only the classes whose ingress rules may admit `source`.
 */
export function namespaceFlowsFrom(candidates: FlowCandidates, source: string): Map<string, PortUnion> {
  const byDestination = new Map<string, Map<string, PortUnion>>();
  for (const target of candidates.admitting(source)) {
    let result = byDestination.get(target.namespace);
    if (!result) byDestination.set(target.namespace, (result = new Map()));
    addInto(candidates, target, source, result);
  }
  const flows = new Map<string, PortUnion>();
  for (const [destination, result] of byDestination) {
    const union = result.get(source);
    if (union && !(union.allowed.isEmpty() && union.unknown.isEmpty())) flows.set(destination, union);
  }
  return flows;
}

/** Adds to `result` what pods of `source` can open to `target`, as far as that can add anything. */
function addInto(
  candidates: FlowCandidates,
  target: PodClass,
  source: string,
  result: Map<string, PortUnion>,
): void {
  const { bound, admitted } = candidates.admission(target, source);
  if (admitted !== 'all' && admitted.size === 0) return;
  let union = result.get(source);
  if (!union) result.set(source, (union = { allowed: PortSet.EMPTY, unknown: PortSet.EMPTY }));
  if (bound.subtract(union.allowed).isEmpty()) return;
  for (const sender of candidates.sendersInto(target, source)) {
    const ports = classFlowPorts(sender, target, candidates.context);
    if (!ports) continue;
    union.unknown = union.unknown.union(ports.unknown);
    if (ports.allowed.isEmpty()) continue;
    union.allowed = union.allowed.union(ports.allowed);
    if (bound.subtract(union.allowed).isEmpty()) return;
  }
}

/**
 * The ports `sender` can open to `target`, as flows count them: undefined for two classes of one
 * workload alone, which add nothing to flows between workloads.
 */
export function classFlowPorts(
  sender: PodClass,
  target: PodClass,
  context: MatchContext,
): PortVerdicts | undefined {
  if (isWithinOneWorkload(sender, target)) return undefined;
  return connectionPorts({ kind: 'pod', podClass: sender }, { kind: 'pod', podClass: target }, context);
}

/** Flows leave out pairs within one workload: two classes of that one workload alone add nothing. */
function isWithinOneWorkload(sender: PodClass, target: PodClass): boolean {
  if (sender.workloads.size !== 1 || target.workloads.size !== 1) return false;
  return sender.workloads.keys().next().value === target.workloads.keys().next().value;
}
