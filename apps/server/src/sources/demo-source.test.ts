import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';
import { DemoSource } from './demo-source.ts';

const source = new DemoSource({ changeIntervalMs: 0 });
const hub = new ModelHub(source);
const app = buildApp({ source: hub });

beforeAll(async () => {
  await source.start((event) => hub.receive(event));
  for (let waited = 0; !hub.status.synced && waited < 10_000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
}, 15_000);

afterAll(async () => {
  await app.close();
  await source.stop();
  hub.close();
});

describe('the embedded demo', () => {
  it('syncs through client-node and says it is the demo', async () => {
    expect(hub.status).toMatchObject({
      kind: 'demo',
      synced: true,
      problems: {},
      cni: { name: 'Calico', enforcesNetworkPolicy: true },
    });
    const status = (await app.inject({ url: '/api/v1/status' })).json();
    expect(status).toMatchObject({
      ready: true,
      source: { kind: 'demo', description: 'the embedded demo cluster' },
    });
  });

  it('shows the shop, its ingress and the mistakes a reviewer should find', async () => {
    const model = (await app.inject({ url: '/api/v1/model' })).json();
    const ids = Object.keys(model.nodes);
    for (const namespace of ['shop', 'ingress-nginx', 'monitoring', 'kube-system', 'backoffice'])
      expect(ids).toContain(`namespace:${namespace}`);
    expect(ids).toContain('ingress:shop/shop');
    const check = (from: string, to: string, port: number) =>
      app
        .inject({
          url: `/api/v1/can?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&port=${port}`,
        })
        .then((r) => r.json().verdict);
    expect(await check('shop/frontend[Deployment]', 'svc/shop/cart', 7070)).toBe('allowed');
    expect(await check('shop/checkout[Deployment]', 'svc/shop/shipping', 50051)).toBe('denied');
    expect(await check('203.0.113.50', 'svc/backoffice/order-admin-debug', 80)).toBe('allowed');
  });
});
