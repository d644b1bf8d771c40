import type { TopologyNode } from '@netmap/model';
import type { Evaluation } from './evaluation.ts';
import { deriveNamespaceNodes } from './topology-nodes.ts';

/**
 * The topology's nodes inside the cluster (namespaces, workloads, pods, Services, Ingresses),
 * without deriving flows or findings: what a count or a list of objects needs, at a fraction of
 * `deriveTopology`'s cost on a large cluster.
 */
export function listTopologyNodes(evaluation: Evaluation): TopologyNode[] {
  return [...deriveNamespaceNodes(evaluation).values()].flat();
}
