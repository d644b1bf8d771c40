import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from './server.ts';
import { namespace, pod } from './test-fixtures.ts';

let sim: KubeSim;
const auth = { Authorization: 'Bearer secret' };
const call = (path: string, init: RequestInit = {}) =>
  fetch(sim.url + path, { ...init, headers: { ...auth, 'Content-Type': 'application/json', ...init.headers } });
const json = async (path: string, init?: RequestInit) => (await call(path, init)).json() as Promise<Record<string, unknown>>;

beforeAll(async () => {
  sim = await startKubeSim({
    token: 'secret',
    seed: [namespace('shop'), pod('shop', 'web-1', { app: 'web' }), pod('shop', 'web-2', { app: 'web' }), pod('ops', 'tool')],
    forbidden: [{ resource: 'secrets' }, { resource: 'networkpolicies', namespace: 'ops' }],
  });
});
afterAll(() => sim.close());

describe('discovery', () => {
  it('serves /version, /api, /apis and resource lists with short names', async () => {
    expect(await json('/version')).toMatchObject({ gitVersion: 'v1.32.0' });
    expect(await json('/api')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await json('/apis')).groups as { name: string }[];
    expect(groups.map((g) => g.name)).toEqual(['discovery.k8s.io', 'networking.k8s.io', 'apps', 'batch']);
    const core = (await json('/api/v1')).resources as { name: string; shortNames?: string[] }[];
    expect(core.find((r) => r.name === 'pods')?.shortNames).toEqual(['po']);
    expect(core.map((r) => r.name)).toContain('pods/status');
    const aggregated = await call('/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } });
    expect(aggregated.headers.get('content-type')).toContain('as=APIGroupDiscoveryList');
  });
});

describe('reads', () => {
  it('lists all namespaces and one, with the list kind and items without kind', async () => {
    const all = await json('/api/v1/pods');
    expect(all).toMatchObject({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: sim.store.resourceVersion } });
    expect((all.items as unknown[]).length).toBe(3);
    const shop = await json('/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb&fieldSelector=metadata.name!%3Dweb-2');
    expect((shop.items as { metadata: { name: string } }[]).map((p) => p.metadata.name)).toEqual(['web-1']);
    expect(shop.items as object[]).not.toContainEqual(expect.objectContaining({ kind: 'Pod' }));
  });

  it('paginates with limit and continue', async () => {
    const first = await json('/api/v1/pods?limit=2');
    const metadata = first.metadata as { continue: string; remainingItemCount: number };
    expect(metadata.remainingItemCount).toBe(1);
    const second = await json(`/api/v1/pods?limit=2&continue=${encodeURIComponent(metadata.continue)}`);
    expect((second.items as unknown[]).length).toBe(1);
    expect((second.metadata as object)).not.toHaveProperty('continue');
  });

  it('gets one object with kind, and answers a missing one with a NotFound Status', async () => {
    expect(await json('/api/v1/namespaces/shop/pods/web-1')).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
    const response = await call('/apis/apps/v1/namespaces/shop/deployments/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps "nope" not found',
      reason: 'NotFound', details: { name: 'nope', group: 'apps', kind: 'deployments' }, code: 404,
    });
  });
});

describe('writes', () => {
  it('creates (201), refuses a duplicate (409) and a missing namespace (404)', async () => {
    const body = JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {} } });
    const created = await call('/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies', { method: 'POST', body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ metadata: { namespace: 'shop', uid: expect.any(String) } });
    const again = await call('/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies', { method: 'POST', body });
    expect(await again.json()).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    const nowhere = await call('/apis/networking.k8s.io/v1/namespaces/nowhere/networkpolicies', { method: 'POST', body });
    expect(await nowhere.json()).toMatchObject({ code: 404, message: 'namespaces "nowhere" not found' });
  });

  it('updates with optimistic concurrency, patches and deletes', async () => {
    const current = await json('/api/v1/namespaces/shop/pods/web-2');
    const stale = { ...current, metadata: { ...(current.metadata as object), resourceVersion: '1' } };
    const conflict = await call('/api/v1/namespaces/shop/pods/web-2', { method: 'PUT', body: JSON.stringify(stale) });
    expect(await conflict.json()).toMatchObject({ code: 409, reason: 'Conflict' });
    const patch = { metadata: { labels: { tier: 'front' } } };
    const merged = await json('/api/v1/namespaces/shop/pods/web-2', { method: 'PATCH', body: JSON.stringify(patch), headers: { 'Content-Type': 'application/merge-patch+json' } });
    expect(merged).toMatchObject({ metadata: { labels: { app: 'web', tier: 'front' } } });
    const ops = [{ op: 'replace', path: '/status/phase', value: 'Failed' }];
    const status = await json('/api/v1/namespaces/shop/pods/web-2/status', { method: 'PATCH', body: JSON.stringify(ops), headers: { 'Content-Type': 'application/json-patch+json' } });
    expect(status).toMatchObject({ status: { phase: 'Failed' } });
    expect(await json('/api/v1/namespaces/shop/pods/web-2', { method: 'DELETE' })).toMatchObject({ kind: 'Pod' });
    expect(sim.store.find({ apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'web-2' })).toBeUndefined();
  });
});

describe('access', () => {
  it('answers 401 without the bearer token and 403 for a forbidden resource', async () => {
    const anonymous = await fetch(`${sim.url}/api/v1/pods`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized' });
    const forbidden = await call('/apis/networking.k8s.io/v1/namespaces/ops/networkpolicies');
    expect(await forbidden.json()).toMatchObject({ code: 403, reason: 'Forbidden', message: expect.stringContaining('in the namespace "ops"') });
    expect((await call('/apis/networking.k8s.io/v1/networkpolicies')).status).toBe(200);
  });
});

describe('faults', () => {
  it('fails the next matching requests with 429 and Retry-After, then recovers', async () => {
    sim.faults.failNext({ path: '/api/v1/pods', code: 429, count: 2, retryAfterSeconds: 3 });
    const first = await call('/api/v1/pods');
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await call('/api/v1/pods')).status).toBe(429);
    expect((await call('/api/v1/pods')).status).toBe(200);
  });

  it('fails with 500 and 410 and delays responses', async () => {
    sim.faults.failNext({ path: /namespaces$/, code: 500 });
    sim.faults.failNext({ path: /namespaces$/, code: 410 });
    expect(await json('/api/v1/namespaces')).toMatchObject({ code: 500, reason: 'InternalError' });
    expect(await json('/api/v1/namespaces')).toMatchObject({ code: 410, reason: 'Expired' });
    sim.faults.delay(150);
    const started = Date.now();
    await call('/version');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.faults.reset();
  });
});
