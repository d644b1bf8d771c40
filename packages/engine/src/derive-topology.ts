import type { FlowLevel, Topology, TopologyFlow, TopologyNode } from '@netmap/model';
import type { Evaluation } from './evaluation.ts';
import { externalNode, mergeFlows } from './topology-flows.ts';
import { deriveNamespaceNodes } from './topology-nodes.ts';

export { nodeIds } from './topology-nodes.ts';

/** How much detail the flows of a topology carry. */
export interface TopologyOptions {
  /** Flows between workloads (default), or merged between namespaces. */
  flowLevel?: FlowLevel;
}

/**
 * The topology views draw, from scratch: namespaces, workloads, pods, services, ingresses, the
 * outside, the flows between them and the findings. Only fields views need are copied (no env,
 * args, annotations). `TopologyDeriver` keeps the same topology current change by change; this is
 * the definition it is held to.
 */
export function deriveTopology(evaluation: Evaluation, options: TopologyOptions = {}): Topology {
  const level = options.flowLevel ?? 'workload';
  const nodes: Record<string, TopologyNode> = {};
  for (const list of deriveNamespaceNodes(evaluation).values())
    for (const node of list) nodes[node.id] = node;
  const flows: Record<string, TopologyFlow> = {};
  const { flows: allowed, unknown } = evaluation.flows();
  for (const flow of mergeFlows(allowed, unknown, level)) {
    flows[flow.id] = flow;
    for (const end of [flow.from, flow.to]) if (end.startsWith('external:')) nodes[end] ??= externalNode(end);
  }
  const findings = Object.fromEntries(evaluation.findings().map((finding) => [finding.id, finding]));
  const topology: Topology = { nodes, flows, findings };
  if (level !== 'workload') topology.flowLevel = level;
  return topology;
}
