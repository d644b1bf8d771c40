import type { EndpointSlice, KubeObject } from '@netmap/model';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../server.ts';
import { loadDemoCluster } from './index.ts';
import { seedDemoCluster } from './seed-demo.ts';

let sim: KubeSim;
beforeAll(async () => {
  sim = await startKubeSim();
  seedDemoCluster(sim.store, loadDemoCluster());
});
afterAll(() => sim.close());

const list = (apiVersion: string, kind: string) => sim.store.list({ apiVersion, kind });

it('links pods, ReplicaSets and EndpointSlices by the uids the simulator assigned', () => {
  const all = ['Namespace', 'Node', 'Pod', 'Service'].flatMap((kind) => list('v1', kind));
  const owners = [
    ...all,
    ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].flatMap((kind) => list('apps/v1', kind)),
  ];
  const byUid = new Map<string, KubeObject>(owners.map((o) => [o.metadata?.uid ?? '', o]));
  const pods = list('v1', 'Pod');
  expect(pods).toHaveLength(29);
  for (const object of [...pods, ...list('apps/v1', 'ReplicaSet')]) {
    const owner = byUid.get(object.metadata?.ownerReferences?.[0]?.uid ?? '');
    expect(owner?.metadata?.name).toBe(object.metadata?.ownerReferences?.[0]?.name);
  }
  const slices = list('discovery.k8s.io/v1', 'EndpointSlice') as EndpointSlice[];
  for (const endpoint of slices.flatMap((s) => s.endpoints ?? [])) {
    expect(byUid.get(endpoint.targetRef?.uid ?? '')?.metadata?.name).toBe(endpoint.targetRef?.name);
  }
});
