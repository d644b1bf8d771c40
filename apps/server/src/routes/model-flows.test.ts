import type { KubeObject } from '@netmap/model';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';

const pod = (namespace: string, name: string): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace, labels: { app: name } },
  spec: { containers: [{ name: 'main', ports: [{ containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: `10.0.0.${name.length}` },
});

const onlyFromWeb: KubeObject = {
  kind: 'NetworkPolicy',
  metadata: { name: 'db', namespace: 'data' },
  spec: {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [
      {
        from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }],
        ports: [{ port: 8080 }],
      },
    ],
  },
};

function appWith(objects: KubeObject[], workloadFlowLimit?: number) {
  const hub = new ModelHub({ kind: 'demo', description: 'test' }, { workloadFlowLimit });
  for (const object of objects) hub.receive({ type: 'upsert', object });
  hub.receive({ type: 'synced' });
  return { hub, app: buildApp({ source: hub }) };
}

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('GET /api/v1/model/flows', () => {
  it('lists the workload flows behind a flow between namespaces', async () => {
    const { hub, app } = appWith([pod('shop', 'web'), pod('data', 'db'), onlyFromWeb], 1);
    close = () => hub.close();
    expect(hub.topology!.flows['allowed:namespace:shop>namespace:data']).toMatchObject({
      ports: ['TCP 8080'],
    });
    const response = await app.inject({ url: '/api/v1/model/flows?from=namespace:shop&to=namespace:data' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      epoch: hub.epoch,
      version: 1,
      from: 'namespace:shop',
      to: 'namespace:data',
      flows: {
        'allowed:workload:shop/web[Pod]>workload:data/db[Pod]': {
          id: 'allowed:workload:shop/web[Pod]>workload:data/db[Pod]',
          from: 'workload:shop/web[Pod]',
          to: 'workload:data/db[Pod]',
          ports: ['TCP 8080'],
          verdict: 'allowed',
        },
      },
    });
    const back = await app.inject({ url: '/api/v1/model/flows?from=namespace:data&to=namespace:shop' });
    expect(Object.keys(back.json().flows)).toEqual(['allowed:workload:data/db[Pod]>workload:shop/web[Pod]']);
  });

  it('refuses ends that are not namespaces or the outside', async () => {
    const { hub, app } = appWith([pod('shop', 'web')]);
    close = () => hub.close();
    const response = await app.inject({
      url: '/api/v1/model/flows?from=workload:shop/web[Pod]&to=namespace:shop',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/namespace:<name> or external:<name>/);
  });

  it('answers 503 until the source has been read', async () => {
    const hub = new ModelHub({ kind: 'demo', description: 'test' });
    const response = await buildApp({ source: hub }).inject({
      url: '/api/v1/model/flows?from=namespace:a&to=namespace:b',
    });
    expect(response.statusCode).toBe(503);
  });
});
