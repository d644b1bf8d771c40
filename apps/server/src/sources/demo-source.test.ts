import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';
import { DemoSource } from './demo-source.ts';

const folder = mkdtempSync(join(tmpdir(), 'netmap-demo-'));
const kubeconfig = join(folder, 'kubeconfig');
const listed = new Set<string>();
const observer = { listed: (scope: string) => listed.add(scope), restarted: () => {} };
const source = new DemoSource({ changeIntervalMs: 0, kubeconfigPath: kubeconfig, observer });
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
  rmSync(folder, { recursive: true });
});

describe('the embedded demo', () => {
  it('syncs through client-node and says it is the demo', async () => {
    expect(hub.status).toMatchObject({
      kind: 'demo',
      synced: true,
      problems: {},
      cni: { name: 'Calico', enforcesNetworkPolicy: true },
    });
    // Its watches are metered as a real cluster's are.
    expect(listed).toContain('pods');
    expect(listed).toContain('networkpolicies');
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

describe('the demo kubeconfig', () => {
  it('lets kubectl read and change the embedded cluster, and the model follows', async () => {
    expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
    // The simulator runs in this process: kubectl must not block it.
    const kubectl = async (...args: string[]) =>
      (await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfig, ...args])).stdout;
    expect((await kubectl('get', 'namespaces', '-o', 'name')).split('\n')).toContain('namespace/shop');
    await kubectl('label', 'namespace', 'backoffice', 'reviewed=yes');
    for (let waited = 0; waited < 5_000; waited += 50) {
      if (hub.topology?.nodes['namespace:backoffice']?.kind === 'namespace') {
        const labels = (hub.topology.nodes['namespace:backoffice'] as { labels: Record<string, string> })
          .labels;
        if (labels.reviewed === 'yes') return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect.unreachable('the label set with kubectl did not reach the model');
  });
});
