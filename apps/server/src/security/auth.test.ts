import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { AuthOptions } from './auth.ts';
import { syncedHub } from './test-hub.ts';

const TOKEN = 'correct-horse-battery-staple';
let app: FastifyInstance | undefined;

const appWith = (auth: AuthOptions) => {
  app = buildApp({ source: syncedHub(), auth });
  return app;
};
afterEach(() => app?.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST' as const,
  url: '/login',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('access token', () => {
  it('refuses the API without the token, with 401 and a Bearer challenge', async () => {
    const response = await appWith({ token: TOKEN }).inject({ url: '/api/v1/model' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="netmap"');
    expect(response.json().error).toMatch(/authentication required/);
    expect(response.body).not.toContain('shop');
  });

  it('answers with the right bearer token, not with a wrong one or the token in the query', async () => {
    const target = appWith({ token: TOKEN });
    const get = (url: string, authorization?: string) =>
      target.inject({ url, headers: authorization ? { authorization } : {} });
    expect((await get('/api/v1/model', `Bearer ${TOKEN}`)).statusCode).toBe(200);
    expect((await get('/api/v1/flows', `bearer ${TOKEN}`)).statusCode).toBe(200);
    expect((await get('/api/v1/model', `Bearer ${TOKEN}x`)).statusCode).toBe(401);
    expect((await get('/api/v1/model', `Basic ${TOKEN}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/model?token=${TOKEN}`)).statusCode).toBe(401);
    expect((await get('/metrics')).statusCode).toBe(401);
  });

  it('keeps the probes open', async () => {
    const target = appWith({ token: TOKEN });
    expect((await target.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await target.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('sends a browser to the login page, and back to where it was going after signing in', async () => {
    const target = appWith({ token: TOKEN });
    const page = await target.inject({ url: '/?view=shop', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2F%3Fview%3Dshop');
    const login = await target.inject({ url: page.headers.location as string });
    expect(login.statusCode).toBe(200);
    expect(login.body).toContain('<input type="hidden" name="next" value="/?view=shop">');
    expect(login.body).not.toMatch(/<script|style=/);
    const signedIn = await target.inject(form({ token: TOKEN, next: '/?view=shop' }));
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/?view=shop');
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(
      /^netmap_session=[0-9]+\.[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0]!;
    const api = await target.inject({ url: '/api/v1/model', headers: { cookie: session } });
    expect(api.statusCode).toBe(200);
  });

  it('refuses a wrong token on the login page and never redirects to another origin', async () => {
    const target = appWith({ token: TOKEN });
    const wrong = await target.inject(form({ token: 'not-the-token-at-all' }));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('That is not the access token.');
    for (const next of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const response = await target.inject(form({ token: TOKEN, next }));
      expect(response.headers.location).toBe('/');
    }
  });

  it('limits the login body', async () => {
    const response = await appWith({ token: TOKEN }).inject(form({ token: 'x'.repeat(10_000) }));
    expect(response.statusCode).toBe(413);
  });

  it('signs out by clearing the cookie', async () => {
    const response = await appWith({ token: TOKEN }).inject({ method: 'POST', url: '/logout' });
    expect(response.statusCode).toBe(303);
    expect(String(response.headers['set-cookie'])).toMatch(/^netmap_session=; .*Max-Age=0/);
  });

  it('lets the stream through with the session cookie, as EventSource sends it', async () => {
    const target = appWith({ token: TOKEN });
    const url = await target.listen({ host: '127.0.0.1', port: 0 });
    const signedIn = await target.inject(form({ token: TOKEN }));
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    expect((await fetch(`${url}/api/v1/stream`)).status).toBe(401);
    const controller = new AbortController();
    const stream = await fetch(`${url}/api/v1/stream`, { headers: { cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const { value } = await stream.body!.getReader().read();
    expect(new TextDecoder().decode(value)).toMatch(/^event: snapshot\n/);
    controller.abort();
  });
});

describe('authenticating proxy', () => {
  const proxy: AuthOptions = { proxy: { header: 'X-Forwarded-User', addresses: ['10.0.0.0/24'] } };
  const get = (target: FastifyInstance, remoteAddress: string, user?: string) =>
    target.inject({ url: '/api/v1/model', remoteAddress, headers: user ? { 'x-forwarded-user': user } : {} });

  it('trusts the user header only on connections from the proxy', async () => {
    const target = appWith(proxy);
    expect((await get(target, '10.0.0.7', 'alice')).statusCode).toBe(200);
    expect((await get(target, '10.0.0.7')).statusCode).toBe(401);
    expect((await get(target, '10.0.1.7', 'alice')).statusCode).toBe(401);
    expect((await get(target, '127.0.0.1', 'alice')).statusCode).toBe(401);
  });

  it('takes the token beside the proxy', async () => {
    const target = appWith({ ...proxy, token: TOKEN });
    const response = await target.inject({
      url: '/api/v1/model',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
  });
});
