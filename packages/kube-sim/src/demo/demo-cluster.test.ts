import { evaluateCluster, parseEndpoint } from '@netmap/engine';
import type { Protocol } from '@netmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../server.ts';
import { loadDemoCluster } from './index.ts';

const cluster = loadDemoCluster();

describe('the demo cluster in kube-sim', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({ seed: cluster });
  });
  afterAll(() => sim.close());

  const list = async (path: string) =>
    ((await (await fetch(sim.url + path)).json()) as { items: { metadata: { name: string } }[] }).items;

  it('serves every materialized pod, slice and workload over the API', async () => {
    expect(await list('/api/v1/pods')).toHaveLength(cluster.filter((o) => o.kind === 'Pod').length);
    expect((await list('/api/v1/namespaces/shop/pods?labelSelector=app%3Dfrontend')).length).toBe(2);
    expect(
      (
        await list(
          '/apis/discovery.k8s.io/v1/namespaces/kube-system/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dkube-dns',
        )
      ).length,
    ).toBe(1);
    expect((await list('/apis/apps/v1/replicasets')).length).toBe(
      cluster.filter((o) => o.kind === 'Deployment').length,
    );
    expect((await list('/api/v1/nodes')).map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    const namespaces = await list('/api/v1/namespaces');
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual([
      'backoffice',
      'ingress-nginx',
      'kube-system',
      'monitoring',
      'shop',
    ]);
  });
});

describe('the demo cluster tells its story to the engine', () => {
  const evaluation = evaluateCluster(cluster);
  const verdict = (from: string, to: string, port: number, protocol: Protocol = 'TCP') =>
    evaluation.can(parseEndpoint(from), parseEndpoint(to), port, protocol).verdict;

  it.each([
    [
      'users reach the shop through the Ingress over TLS',
      '203.0.113.7',
      'ingress/shop.example.com/',
      443,
      'allowed',
    ],
    ['the frontend calls cart on its port', 'shop/frontend[Deployment]', 'svc/shop/cart', 7070, 'allowed'],
    [
      'checkout mails through the email Service (5000 → 8080)',
      'shop/checkout[Deployment]',
      'svc/shop/email',
      5000,
      'allowed',
    ],
    [
      'shop pods resolve names through kube-dns',
      'shop/frontend[Deployment]',
      'svc/kube-system/kube-dns',
      53,
      'allowed',
      'UDP',
    ],
    [
      'Prometheus scrapes shop metrics on 9090',
      'monitoring/prometheus[Deployment]',
      'shop/cart[Deployment]',
      9090,
      'allowed',
    ],
    [
      'Prometheus cannot call the shop APIs',
      'monitoring/prometheus[Deployment]',
      'shop/cart[Deployment]',
      7070,
      'denied',
    ],
    [
      'the load generator cannot call cart directly',
      'shop/loadgenerator[Deployment]',
      'svc/shop/cart',
      7070,
      'denied',
    ],
    [
      'mistake: the typo in the shipping policy cuts checkout off',
      'shop/checkout[Deployment]',
      'svc/shop/shipping',
      50051,
      'denied',
    ],
    [
      'mistake: the typo in the shipping policy cuts the frontend off',
      'shop/frontend[Deployment]',
      'svc/shop/shipping',
      50051,
      'denied',
    ],
    [
      'mistake: the cart database is open to the whole namespace',
      'shop/loadgenerator[Deployment]',
      'svc/shop/redis-cart',
      6379,
      'allowed',
    ],
    [
      'mistake: the admin console is on the Internet',
      '203.0.113.7',
      'svc/backoffice/order-admin-debug',
      80,
      'allowed',
    ],
    [
      'mistake: the admin console is open to other namespaces',
      'monitoring/prometheus[Deployment]',
      'svc/backoffice/order-admin',
      80,
      'allowed',
    ],
    [
      'mistake: source NAT hides partners from their ipBlock rule',
      '198.51.100.7',
      'svc/shop/partner-feed',
      30443,
      'denied',
    ],
  ] as const)('%s', (_story, from, to, port, expected, protocol: Protocol = 'TCP') => {
    expect(verdict(from, to, port, protocol)).toBe(expected);
  });

  it('reports the shipping policy that admits nothing', () => {
    expect(evaluation.findings().map((f) => f.objects)).toContainEqual(['NetworkPolicy shop/shipping']);
  });
});
