import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type AppOptions } from '../app.ts';
import { syncedHub } from './test-hub.ts';

let app: FastifyInstance | undefined;
const appWith = (options: Partial<AppOptions> = {}) => {
  app = buildApp({ source: syncedHub(), ...options });
  return app;
};
afterEach(() => app?.close());

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers on pages and API answers', async () => {
    const target = appWith();
    for (const url of ['/api/v1/model', '/api/v1/nothing', '/healthz']) {
      const { headers } = await target.inject({ url });
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|upgrade-insecure-requests/);
      // The only inline style allowed is Cytoscape's container rule, by its hash.
      expect(csp).toContain("style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8=';");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('has no CORS: other origins get no Access-Control headers, and preflights are not answered', async () => {
    const target = appWith();
    const origin = { origin: 'https://evil.example' };
    const get = await target.inject({ url: '/api/v1/model', headers: origin });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await target.inject({
      method: 'OPTIONS',
      url: '/api/v1/model',
      headers: { ...origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(404);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body larger than the limit', async () => {
    const response = await appWith().inject({
      method: 'POST',
      url: '/api/v1/model',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(100 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
  });
});

describe('Host check (DNS rebinding)', () => {
  const get = (target: FastifyInstance, host: string, url = '/api/v1/model') =>
    target.inject({ url, headers: { host } });

  it('answers localhost, IP addresses and the allowed names only', async () => {
    const target = appWith({ allowedHosts: ['netmap.internal'] });
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', '10.1.2.3', 'NETMAP.internal:80'])
      expect({ host, status: (await get(target, host)).statusCode }).toEqual({ host, status: 200 });
    const rebound = await get(target, 'evil.example:8080');
    expect(rebound.statusCode).toBe(403);
    expect(rebound.json().error).toMatch(/--allowed-host evil\.example/);
    expect((await get(target, 'evil.example', '/')).statusCode).toBe(403);
  });

  it('keeps the probes open to any Host', async () => {
    const target = appWith({ allowedHosts: [] });
    expect((await get(target, 'netmap.netmap.svc', '/healthz')).statusCode).toBe(200);
  });

  it('leaves the Host to the authentication when there is one', async () => {
    const token = 'correct-horse-battery-staple';
    const target = appWith({ allowedHosts: [], auth: { token } });
    const response = await target.inject({
      url: '/api/v1/model',
      headers: { host: 'netmap.example', authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
  });
});
