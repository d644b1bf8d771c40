import type {
  ExternalNode,
  PodNode,
  ServiceNode,
  Topology,
  TopologyFlow,
  TopologyNode,
  WorkloadNode,
} from '@netmap/model';
import { compareText } from './compare-text.ts';

/** The model with the lookups that filtering and drawing need, built once per model version. */
export interface ModelIndex {
  model: Topology;
  /** Every node, sorted by id (so everything derived from it comes out in one order). */
  nodes: TopologyNode[];
  workloads: WorkloadNode[];
  services: ServiceNode[];
  externals: ExternalNode[];
  /** Flows sorted by id. */
  flows: TopologyFlow[];
  podsByWorkload: ReadonlyMap<string, PodNode[]>;
  podsByNamespace: ReadonlyMap<string, PodNode[]>;
  /** Workload ids with at least one flow in or out. */
  hasFlows: ReadonlySet<string>;
}

const byId = <T extends { id: string }>(a: T, b: T) => compareText(a.id, b.id);

/** Indexes a model. */
export function indexModel(model: Topology): ModelIndex {
  const nodes = Object.values(model.nodes).sort(byId);
  const podsByWorkload = new Map<string, PodNode[]>();
  const podsByNamespace = new Map<string, PodNode[]>();
  const add = (map: Map<string, PodNode[]>, key: string, pod: PodNode) => {
    const pods = map.get(key);
    if (pods) pods.push(pod);
    else map.set(key, [pod]);
  };
  for (const node of nodes) {
    if (node.kind !== 'pod') continue;
    add(podsByWorkload, node.workload, node);
    add(podsByNamespace, node.namespace, node);
  }
  const flows = Object.values(model.flows).sort(byId);
  const hasFlows = new Set<string>();
  for (const flow of flows) hasFlows.add(flow.from).add(flow.to);
  return {
    model,
    nodes,
    workloads: nodes.filter((node): node is WorkloadNode => node.kind === 'workload'),
    services: nodes.filter((node): node is ServiceNode => node.kind === 'service'),
    externals: nodes.filter((node): node is ExternalNode => node.kind === 'external'),
    flows,
    podsByWorkload,
    podsByNamespace,
    hasFlows,
  };
}

/** The namespace a node lives in; undefined for the outside. */
export function namespaceOf(node: TopologyNode): string | undefined {
  if (node.kind === 'external') return undefined;
  return node.kind === 'namespace' ? node.name : node.namespace;
}

/** A service's backend pods, as nodes of the model. */
export function backendPods(index: ModelIndex, service: ServiceNode): PodNode[] {
  return service.backends
    .map((id) => index.model.nodes[id])
    .filter((node): node is PodNode => node?.kind === 'pod');
}

/** The id of the Service an Ingress route sends to (routes name it within the Ingress's namespace). */
export function routeServiceId(namespace: string, service: string): string {
  return `service:${namespace}/${service}`;
}

/**
 * Whether every flow of the workload is denied: policies isolate it both ways and no flow reaches
 * it or leaves it. (A workload with no policy at all is flagged as unprotected instead.)
 */
export function isAllDenied(index: ModelIndex, workload: WorkloadNode): boolean {
  return workload.isolated.ingress && workload.isolated.egress && !index.hasFlows.has(workload.id);
}
