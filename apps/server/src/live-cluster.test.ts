// End to end on the server side: simulator -> client-node source -> hub -> HTTP and SSE.
import type { KubeObject, TopologyPatch } from '@netmap/model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLiveServer, type LiveServer } from './live-server-kit.ts';

const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
const pod = (name: string, app: string, ip: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app } },
  spec: { containers: [{ name: 'main', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: ip },
});
const onlyFromWeb: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'db-from-web', namespace: 'shop' },
  spec: {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
  },
};

let live: LiveServer;

beforeAll(async () => {
  const seed = [
    namespace,
    pod('web', 'web', '10.0.0.1'),
    pod('db', 'db', '10.0.0.2'),
    pod('job', 'job', '10.0.0.3'),
  ];
  live = await startLiveServer({ token: 'live', seed });
});

afterAll(() => live.close());

const verdict = async (from: string, to: string) =>
  (
    (await (await fetch(`${live.url}/api/v1/can?from=${from}&to=${to}&port=8080`)).json()) as {
      verdict: string;
    }
  ).verdict;

describe('a live cluster', () => {
  it('turns a policy created in the cluster into a changed verdict', async () => {
    expect(await verdict('shop/job', 'shop/db')).toBe('allowed');
    live.sim.store.create(onlyFromWeb);
    await vi.waitFor(() => expect(live.hub.evaluation!.state.policies.has('shop/db-from-web')).toBe(true), {
      timeout: 5000,
      interval: 20,
    });
    expect(await verdict('shop/job', 'shop/db')).toBe('denied');
    expect(await verdict('shop/web', 'shop/db')).toBe('allowed');
  });

  it('streams a pod created in the cluster to a connected client as a patch', async () => {
    const patches: TopologyPatch[] = [];
    const stop = live.hub.subscribe((patch) => patches.push(patch));
    const controller = new AbortController();
    const response = await fetch(`${live.url}/api/v1/stream`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let text = '';
    live.sim.store.create(pod('cache', 'cache', '10.0.0.4'));
    while (!text.includes('pod:shop/cache')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    stop();
    expect(text).toMatch(/event: patch\nid: [0-9a-f]+:\d+\ndata: .*"pod:shop\/cache"/);
    expect(patches.some((patch) => 'pod:shop/cache' in patch.upserts.nodes)).toBe(true);
  });
});
