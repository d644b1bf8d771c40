import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchJson, postJson } from './client.ts';

const respond = (body: string, status: number, statusText = '') =>
  vi.fn<typeof fetch>(async () => new Response(body, { status, statusText }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchJson', () => {
  it('GETs the path with a query string that leaves out undefined parameters, and parses the JSON', async () => {
    const fetchStub = respond('{"verdict":"allowed"}', 200);
    vi.stubGlobal('fetch', fetchStub);
    const answer = await fetchJson('/api/v1/can', {
      from: 'shop/frontend[Deployment]',
      to: 'svc/shop/cart',
      port: 7070,
      protocol: undefined,
    });
    expect(answer).toEqual({ verdict: 'allowed' });
    const [url, init] = fetchStub.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/can?from=shop%2Ffrontend%5BDeployment%5D&to=svc%2Fshop%2Fcart&port=7070');
    expect(init?.method ?? 'GET').toBe('GET');
  });

  it('GETs the bare path without parameters', async () => {
    const fetchStub = respond('[]', 200);
    vi.stubGlobal('fetch', fetchStub);
    await fetchJson('/api/v1/findings', { port: undefined });
    expect(fetchStub.mock.calls[0]?.[0]).toBe('/api/v1/findings');
  });

  it("throws an ApiError with the server's status and message", async () => {
    vi.stubGlobal('fetch', respond('{"error":"no pod shop/frontend"}', 400));
    const error = await fetchJson('/api/v1/can', { from: 'shop/frontend' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'no pod shop/frontend', path: '/api/v1/can' });
  });

  it('says what the status was when an error answer is not JSON', async () => {
    vi.stubGlobal('fetch', respond('<html>bad gateway</html>', 502, 'Bad Gateway'));
    await expect(fetchJson('/api/v1/status')).rejects.toMatchObject({
      status: 502,
      message: 'the server answered 502 Bad Gateway',
    });
  });

  it('throws an ApiError when a successful answer is not JSON', async () => {
    vi.stubGlobal('fetch', respond('<!doctype html>', 200));
    await expect(fetchJson('/api/v1/model')).rejects.toMatchObject({
      status: 200,
      message: 'the answer to /api/v1/model is not JSON',
    });
  });

  it('throws an ApiError with status 0 when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await fetchJson('/api/v1/status').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 0,
      message: "netmap's server cannot be reached (Failed to fetch)",
    });
  });

  it('lets an abort through as it is', async () => {
    const controller = new AbortController();
    const abort = new DOMException('aborted', 'AbortError');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort();
        throw abort;
      }),
    );
    await expect(fetchJson('/api/v1/status', undefined, { signal: controller.signal })).rejects.toBe(abort);
  });
});

describe('postJson', () => {
  it('POSTs the body as JSON and parses the answer', async () => {
    const fetchStub = respond('{"ok":true}', 200);
    vi.stubGlobal('fetch', fetchStub);
    expect(await postJson('/api/v1/what-if', { delete: ['shop/a'] })).toEqual({ ok: true });
    const [url, init] = fetchStub.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/what-if');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ delete: ['shop/a'] });
  });

  it("throws an ApiError with the server's message", async () => {
    vi.stubGlobal('fetch', respond('{"error":"line 3: not a NetworkPolicy"}', 400));
    await expect(postJson('/api/v1/what-if', {})).rejects.toMatchObject({
      status: 400,
      message: 'line 3: not a NetworkPolicy',
    });
  });
});
