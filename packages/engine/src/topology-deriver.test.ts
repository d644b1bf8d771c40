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
import { TopologyDeriver, type TopologyChange } from './topology-deriver.ts';

/** Random histories per level and option: a few thousand in all, some seconds on two cores. */
const RUNS = 400;
const TIMEOUT = 120_000;

const copy = (topology: Topology): Topology => structuredClone(topology);
const splitsArbitrary = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 });

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
        fc.property(
          topologyHistoryArbitrary,
          fc.boolean(),
          splitsArbitrary,
          (history, ipBlockMatchesPods, splits) => {
            const evaluation = evaluateCluster(history.initial, { ipBlockMatchesPods });
            const deriver = new TopologyDeriver(evaluation, { flowLevel });
            expect(deriver.topology).toEqual(deriveTopology(evaluation, { flowLevel }));
            let model: VersionedTopology = { ...copy(deriver.topology), epoch: 'e', version: 1 };
            const take = (update: () => TopologyChange) => {
              const before = copy(deriver.topology);
              const change = update();
              // A change holds exactly what differs: no more, no less.
              expect(idsOf(change)).toEqual(idsOf(diffTopology(before, deriver.topology)));
              model = applyPatch(model, {
                epoch: 'e',
                from: model.version,
                to: model.version + 1,
                ...change,
              });
            };
            history.batches.forEach((batch, i) => {
              for (const change of batch) deriver.apply(change);
              // Nodes and flows first and findings after, or all at once.
              if (splits[i]) {
                take(() => deriver.updateGraph());
                take(() => deriver.updateFindings());
              } else take(() => deriver.update());
              expect(deriver.topology).toEqual(deriveTopology(evaluation, { flowLevel }));
            });
            expect(model).toEqual({ ...deriver.topology, epoch: 'e', version: model.version });
          },
        ),
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

  it('can bring nodes and flows up to date first, and findings after', () => {
    const badPort = (name: string) => ({
      kind: 'Pod',
      metadata: { name, namespace: 'shop' },
      spec: { containers: [{ name: 'main', ports: [{ containerPort: 0 }] }] },
      status: { phase: 'Running', podIP: `10.0.0.${name.length}` },
    });
    const evaluation = evaluateCluster([badPort('a')]);
    const deriver = new TopologyDeriver(evaluation, { isFindingsDeferred: true });
    expect(deriver.topology.findings).toEqual({});
    expect(deriver.areFindingsStale).toBe(true);
    expect(Object.keys(deriver.updateFindings().upserts.findings)).not.toEqual([]);
    expect(deriver.areFindingsStale).toBe(false);
    deriver.apply({ type: 'upsert', object: badPort('bb') });
    expect(deriver.areFindingsStale).toBe(true);
    const graph = deriver.updateGraph();
    expect(Object.keys(graph.upserts.nodes)).toContain('pod:shop/bb');
    expect(graph.upserts.findings).toEqual({});
    expect(Object.keys(deriver.updateFindings().upserts.findings).join()).toMatch(/shop\/bb/);
    expect(deriver.topology).toEqual(deriveTopology(evaluation));
  });
});

describe('flows between namespaces', () => {
  const namespace = (name: string, labels: Record<string, string>) => ({
    kind: 'Namespace',
    metadata: { name, labels: { ...labels, 'kubernetes.io/metadata.name': name } },
  });
  const pod = (ns: string, name: string) => ({
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: { containers: [{ name: 'main', ports: [{ containerPort: 8080 }] }] },
    status: { phase: 'Running', podIP: `10.0.${ns.length}.${name.length}` },
  });
  const fromTrusted = {
    kind: 'NetworkPolicy',
    metadata: { name: 'db', namespace: 'data' },
    spec: {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [
        { from: [{ namespaceSelector: { matchLabels: { trust: 'yes' } } }], ports: [{ port: 8080 }] },
      ],
    },
  };

  it('follow namespace labels that namespace selectors look at, and namespaces that come and go', () => {
    const evaluation = evaluateCluster([
      namespace('shop', {}),
      namespace('data', {}),
      pod('shop', 'web'),
      pod('data', 'db'),
      fromTrusted,
    ]);
    const deriver = new TopologyDeriver(evaluation, { flowLevel: 'namespace' });
    const id = 'allowed:namespace:shop>namespace:data';
    expect(deriver.topology.flows[id]).toBeUndefined();
    for (const [labels, isAllowed] of [
      [{ trust: 'yes' }, true],
      [{}, false],
      [{ trust: 'yes' }, true],
    ] as const) {
      deriver.apply({ type: 'upsert', object: namespace('shop', labels) });
      deriver.update();
      expect(deriver.topology.flows[id] !== undefined).toBe(isAllowed);
      expect(deriver.topology).toEqual(deriveTopology(evaluation, { flowLevel: 'namespace' }));
    }
    // A namespace that appears with its first pod is judged by the selectors too.
    deriver.apply({ type: 'upsert', object: namespace('tools', { trust: 'yes' }) });
    deriver.apply({ type: 'upsert', object: pod('tools', 'ci') });
    deriver.update();
    expect(deriver.topology.flows['allowed:namespace:tools>namespace:data']).toMatchObject({
      ports: ['TCP 8080'],
    });
    expect(deriver.topology).toEqual(deriveTopology(evaluation, { flowLevel: 'namespace' }));
  });
});
