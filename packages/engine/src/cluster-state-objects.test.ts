import type { KubeObject } from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCluster, type Evaluation } from './evaluation.ts';
import { clusterArbitrary } from './test-support/arbitrary-cluster.ts';
import { servicesArbitrary } from './test-support/arbitrary-services.ts';
import { topologyHistoryArbitrary } from './test-support/arbitrary-topology-events.ts';
import { detailsCluster } from './test-support/details-cluster.ts';
import { NGINX } from './test-support/finding-objects.ts';

/** What an evaluation answers that a copy must answer alike. */
const answersOf = (evaluation: Evaluation) => ({
  flows: evaluation.flows(),
  findings: evaluation.findings(),
});

const reread = (evaluation: Evaluation) => evaluateCluster(evaluation.state.objects(), evaluation.options);

describe('the objects of a cluster state', () => {
  it('are the objects read, invalid policies and pod-less workloads included, and nothing else', () => {
    const objects: KubeObject[] = [
      ...detailsCluster,
      ...NGINX,
      { kind: 'ConfigMap', metadata: { name: 'c' } },
    ];
    const held = evaluateCluster(objects).state.objects();
    expect(new Set(held)).toEqual(new Set(objects.filter((object) => object.kind !== 'ConfigMap')));
  });

  it('evaluated again give the same flows and findings', () => {
    const evaluation = evaluateCluster([...detailsCluster, ...NGINX]);
    expect(answersOf(reread(evaluation))).toEqual(answersOf(evaluation));
  });

  it('evaluated again give the same flows and findings, for any cluster with Services and Ingresses', () => {
    fc.assert(
      fc.property(clusterArbitrary, servicesArbitrary, fc.boolean(), (cluster, services, ipBlocks) => {
        const evaluation = evaluateCluster([...cluster, ...services], { ipBlockMatchesPods: ipBlocks });
        expect(answersOf(reread(evaluation))).toEqual(answersOf(evaluation));
      }),
      { numRuns: 150 },
    );
  });

  it('follow changes: after any history they give the flows and findings of the state they came from', () => {
    fc.assert(
      fc.property(topologyHistoryArbitrary, (history) => {
        const evaluation = evaluateCluster(history.initial);
        for (const change of history.batches.flat()) evaluation.apply(change);
        expect(answersOf(reread(evaluation))).toEqual(answersOf(evaluation));
      }),
      { numRuns: 150 },
    );
  });
});
