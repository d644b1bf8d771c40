import type { NamespaceNode, TopologyPatch, VersionedTopology } from '@netmap/model';

/** A topology with the given namespaces as its nodes. */
export function topologyOf(epoch: string, version: number, namespaces: string[]): VersionedTopology {
  const nodes = Object.fromEntries(namespaces.map((name) => [`namespace:${name}`, namespaceNode(name)]));
  return { epoch, version, nodes, flows: {}, findings: {} };
}

/** A patch that adds `added` namespaces and removes `removed` ones. */
export function patchOf(
  epoch: string,
  from: number,
  change: { added?: string[]; removed?: string[] },
): TopologyPatch {
  const nodes = Object.fromEntries(
    (change.added ?? []).map((name) => [`namespace:${name}`, namespaceNode(name)]),
  );
  return {
    epoch,
    from,
    to: from + 1,
    upserts: { nodes, flows: {}, findings: {} },
    removals: { nodes: (change.removed ?? []).map((name) => `namespace:${name}`), flows: [], findings: [] },
  };
}

function namespaceNode(name: string): NamespaceNode {
  return {
    kind: 'namespace',
    id: `namespace:${name}`,
    name,
    labels: { 'kubernetes.io/metadata.name': name },
  };
}
