import { aggregateNamespace, k8sNodeName } from './canvas-ids.ts';
import { backendPods, namespaceOf, routeServiceId, type ModelIndex } from './model-index.ts';
import { INTERNET_ID, outsideRoleOf } from './outside.ts';

/** What a selected node stands for in the model. */
export interface SelectionScope {
  /** Nodes of the model that are drawn whatever the filters say. */
  nodes: string[];
  /** The workloads and outside nodes whose flows are the selection's flows. */
  flowEnds: Set<string>;
}

/**
 * Resolves a selected id — a node of the model, or `internet`, `aggregate:<ns>`, `k8s-node:<name>` —
 * to the model's nodes; undefined for anything else (an edge, or an id no longer in the model).
 */
export function resolveSelection(index: ModelIndex, selected: string | null): SelectionScope | undefined {
  if (!selected) return undefined;
  if (selected === INTERNET_ID) {
    const atoms = index.externals
      .filter((node) => outsideRoleOf(node).kind === 'internet')
      .map((node) => node.id);
    return { nodes: atoms, flowEnds: new Set(atoms) };
  }
  const aggregated = aggregateNamespace(selected);
  if (aggregated !== undefined) return resolveSelection(index, `namespace:${aggregated}`);
  const k8sNode = k8sNodeName(selected);
  if (k8sNode !== null) {
    const pods = index.nodes.filter((node) => node.kind === 'pod' && node.nodeName === k8sNode);
    const workloads = pods.flatMap((pod) => (pod.kind === 'pod' ? [pod.workload] : []));
    return { nodes: [...pods.map((pod) => pod.id), ...workloads], flowEnds: new Set(workloads) };
  }
  const node = index.model.nodes[selected];
  if (!node) return undefined;
  switch (node.kind) {
    case 'workload':
    case 'external':
      return { nodes: [node.id], flowEnds: new Set([node.id]) };
    case 'pod':
      return { nodes: [node.id, node.workload], flowEnds: new Set([node.workload]) };
    case 'service':
      return { nodes: [node.id], flowEnds: new Set(backendPods(index, node).map((pod) => pod.workload)) };
    case 'ingress': {
      const ends = node.routes.flatMap((route) => {
        const service = index.model.nodes[routeServiceId(node.namespace, route.service)];
        return service?.kind === 'service' ? backendPods(index, service).map((pod) => pod.workload) : [];
      });
      return { nodes: [node.id], flowEnds: new Set(ends) };
    }
    case 'namespace': {
      const workloads = index.workloads.filter((workload) => namespaceOf(workload) === node.name);
      return { nodes: [node.id], flowEnds: new Set(workloads.map((workload) => workload.id)) };
    }
  }
}
