import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';
import { ManifestsSource } from '../sources/manifests-source.ts';

// Arbitrary input to every route: answers are 2xx or 4xx with a JSON error, never 5xx, never a crash.

const ONLINE_SHOP = fileURLToPath(new URL('../../examples/online-shop', import.meta.url));
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  const source = new ManifestsSource([ONLINE_SHOP]);
  const hub = new ModelHub(source);
  await source.start((event) => hub.receive(event));
  app = buildApp({ source: hub, allowedHosts: [] });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());

const PARAMS = ['from', 'to', 'port', 'protocol', 'target', 'source', 'next'];
const ENDPOINTS = [
  'shop/frontend[Deployment]',
  'svc/shop/cart',
  'ingress/shop.example.com/',
  '203.0.113.7',
  'pod/shop/x',
  'namespace:shop',
  'external:{ingress-controller}',
];
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...ENDPOINTS, '0', '65536', '-1', '1e3', 'TCP', 'udp', 'SCTP', '', '[]', '%00'),
  fc.integer().map(String),
);
const query = fc.dictionary(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 8 })), value, {
  maxKeys: 5,
});
const ROUTES = [
  '/api/v1/can',
  '/api/v1/who-can-reach',
  '/api/v1/reachable-from',
  '/api/v1/matrix',
  '/api/v1/model/flows',
  '/api/v1/flows',
  '/api/v1/findings',
  '/api/v1/status',
  '/api/v1/model',
  '/api/v1/policies',
  '/api/v1/what-if',
];

/** A 2xx, or a 4xx whose body says what was wrong. */
function expectHandled(response: { statusCode: number; body: string }, request: string): void {
  expect(response.statusCode, request).toBeLessThan(500);
  if (response.statusCode >= 400 && response.statusCode !== 405)
    expect(typeof JSON.parse(response.body).error, request).toBe('string');
}

describe('the query API on arbitrary input', () => {
  it('answers every query string of every route without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), query, async (route, params) => {
        const request = `${route}?${new URLSearchParams(params)}`;
        expectHandled(await app.inject({ url: request }), request);
      }),
      { numRuns: 300 },
    );
  });

  it('answers arbitrary object ids and policy names, encoded or raw', async () => {
    const segment = fc.string({ unit: 'binary', maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(segment, segment, fc.boolean(), async (a, b, isEncoded) => {
        const part = (text: string) => (isEncoded ? encodeURIComponent(text) : encodeURI(text));
        for (const request of [`/api/v1/objects/${part(a)}`, `/api/v1/policies/${part(a)}/${part(b)}`])
          expectHandled(await app.inject({ url: request }), request);
      }),
      { numRuns: 200 },
    );
  });

  it('answers arbitrary methods and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        fc.constantFrom(...ROUTES, '/login', '/metrics'),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        fc.string({ maxLength: 200 }),
        async (method, route, contentType, payload) => {
          const response = await app.inject({
            method,
            url: route,
            headers: { 'content-type': contentType },
            payload,
          });
          expect(response.statusCode, `${method} ${route}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers arbitrary what-if drafts without a server error', async () => {
    const yamlText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }))
        .map(
          ([namespace, name, spec]) =>
            `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  namespace: ${JSON.stringify(namespace)}\n  name: ${JSON.stringify(name)}\nspec: ${JSON.stringify(spec)}\n`,
        ),
    );
    const draft = fc.record(
      { yaml: yamlText, delete: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(draft, async (body) => {
        const request = `POST /api/v1/what-if ${JSON.stringify(body)}`;
        const response = await app.inject({ method: 'POST', url: '/api/v1/what-if', payload: body });
        expectHandled(response, request);
      }),
      { numRuns: 200 },
    );
  });

  it('resumes or starts over on any Last-Event-ID', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60 }).filter((id) => !/[\r\n\0]/.test(id)),
        async (lastEventId) => {
          const controller = new AbortController();
          const response = await fetch(`${url}/api/v1/stream`, {
            headers: { 'last-event-id': lastEventId },
            signal: controller.signal,
          });
          expect(response.status).toBe(200);
          const { value: first } = await response.body!.getReader().read();
          expect(new TextDecoder().decode(first)).toMatch(/^event: (snapshot|patch)\n/);
          controller.abort();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is still healthy afterwards', async () => {
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/flows' })).statusCode).toBe(200);
  });
});
