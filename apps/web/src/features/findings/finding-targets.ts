import type { Finding, Topology } from '@netmap/model';

/** What a finding's objects stand for: nodes of the graph, and NetworkPolicies (not drawn as nodes). */
export interface FindingTargets {
  /** Topology node ids the model holds, in the finding's order. */
  nodeIds: string[];
  /** `namespace/name` of the NetworkPolicies involved. */
  policies: string[];
}

const NODE_PREFIXES: Readonly<Record<string, string>> = {
  Namespace: 'namespace:',
  Service: 'service:',
  Ingress: 'ingress:',
  Pod: 'pod:',
};

/**
 * Reads a finding's objects (`Kind namespace/name`, a namespace as `Namespace name`): Namespaces,
 * Services, Ingresses and Pods are nodes of their own; any other kind is a workload's top owner,
 * drawn as `workload:namespace/name[Kind]`. Objects the model does not hold are left out.
 */
export function findingTargets(finding: Finding, nodes: Topology['nodes']): FindingTargets {
  const targets: FindingTargets = { nodeIds: [], policies: [] };
  for (const object of finding.objects) {
    const space = object.indexOf(' ');
    if (space < 0) continue;
    const kind = object.slice(0, space);
    const ref = object.slice(space + 1);
    if (kind === 'NetworkPolicy') {
      targets.policies.push(ref);
      continue;
    }
    const prefix = NODE_PREFIXES[kind];
    const id = prefix ? `${prefix}${ref}` : `workload:${ref}[${kind}]`;
    if (nodes[id] && !targets.nodeIds.includes(id)) targets.nodeIds.push(id);
  }
  return targets;
}
