import { CoreV1Api, KubeConfig, makeInformer, type Informer, type ObjectCache, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from './server.ts';
import { eventually, namespace, pod } from './test-fixtures.ts';

// Fidelity with @kubernetes/client-node, the client netmap's live source uses.
let sim: KubeSim;
let api: CoreV1Api;
let informer: Informer<V1Pod> & ObjectCache<V1Pod>;
const events: string[] = [];
const errors: unknown[] = [];

function configFor(server: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'sim', server, skipTLSVerify: true }],
    users: [{ name: 'sim', token: 'client-token' }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
    currentContext: 'sim',
  });
  return config;
}

const names = (pods: readonly V1Pod[]) => pods.map((p) => p.metadata?.name).sort();

beforeAll(async () => {
  sim = await startKubeSim({ token: 'client-token', seed: [namespace('shop'), pod('shop', 'web-1', { app: 'web' })] });
  const config = configFor(sim.url);
  api = config.makeApiClient(CoreV1Api);
  informer = makeInformer(config, '/api/v1/pods', () => api.listPodForAllNamespaces());
  informer.on('add', (p) => events.push(`add ${p.metadata?.name}`));
  informer.on('update', (p) => events.push(`update ${p.metadata?.name}`));
  informer.on('delete', (p) => events.push(`delete ${p.metadata?.name}`));
  // An informer stops on a watch error; restarting it is the caller's job, as client-node documents.
  informer.on('error', (error) => {
    errors.push(error);
    setTimeout(() => void informer.start(), 50);
  });
  await informer.start();
});
afterAll(async () => {
  await informer.stop();
  await sim.close();
});

describe('@kubernetes/client-node against kube-sim', () => {
  it('lists pods of every namespace with the typed API', async () => {
    const list = await api.listPodForAllNamespaces();
    expect(names(list.items)).toEqual(['web-1']);
    expect(list.metadata?.resourceVersion).toBe(sim.store.resourceVersion);
    expect(list.items[0]?.metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  it('feeds an informer with add, update and delete events', async () => {
    await eventually(() => expect(events).toContain('add web-1'));
    sim.store.create(pod('shop', 'web-2'));
    sim.store.update(pod('shop', 'web-2', { app: 'web' }));
    sim.store.delete(pod('shop', 'web-1'));
    await eventually(() => expect(events).toEqual(['add web-1', 'add web-2', 'update web-2', 'delete web-1']));
  });

  it('re-watches after a cleanly dropped watch without missing a change', async () => {
    sim.faults.dropWatches();
    sim.store.create(pod('shop', 'after-drop'));
    await eventually(() => expect(names(informer.list())).toContain('after-drop'));
  });

  it('recovers from an abruptly dropped watch through its error handler', async () => {
    sim.faults.dropWatches({ abrupt: true });
    await eventually(() => expect(errors.length).toBeGreaterThan(0));
    sim.store.create(pod('shop', 'after-error'));
    await eventually(() => expect(names(informer.list())).toContain('after-error'));
  });

  it('re-lists after a 410 Expired watch and catches up with changes it missed', async () => {
    await eventually(() => expect(names(informer.list())).toContain('after-error'));
    const before = events.length;
    sim.faults.dropWatches();
    sim.store.delete(pod('shop', 'after-drop'));
    sim.store.create(pod('shop', 'missed'));
    sim.faults.compact();
    await eventually(() => expect(names(informer.list())).toEqual(['after-error', 'missed', 'web-2']));
    expect(events.slice(before).sort()).toEqual(['add missed', 'delete after-drop']);
  });
});
