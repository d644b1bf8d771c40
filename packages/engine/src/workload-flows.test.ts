import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCluster, type Evaluation } from './evaluation.ts';
import type { WorkloadFlow } from './flow-table.ts';
import { PortSet } from './port-set.ts';
import type { KubeObject } from '@netmap/model';
import { clusterArbitrary, clusterHistoryArbitrary } from './test-support/arbitrary-cluster.ts';

/** Workload flows the slow way: every pair of active pods, no skipping. */
function flowsPodByPod(evaluation: Evaluation): { flows: WorkloadFlow[]; unknown: WorkloadFlow[] } {
  const pods = [...evaluation.state.activePods()];
  const allowed = new Map<string, PortSet>();
  const unknown = new Map<string, PortSet>();
  for (const source of pods) {
    for (const destination of pods) {
      if (source.workload === destination.workload) continue;
      const ports = evaluation.portsBetween(source, destination);
      const key = `${source.workload}>${destination.workload}`;
      allowed.set(key, (allowed.get(key) ?? PortSet.EMPTY).union(ports.allowed));
      unknown.set(key, (unknown.get(key) ?? PortSet.EMPTY).union(ports.unknown));
    }
  }
  const list = (byPair: Map<string, PortSet>, minus?: Map<string, PortSet>) =>
    [...byPair]
      .map(([key, ports]) => [key, minus ? ports.subtract(minus.get(key) ?? PortSet.EMPTY) : ports] as const)
      .filter(([, ports]) => !ports.isEmpty())
      .map(([key, ports]) => {
        const [from = '', to = ''] = key.split('>');
        return { from, to, ports: ports.isAll() ? ('all' as const) : ports.toStrings() };
      })
      .sort((a, b) => `${a.from}\u0000${a.to}`.localeCompare(`${b.from}\u0000${b.to}`, 'en'));
  return { flows: list(allowed), unknown: list(unknown, allowed) };
}

const betweenWorkloads = (flows: WorkloadFlow[]) =>
  flows
    .filter((f) => !f.from.endsWith('[External]') && !f.to.endsWith('[External]') && !f.from.startsWith('{'))
    .sort((a, b) => `${a.from}\u0000${a.to}`.localeCompare(`${b.from}\u0000${b.to}`, 'en'));

describe('workload flows', () => {
  it('equal the flows of every pod pair, although sources no ingress rule can admit are skipped', () => {
    fc.assert(
      fc.property(clusterArbitrary, fc.boolean(), (objects, ipBlockMatchesPods) => {
        const evaluation = evaluateCluster(objects, { ipBlockMatchesPods });
        const { flows, unknown } = evaluation.flows();
        const expected = flowsPodByPod(evaluation);
        expect(betweenWorkloads(flows)).toEqual(expected.flows);
        expect(betweenWorkloads(unknown)).toEqual(expected.unknown);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('stay true after every change, although they are kept between changes that cannot alter them', () => {
    const identity = (object: KubeObject) =>
      `${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
    fc.assert(
      fc.property(clusterHistoryArbitrary, (history) => {
        const evaluation = evaluateCluster(history.initial);
        const current = new Map(history.initial.map((object) => [identity(object), object]));
        evaluation.flows();
        for (const change of history.changes) {
          evaluation.apply(change);
          if (change.type === 'upsert') current.set(identity(change.object), change.object);
          else current.delete(identity(change.object));
          expect(evaluation.flows()).toEqual(evaluateCluster([...current.values()]).flows());
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
