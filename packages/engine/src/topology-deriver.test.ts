import {
  applyPatch,
  diffTopology,
  type FlowLevel,
  type Topology,
  type TopologyPatch,
  type VersionedTopology,
} from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTopology } from './derive-topology.ts';
import { evaluateCluster } from './evaluation.ts';
import { topologyHistoryArbitrary } from './test-support/arbitrary-topology-events.ts';
import { TopologyDeriver } from './topology-deriver.ts';

/** Random histories per level and option: a few thousand in all, some seconds on two cores. */
const RUNS = 600;
const TIMEOUT = 120_000;

const copy = (topology: Topology): Topology => structuredClone(topology);

const idsOf = (change: Pick<TopologyPatch, 'upserts' | 'removals'>) => ({
  upserts: Object.fromEntries(
    (['nodes', 'flows', 'findings'] as const).map((part) => [part, Object.keys(change.upserts[part]).sort()]),
  ),
  removals: Object.fromEntries(
    (['nodes', 'flows', 'findings'] as const).map((part) => [part, [...change.removals[part]].sort()]),
  ),
});

describe.each<FlowLevel>(['workload', 'namespace'])('the incremental topology at %s level', (flowLevel) => {
  it(
    'equals the topology derived from scratch after any changes, and its patches rebuild it from the first snapshot',
    () => {
      fc.assert(
        fc.property(topologyHistoryArbitrary, fc.boolean(), (history, ipBlockMatchesPods) => {
          const evaluation = evaluateCluster(history.initial, { ipBlockMatchesPods });
          const deriver = new TopologyDeriver(evaluation, { flowLevel });
          expect(deriver.topology).toEqual(deriveTopology(evaluation, { flowLevel }));
          let model: VersionedTopology = { ...copy(deriver.topology), epoch: 'e', version: 1 };
          for (const batch of history.batches) {
            const before = copy(deriver.topology);
            for (const change of batch) deriver.apply(change);
            const change = deriver.update();
            expect(deriver.topology).toEqual(deriveTopology(evaluation, { flowLevel }));
            // The change holds exactly what differs: no more, no less.
            expect(idsOf(change)).toEqual(idsOf(diffTopology(before, deriver.topology)));
            model = applyPatch(model, { epoch: 'e', from: model.version, to: model.version + 1, ...change });
          }
          expect(model).toEqual({ ...deriver.topology, epoch: 'e', version: history.batches.length + 1 });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('the deriver', () => {
  it('reports nothing when nothing changed', () => {
    const deriver = new TopologyDeriver(evaluateCluster([]));
    expect(deriver.update()).toEqual({
      upserts: { nodes: {}, flows: {}, findings: {} },
      removals: { nodes: [], flows: [], findings: [] },
    });
  });

  it('keeps the flow level it was made with, and says so in the topology at namespace level', () => {
    expect(new TopologyDeriver(evaluateCluster([])).topology.flowLevel).toBeUndefined();
    const deriver = new TopologyDeriver(evaluateCluster([]), { flowLevel: 'namespace' });
    expect(deriver.topology.flowLevel).toBe('namespace');
    expect(deriver.flowLevel).toBe('namespace');
  });
});
