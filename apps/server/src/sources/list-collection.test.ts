import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '@netmap/kube-sim';
import { fixtures as f, writeKubeconfig } from './cluster-test-kit.ts';
import { loadClusterConfig } from './kube-config.ts';
import { listCollection } from './list-collection.ts';

let sim: KubeSim;
const pods = Array.from({ length: 7 }, (_, i) => f.pod('shop', `web-${i}`));

beforeAll(async () => {
  sim = await startKubeSim({ token: 't', seed: [f.namespace('shop'), ...pods] });
});
afterAll(() => sim.close());

describe('listCollection', () => {
  it('reads every page of a collection with limit and continue', async () => {
    const config = loadClusterConfig({
      kubeconfig: writeKubeconfig([{ name: 'sim', server: sim.url, token: 't' }]),
    });
    const list = await listCollection(config, '/api/v1/pods', 3);
    expect(list.items.map((p) => p.metadata?.name)).toEqual(pods.map((p) => p.metadata?.name));
    expect(list.resourceVersion).toBe(sim.store.resourceVersion);
  });

  it('fails with the Status message and code of the API server', async () => {
    const config = loadClusterConfig({
      kubeconfig: writeKubeconfig([{ name: 'sim', server: sim.url, token: 'wrong' }]),
    });
    await expect(listCollection(config, '/api/v1/pods')).rejects.toMatchObject({ statusCode: 401 });
  });
});
