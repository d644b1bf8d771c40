import { describe, expect, it } from 'vitest';
import { deriveTopology } from './derive-topology.ts';
import { evaluateCluster } from './evaluation.ts';
import { detailsCluster } from './test-support/details-cluster.ts';
import { listTopologyNodes } from './topology-node-list.ts';

describe('listTopologyNodes', () => {
  it('lists the nodes deriveTopology derives, but those outside the cluster', () => {
    const evaluation = evaluateCluster(detailsCluster);
    const inside = Object.values(deriveTopology(evaluation).nodes).filter((node) => node.kind !== 'external');
    const listed = listTopologyNodes(evaluation);
    expect(listed).toHaveLength(inside.length);
    expect(new Map(listed.map((node) => [node.id, node]))).toEqual(
      new Map(inside.map((node) => [node.id, node])),
    );
    expect(new Set(listed.map((node) => node.kind))).toEqual(
      new Set(['namespace', 'workload', 'pod', 'service', 'ingress']),
    );
  });
});
