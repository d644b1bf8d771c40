import type { TopologyFlow } from '@netmap/model';
import { INGRESS_CONTROLLER } from './controller-pair-flows.ts';
import type { Evaluation } from './evaluation.ts';
import { addExternalFlows } from './external-flows.ts';
import { FlowCandidates } from './flow-candidates.ts';
import { FlowPairs, pairEnds, type PortUnion } from './flow-pairs.ts';
import { FlowTable } from './flow-table.ts';
import { classFlowPorts } from './namespace-flows.ts';
import { PortSet } from './port-set.ts';
import { pairEndId, parsePorts, topologyFlow } from './topology-flows.ts';

/** Where the flows between two ends come from, beside the evaluation. */
export interface FlowsBetweenSources {
  evaluation: Evaluation;
  /** The ingress controller's ports per destination workload (`TopologyDeriver.controllerFlows`). */
  controllerFlows: () => ReadonlyMap<string, PortUnion>;
}

/**
 * The workload flows behind one flow of a namespace-level topology: from `from` to `to`, each a
 * namespace node id (`namespace:shop`) or an outside node id (`external:…`). They are the flows a
 * workload-level topology holds between the workloads of those namespaces (and the outside), with
 * the same ids. Costs the pairs of classes of the two namespaces, not the cluster's.
 */
export function workloadFlowsBetween(sources: FlowsBetweenSources, from: string, to: string): TopologyFlow[] {
  const pairs = new FlowPairs();
  const source = namespaceOf(from);
  const destination = namespaceOf(to);
  if (source !== undefined && destination !== undefined)
    addClassFlows(pairs, sources.evaluation, source, destination);
  else if (destination !== undefined && from === `external:${INGRESS_CONTROLLER}`) {
    for (const [workload, ports] of sources.controllerFlows())
      if (workload.startsWith(`${destination}/`)) pairs.add(INGRESS_CONTROLLER, workload, ports);
  } else if (source !== undefined || destination !== undefined) {
    addOutsideFlows(pairs, sources.evaluation, from, to);
  }
  return [...pairs.keys()].flatMap((key) => flowsOf(key, pairs.get(key)!));
}

function namespaceOf(id: string): string | undefined {
  return id.startsWith('namespace:') ? id.slice('namespace:'.length) : undefined;
}

function addClassFlows(pairs: FlowPairs, evaluation: Evaluation, source: string, destination: string): void {
  const candidates = new FlowCandidates(evaluation.state.classes, evaluation.context);
  for (const target of candidates.classes.inNamespace(destination)) {
    for (const sender of candidates.sendersInto(target, source)) {
      const ports = classFlowPorts(sender, target, evaluation.context);
      if (!ports) continue;
      for (const fromWorkload of sender.workloads.keys())
        for (const toWorkload of target.workloads.keys())
          if (fromWorkload !== toWorkload) pairs.add(fromWorkload, toWorkload, ports);
    }
  }
}

/** Flows between the workloads of one namespace and one piece of the outside, either way. */
function addOutsideFlows(pairs: FlowPairs, evaluation: Evaluation, from: string, to: string): void {
  const namespace = namespaceOf(from) ?? namespaceOf(to)!;
  const outside = (namespaceOf(from) === undefined ? from : to).slice('external:'.length);
  const table = new FlowTable();
  addExternalFlows(
    table,
    evaluation.state,
    [...evaluation.state.classes.inNamespace(namespace)],
    evaluation.context,
  );
  const { flows, unknown } = table.result();
  const isWanted = (flow: { from: string; to: string }) =>
    namespaceOf(from) === undefined ? flow.from === outside : flow.to === outside;
  for (const flow of flows)
    if (isWanted(flow))
      pairs.add(flow.from, flow.to, { allowed: parsePorts(flow.ports), unknown: PortSet.EMPTY });
  for (const flow of unknown)
    if (isWanted(flow))
      pairs.add(flow.from, flow.to, { allowed: PortSet.EMPTY, unknown: parsePorts(flow.ports) });
}

function flowsOf(key: string, union: PortUnion): TopologyFlow[] {
  const [fromEnd, toEnd] = pairEnds(key);
  const from = pairEndId(fromEnd, 'workload');
  const to = pairEndId(toEnd, 'workload');
  const unknown = union.unknown.subtract(union.allowed);
  return [
    ...(union.allowed.isEmpty() ? [] : [topologyFlow('allowed', from, to, union.allowed)]),
    ...(unknown.isEmpty() ? [] : [topologyFlow('unknown', from, to, unknown)]),
  ];
}
