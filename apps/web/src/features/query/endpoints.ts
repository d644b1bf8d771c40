import type { CheckResult } from '@netmap/engine';
import type { Topology, TopologyNode } from '@netmap/model';

/**
 * How the query API names a node of the graph (`ns/pod`, `ns/name[Kind]`, `svc/ns/name`,
 * `ingress/host/path`, an IP), or undefined when it cannot be asked about.
 */
export function endpointOf(node: TopologyNode): string | undefined {
  switch (node.kind) {
    case 'workload':
      return node.id.slice('workload:'.length);
    case 'pod':
      return `${node.namespace}/${node.name}`;
    case 'service':
      return `svc/${node.namespace}/${node.name}`;
    case 'ingress': {
      const route = node.routes[0];
      return route ? ingressEndpoint(route) : undefined;
    }
    case 'external': {
      // An address range `first-last[External]`: its first address stands for it.
      const first = /^([0-9a-fA-F.:]+)-/.exec(node.name)?.[1];
      return first;
    }
    default:
      return undefined;
  }
}

/** Autocomplete values for From and To: every endpoint of the model, in a stable order. */
export function endpointSuggestions(model: Topology, limit = 3000): string[] {
  const values = new Set<string>();
  for (const node of Object.values(model.nodes)) {
    if (node.kind === 'ingress') {
      for (const route of node.routes) values.add(ingressEndpoint(route));
      continue;
    }
    const endpoint = endpointOf(node);
    if (endpoint) values.add(endpoint);
  }
  return [...values].sort().slice(0, limit);
}

/** The nodes of the graph that a check's route passes through, to draw it. */
export function routeNodeIds(result: CheckResult, model: Topology): string[] {
  const ids = new Set<string>();
  for (const connection of result.connections) {
    for (const end of [connection.from, connection.to]) {
      if (end.kind !== 'pod') continue;
      ids.add(`workload:${end.workload}`);
      ids.add(`pod:${end.pod}`);
    }
  }
  for (const id of result.via) ids.add(id);
  return [...ids].filter((id) => id in model.nodes);
}

function ingressEndpoint(route: { host: string; path: string }): string {
  return `ingress/${route.host || '*'}${route.path.startsWith('/') ? '' : '/'}${route.path}`;
}
