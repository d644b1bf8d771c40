import { afterEach, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '@netmap/kube-sim';
import type { KubeObject } from '@netmap/model';
import { createClusterSource, type ClusterSource } from './cluster-source.ts';
import {
  eventually,
  fixtures as f,
  simObjects,
  startSource,
  writeKubeconfig,
  type EventLog,
} from './cluster-test-kit.ts';

// Faults the source must ride out; after each, its emitted view must equal the cluster exactly.
const TOKEN = 'netmap-token';
let sim: KubeSim | undefined;
let source: ClusterSource | undefined;

afterEach(async () => {
  await source?.stop();
  await sim?.close();
  source = sim = undefined;
});

const seed: KubeObject[] = [
  f.namespace('shop'),
  f.pod('shop', 'web-1', { app: 'web' }),
  f.pod('shop', 'web-2', { app: 'web' }),
  f.service('shop', 'web'),
  f.networkPolicy('shop', 'default-deny'),
  f.deployment('shop', 'web'),
];

async function startSynced(simulator: KubeSim): Promise<EventLog> {
  sim = simulator;
  source = createClusterSource({
    kubeconfig: writeKubeconfig([{ name: 'sim', server: sim.url, token: TOKEN }]),
  });
  const log = await startSource(source);
  await eventually(() => expect(log.of('synced')).toHaveLength(1));
  expect(log.view).toEqual(simObjects(sim));
  return log;
}

const converged = (log: EventLog) => expect(log.view).toEqual(simObjects(sim!));

/** Changes made while the source is away: a delete, a create, a relabel, a recreate under the same name. */
function changeWhileAway(simulator: KubeSim): void {
  simulator.store.delete(f.pod('shop', 'web-1'));
  simulator.store.create(f.pod('shop', 'web-3', { app: 'web' }));
  simulator.store.apply(f.pod('shop', 'web-2', { app: 'web', version: 'v2' }));
  simulator.store.delete(f.networkPolicy('shop', 'default-deny'));
  simulator.store.create(f.networkPolicy('shop', 'default-deny'));
}

describe('ClusterSource: resilience', () => {
  it('re-watches after clean and abrupt watch drops without losing a change', async () => {
    const log = await startSynced(await startKubeSim({ token: TOKEN, seed }));
    sim!.faults.dropWatches();
    sim!.store.create(f.pod('shop', 'after-clean-drop'));
    await eventually(() => converged(log));
    sim!.faults.dropWatches({ abrupt: true });
    sim!.store.create(f.pod('shop', 'after-abrupt-drop'));
    await eventually(() => converged(log));
    expect(log.view.has('Pod/shop/after-abrupt-drop')).toBe(true);
  });

  it.each([
    ['a dropped watch resumes after compaction (410 Expired)', false],
    ['watches fail with 500 for a while, then resume after compaction', true],
  ])(
    'relists when %s, emitting deletes for what vanished meanwhile',
    async (_, failing) => {
      const log = await startSynced(await startKubeSim({ token: TOKEN, seed }));
      const from = log.events.length;
      if (failing) sim!.faults.failNext({ path: /watch=true/, code: 500, count: 3 });
      sim!.faults.dropWatches({ abrupt: failing });
      changeWhileAway(sim!);
      sim!.faults.compact();
      await eventually(() => converged(log), 8000);
      const lines = log.lines(from);
      expect(lines).toContain('delete Pod/shop/web-1');
      expect(lines).toContain('upsert Pod/shop/web-3');
      // The recreated policy has a new uid: its predecessor is deleted first.
      expect(lines.filter((l) => l.endsWith('NetworkPolicy/shop/default-deny'))).toEqual([
        'delete NetworkPolicy/shop/default-deny',
        'upsert NetworkPolicy/shop/default-deny',
      ]);
      expect(log.of('synced')).toHaveLength(1);
    },
    10_000,
  );

  it('retries lists that answer 500 and 429 (after Retry-After) until the first sync', async () => {
    const simulator = await startKubeSim({ token: TOKEN, seed });
    simulator.faults.failNext({ path: /\/api\/v1\/pods\?limit/, code: 500, count: 2 });
    simulator.faults.failNext({
      path: /\/apis\/apps\/v1\/deployments\?limit/,
      code: 429,
      retryAfterSeconds: 1,
    });
    const started = Date.now();
    const log = await startSynced(simulator);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(log.of('problem')).toEqual([]);
  });

  it('catches up with a simulator restarted on the same port with other objects', async () => {
    const log = await startSynced(await startKubeSim({ token: TOKEN, seed }));
    const { port } = sim!;
    await sim!.close();
    const reseeded = seed.filter((o) => o.metadata?.name !== 'web-1').concat(f.pod('shop', 'web-9'));
    sim = await startKubeSim({ token: TOKEN, seed: reseeded, port });
    await eventually(() => converged(log), 8000);
    expect(log.view.has('Pod/shop/web-1')).toBe(false);
    // Every object has a new uid after the restart: each was deleted and upserted again.
    sim.store.create(f.pod('shop', 'after-restart'));
    await eventually(() => converged(log));
  }, 10_000);
});
