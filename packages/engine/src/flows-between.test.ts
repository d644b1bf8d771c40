import type { TopologyFlow, TopologyNode } from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTopology } from './derive-topology.ts';
import { evaluateCluster } from './evaluation.ts';
import { workloadFlowsBetween } from './flows-between.ts';
import { topologyHistoryArbitrary } from './test-support/arbitrary-topology-events.ts';
import { TopologyDeriver } from './topology-deriver.ts';

/** The namespace-level end a workload-level end falls in. */
function endAbove(id: string, nodes: Record<string, TopologyNode>): string {
  const node = nodes[id];
  return node?.kind === 'workload' ? `namespace:${node.namespace}` : id;
}

const byId = (flows: readonly TopologyFlow[]) => Object.fromEntries(flows.map((flow) => [flow.id, flow]));

describe('workload flows on request', () => {
  it('are, for every pair of ends of a namespace-level topology, the workload flows between them', () => {
    fc.assert(
      fc.property(topologyHistoryArbitrary, fc.boolean(), (history, ipBlockMatchesPods) => {
        const evaluation = evaluateCluster(history.initial, { ipBlockMatchesPods });
        const deriver = new TopologyDeriver(evaluation, { flowLevel: 'namespace' });
        for (const batch of history.batches) {
          for (const change of batch) deriver.apply(change);
          deriver.update();
        }
        const detailed = deriveTopology(evaluation);
        const ends = new Set(Object.values(deriver.topology.flows).flatMap((flow) => [flow.from, flow.to]));
        const found: TopologyFlow[] = [];
        for (const from of ends) {
          for (const to of ends) {
            const flows = workloadFlowsBetween(
              { evaluation, controllerFlows: () => deriver.controllerFlows() },
              from,
              to,
            );
            for (const flow of flows) {
              expect([endAbove(flow.from, detailed.nodes), endAbove(flow.to, detailed.nodes)]).toEqual([
                from,
                to,
              ]);
              expect(
                deriver.topology.flows[`allowed:${from}>${to}`] ??
                  deriver.topology.flows[`unknown:${from}>${to}`],
              ).toBeDefined();
            }
            found.push(...flows);
          }
        }
        expect(byId(found)).toEqual(detailed.flows);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('are none between ends that are not namespaces or the outside', () => {
    const evaluation = evaluateCluster([]);
    const sources = { evaluation, controllerFlows: () => new Map() };
    expect(workloadFlowsBetween(sources, 'workload:a/b[Pod]', 'namespace:a')).toEqual([]);
    expect(workloadFlowsBetween(sources, 'external:x', 'external:y')).toEqual([]);
  });
});
