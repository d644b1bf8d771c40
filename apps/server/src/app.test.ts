import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCni } from '@netmap/engine';
import { buildApp } from './app.ts';
import type { EvaluationSource } from './evaluation-source.ts';
import { onlineShopApp, ONLINE_SHOP } from './example-app.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await onlineShopApp();
});

afterAll(() => app.close());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

describe('health', () => {
  it('answers /healthz, and /readyz once the source is read', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready before the source has been read', async () => {
    const unread: EvaluationSource = {
      evaluation: undefined,
      status: { kind: 'manifests', description: '', synced: false, problems: {}, cni: detectCni([]) },
    };
    const early = buildApp({ source: unread });
    expect((await early.inject({ url: '/readyz' })).statusCode).toBe(503);
    expect((await early.inject({ url: '/api/v1/flows' })).statusCode).toBe(503);
    await early.close();
  });
});

describe('queries', () => {
  it('explains a check through a Service', async () => {
    const { status, body } = await get(
      '/api/v1/can?from=shop/checkout[Deployment]&to=svc/shop/email&port=5000',
    );
    expect(status).toBe(200);
    expect(body.verdict).toBe('allowed');
    expect(body.connections[0].port).toBe(8080);
  });

  it('answers who can reach a workload on a port', async () => {
    const { body } = await get('/api/v1/who-can-reach?target=shop/redis-cart[Deployment]&port=6379');
    expect(body.map((reach: { workload: string }) => reach.workload)).toContain('shop/cart[Deployment]');
  });

  it('lists flows and findings', async () => {
    const flows = (await get('/api/v1/flows')).body;
    expect(flows.flows).toContainEqual({
      from: 'shop/frontend[Deployment]',
      to: 'shop/cart[Deployment]',
      ports: ['TCP 7070'],
    });
    const findings = (await get('/api/v1/findings')).body as { id: string }[];
    expect(findings.map((f) => f.id)).toContain('unmatched-named-port:shop/shipping:ingress[0].ports[0]');
  });

  it('serves the topology it streams', async () => {
    const { status, body } = await get('/api/v1/model');
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 1 });
    expect(body.nodes['workload:shop/frontend[Deployment]']).toMatchObject({
      kind: 'workload',
      isolated: { ingress: true },
    });
  });

  it('reports its source', async () => {
    const { body } = await get('/api/v1/status');
    expect(body).toMatchObject({ ready: true, source: { kind: 'manifests', description: ONLINE_SHOP } });
  });
});

describe('bad requests get 400 with what is wrong', () => {
  it.each([
    ['/api/v1/can?from=shop/a&to=shop/b', /port/],
    ['/api/v1/can?from=shop/a&to=shop/b&port=0', /port/],
    ['/api/v1/can?from=shop/a&to=shop/b&port=80&protocol=ICMP', /protocol/],
    ['/api/v1/can?from=shop/nothing&to=shop/b&port=80', /no pod shop\/nothing/],
    ['/api/v1/who-can-reach?target=not an endpoint!', /is not an endpoint/],
    ['/api/v1/matrix?port=abc', /port/],
  ])('%s', async (url, message) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });
});
