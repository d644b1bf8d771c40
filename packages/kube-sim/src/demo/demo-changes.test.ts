import type { KubeObject, Pod } from '@netmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../server.ts';
import type { SimStore } from '../sim-store.ts';
import { findEndpointMismatches } from './consistency.ts';
import { applyDemoChange, DEBUG_POLICY, startDemoChanges, type DemoChange } from './demo-changes.ts';
import { loadDemoCluster } from './index.ts';
import { createRandom } from './random.ts';
import { eventually } from '../test-fixtures.ts';
import { MAX_REPLICAS, MIN_REPLICAS } from './workload-changes.ts';

const KINDS = [
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
] as const;

const snapshot = (store: SimStore): KubeObject[] =>
  KINDS.flatMap(([apiVersion, kind]) => store.list({ apiVersion, kind }));

/** Every Deployment's replicas are within bounds and match its ReplicaSet's pods; pod IPs are unique. */
function findWorkloadMismatches(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod');
  for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
    const replicas = (deployment.spec as { replicas: number }).replicas;
    const replicaSet = objects.find(
      (o) =>
        o.kind === 'ReplicaSet' &&
        o.metadata?.ownerReferences?.[0]?.name === deployment.metadata?.name &&
        o.metadata?.namespace === deployment.metadata?.namespace,
    );
    const owned = pods.filter(
      (p) =>
        p.metadata?.ownerReferences?.[0]?.name === replicaSet?.metadata?.name &&
        p.metadata?.namespace === deployment.metadata?.namespace,
    );
    if (
      replicas < MIN_REPLICAS ||
      replicas > MAX_REPLICAS ||
      owned.length !== replicas ||
      (replicaSet?.spec as { replicas: number }).replicas !== replicas
    ) {
      problems.push(`${deployment.metadata?.name}: replicas ${replicas}, pods ${owned.length}`);
    }
  }
  const ips = pods.filter((p) => !p.spec?.hostNetwork).map((p) => p.status?.podIP);
  if (new Set(ips).size !== ips.length) problems.push('duplicate pod IPs');
  return problems;
}

let sim: KubeSim;
beforeAll(async () => {
  sim = await startKubeSim({ seed: loadDemoCluster() });
});
afterAll(() => sim.close());

describe('applyDemoChange', () => {
  it('keeps the cluster consistent and bounded over 200 random steps, trying every kind of change', () => {
    const random = createRandom(42);
    const seen = new Set<DemoChange['type']>();
    const descriptions: string[] = [];
    for (let step = 0; step < 200; step++) {
      const change = applyDemoChange(sim.store, random);
      if (change) {
        seen.add(change.type);
        descriptions.push(change.description);
      }
      const objects = snapshot(sim.store);
      expect(findEndpointMismatches(objects), `after ${descriptions.at(-1)}`).toEqual([]);
      expect(findWorkloadMismatches(objects), `after ${descriptions.at(-1)}`).toEqual([]);
    }
    expect([...seen].sort()).toEqual(['policy', 'relabel', 'roll', 'scale']);
    expect(descriptions.some((d) => d.startsWith(`added NetworkPolicy shop/${DEBUG_POLICY}`))).toBe(true);
    expect(descriptions.some((d) => d.startsWith(`removed NetworkPolicy shop/${DEBUG_POLICY}`))).toBe(true);
  });

  it('gives a rolled pod a new name and a new IP, and its Service the new endpoint', () => {
    const random = createRandom(5);
    let rolled = 0;
    for (let step = 0; step < 50; step++) {
      const before = new Map(
        sim.store
          .list({ apiVersion: 'v1', kind: 'Pod' })
          .map((p) => [p.metadata?.name, (p as Pod).status?.podIP]),
      );
      const change = applyDemoChange(sim.store, random);
      if (change?.type !== 'roll') continue;
      rolled++;
      const [, oldName, oldIp, newName, newIp] =
        /^replaced \S+\/(\S+) \((\S+)\) with \S+\/(\S+) \((\S+)\)$/.exec(change.description) ?? [];
      expect(before.get(oldName)).toBe(oldIp);
      if (!oldName?.startsWith('redis-cart-')) expect(newName).not.toBe(oldName);
      if (!/calico-node|node-exporter/.test(oldName ?? '')) expect(newIp).not.toBe(oldIp);
      const slices = sim.store.list({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' }) as {
        endpoints?: { targetRef?: { name?: string; uid?: string }; addresses?: string[] }[];
      }[];
      const endpoints = slices.flatMap((s) => s.endpoints ?? []);
      expect(endpoints.some((e) => e.targetRef?.name === oldName)).toBe(false);
      const pod = sim.store.list({ apiVersion: 'v1', kind: 'Pod' }).find((p) => p.metadata?.name === newName);
      const endpoint = endpoints.find((e) => e.targetRef?.name === newName);
      if (endpoint)
        expect(endpoint).toMatchObject({ addresses: [newIp], targetRef: { uid: pod?.metadata?.uid } });
    }
    expect(rolled).toBeGreaterThan(3);
  });
});

describe('startDemoChanges', () => {
  it('applies a change every interval until stopped', async () => {
    const changes: DemoChange[] = [];
    const errors: unknown[] = [];
    const demo = startDemoChanges(sim.store, {
      intervalMs: 5,
      seed: 9,
      onChange: (c) => changes.push(c),
      onError: (e) => errors.push(e),
    });
    await eventually(() => expect(changes.length).toBeGreaterThanOrEqual(3));
    demo.stop();
    const count = changes.length;
    const version = sim.store.resourceVersion;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(changes.length).toBe(count);
    expect(sim.store.resourceVersion).toBe(version);
    expect(errors).toEqual([]);
    expect(findEndpointMismatches(snapshot(sim.store))).toEqual([]);
  });
});
