import type { Evaluation } from './evaluation.ts';
import { addExternalFlows, type IpBlockPeer } from './external-flows.ts';
import { FlowCandidates } from './flow-candidates.ts';
import { FlowTable, type WorkloadFlow } from './flow-table.ts';
import { addIngressControllerFlows } from './ingress-controller-flows.ts';
import { classFlowPorts } from './namespace-flows.ts';
import type { PodClass } from './pod-classes.ts';

/**
 * The evaluation's flows that have an end in one of `namespaces`: between their workloads and any
 * other, to and from the outside (cut at `cutAt`'s ipBlocks), and every flow from the ingress
 * controller. Costs the classes of those namespaces times the cluster's, not the cluster's squared.
 */
export function flowsTouching(
  evaluation: Evaluation,
  namespaces: ReadonlySet<string>,
  cutAt: (direction: 'ingress' | 'egress') => IpBlockPeer[],
): { flows: WorkloadFlow[]; unknown: WorkloadFlow[] } {
  const { state, context } = evaluation;
  const table = new FlowTable();
  const candidates = new FlowCandidates(state.classes, context);
  for (const target of state.classes.all()) {
    const scope = candidates.sourceScope(target);
    const admitted = scope === 'all' ? candidates.namespaces : [...scope];
    // Into a namespace in question, from anywhere; into any other, only from those in question.
    const sources = namespaces.has(target.namespace) ? admitted : admitted.filter((ns) => namespaces.has(ns));
    for (const source of sources)
      for (const sender of candidates.sendersInto(target, source)) addPair(table, evaluation, sender, target);
  }
  const touching = [...namespaces].flatMap((namespace) => [...state.classes.inNamespace(namespace)]);
  addExternalFlows(table, state, touching, context, cutAt);
  addIngressControllerFlows(table, state, context, evaluation.options.ingressControllerLabels);
  return table.result();
}

function addPair(table: FlowTable, evaluation: Evaluation, sender: PodClass, target: PodClass): void {
  const ports = classFlowPorts(sender, target, evaluation.context);
  if (!ports || (ports.allowed.isEmpty() && ports.unknown.isEmpty())) return;
  for (const from of sender.workloads.keys())
    for (const to of target.workloads.keys()) if (from !== to) table.add(from, to, ports);
}
