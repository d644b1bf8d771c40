import type { TopologyFlow } from '@netmap/model';

/**
 * Ids of the canvas elements that are not nodes of the model. Nodes of the model keep their own
 * ids; everything else is named after the ids it joins, so an element keeps its id (and its place
 * on screen) from one version of the model to the next.
 */
export const canvasIds = {
  /** A Kubernetes node, as a box (grouping by node) or a node with counts (collapsed). */
  k8sNode: (name: string | undefined) => `k8s-node:${name ?? UNSCHEDULED}`,
  /** A namespace collapsed into one node. */
  aggregate: (namespace: string) => `aggregate:${namespace}`,
  /** Flows of one verdict between two drawn nodes: `flow:` + the flow's id when it joins two nodes of the model. */
  flow: (verdict: TopologyFlow['verdict'], source: string, target: string) =>
    `flow:${verdict}:${source}>${target}`,
  backend: (service: string, target: string) => `backend:${service}>${target}`,
  route: (ingress: string, service: string) => `route:${ingress}>${service}`,
  exposure: (target: string) => `exposure:${target}`,
};

/** Stands in for a node name for pods not yet placed on a node (node names never hold parentheses). */
export const UNSCHEDULED = '(unscheduled)';

/** The namespace an `aggregate:` id stands for, or undefined. */
export function aggregateNamespace(id: string): string | undefined {
  return id.startsWith('aggregate:') ? id.slice('aggregate:'.length) : undefined;
}

/** The Kubernetes node name a `k8s-node:` id stands for (undefined for unscheduled pods), or null. */
export function k8sNodeName(id: string): string | undefined | null {
  if (!id.startsWith('k8s-node:')) return null;
  const name = id.slice('k8s-node:'.length);
  return name === UNSCHEDULED ? undefined : name;
}
