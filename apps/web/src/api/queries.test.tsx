import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '@netmap/engine';
import { ApiError } from './client.ts';
import { createConnectionStore } from './connection.ts';
import { startModelStream, type ModelStream } from './model-stream.ts';
import { useCheck, useFindings, useModel, useObjectDetails, usePolicy, useWhoCanReach } from './queries.ts';
import { fakeEventSources } from './test-support/fake-event-source.ts';
import { patchOf, topologyOf } from './test-support/topologies.ts';

const allowed: CheckResult = {
  verdict: 'allowed',
  route: ['shop/frontend-1', 'Service shop/cart TCP 7070 -> grpc', 'shop/cart-1 :7070'],
  via: ['service:shop/cart'],
  connections: [],
};

let queryClient: QueryClient;
let eventSources: ReturnType<typeof fakeEventSources>;
let stream: ModelStream;
let fetchStub: ReturnType<typeof vi.fn<typeof fetch>>;

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
);
const answerWith = (body: unknown, status = 200) =>
  fetchStub.mockImplementation(async () => new Response(JSON.stringify(body), { status }));
const calledUrls = () => fetchStub.mock.calls.map(([url]) => url);

beforeEach(() => {
  queryClient = new QueryClient();
  eventSources = fakeEventSources();
  stream = startModelStream(queryClient, {
    createEventSource: eventSources.create,
    connection: createConnectionStore(),
  });
  fetchStub = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchStub);
});

afterEach(() => {
  stream.stop();
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe('useModel', () => {
  it('re-renders with the snapshot and then with each patch, and never fetches the model', async () => {
    const { result } = renderHook(() => useModel(), { wrapper });
    expect(result.current.data).toBeUndefined();
    act(() => eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop'])));
    await waitFor(() => expect(result.current.data?.version).toBe(4));
    act(() => eventSources.latest.send('patch', patchOf('e1', 4, { added: ['billing'] })));
    await waitFor(() => expect(result.current.data?.version).toBe(5));
    expect(Object.keys(result.current.data?.nodes ?? {})).toContain('namespace:billing');
    expect(fetchStub).not.toHaveBeenCalled();
  });
});

describe('useFindings', () => {
  it("lists the model's findings", async () => {
    const { result } = renderHook(() => useFindings(), { wrapper });
    const model = topologyOf('e1', 1, []);
    model.findings['f1'] = { id: 'f1', severity: 'low', objects: ['NetworkPolicy shop/a'], message: 'm' };
    act(() => eventSources.latest.send('snapshot', model));
    await waitFor(() => expect(result.current.data?.map((finding) => finding.id)).toEqual(['f1']));
  });
});

describe('useCheck', () => {
  it('asks /api/v1/can with the input and returns the answer', async () => {
    answerWith(allowed);
    const input = {
      from: 'shop/frontend[Deployment]',
      to: 'svc/shop/cart',
      port: '7070',
      protocol: 'TCP' as const,
    };
    const { result } = renderHook(() => useCheck(input), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(allowed);
    expect(calledUrls()).toEqual([
      '/api/v1/can?from=shop%2Ffrontend%5BDeployment%5D&to=svc%2Fshop%2Fcart&port=7070&protocol=TCP',
    ]);
  });

  it('asks nothing while the input is null', async () => {
    const { result } = renderHook(() => useCheck(null), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.fetchStatus).toBe('idle');
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it("surfaces the server's message as an ApiError, without retrying a rejected question", async () => {
    answerWith({ error: 'no pod shop/nope' }, 400);
    const input = { from: 'shop/nope', to: 'shop/cart', port: 80, protocol: 'TCP' as const };
    const { result } = renderHook(() => useCheck(input), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error?.message).toBe('no pod shop/nope');
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it('asks again when the model changes, keeping the last answer on screen meanwhile', async () => {
    act(() => eventSources.latest.send('snapshot', topologyOf('e1', 4, ['shop'])));
    answerWith(allowed);
    const input = { from: 'shop/a', to: 'shop/b', port: 80, protocol: 'TCP' as const };
    const { result } = renderHook(() => useCheck(input), { wrapper });
    await waitFor(() => expect(result.current.data?.verdict).toBe('allowed'));

    let answer: (response: Response) => void = () => {};
    fetchStub.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    act(() => eventSources.latest.send('patch', patchOf('e1', 4, { added: ['billing'] })));
    await waitFor(() => expect(fetchStub).toHaveBeenCalledTimes(2));
    expect(result.current.data?.verdict).toBe('allowed');
    expect(result.current.isPlaceholderData).toBe(true);

    act(() => answer(new Response(JSON.stringify({ ...allowed, verdict: 'denied' }))));
    await waitFor(() => expect(result.current.data?.verdict).toBe('denied'));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  it('does not show the answer to another question while asking a new one', async () => {
    answerWith(allowed);
    const first = { from: 'shop/a', to: 'shop/b', port: 80, protocol: 'TCP' as const };
    const { result, rerender } = renderHook((input) => useCheck(input), { wrapper, initialProps: first });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    fetchStub.mockImplementation(() => new Promise(() => {}));
    rerender({ ...first, to: 'shop/c' });
    expect(result.current.data).toBeUndefined();
  });
});

describe('other answers', () => {
  it('who-can-reach sends the target and the port filter', async () => {
    answerWith([]);
    const { result } = renderHook(() => useWhoCanReach('shop/cart[Deployment]', { port: 7070 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calledUrls()).toEqual(['/api/v1/who-can-reach?target=shop%2Fcart%5BDeployment%5D&port=7070']);
  });

  it('object details and policies put their names in the path', async () => {
    answerWith({});
    const details = renderHook(() => useObjectDetails('workload:shop/cart[Deployment]'), { wrapper });
    const policy = renderHook(() => usePolicy('shop/allow-web'), { wrapper });
    await waitFor(() =>
      expect(details.result.current.isSuccess && policy.result.current.isSuccess).toBe(true),
    );
    expect(calledUrls().sort()).toEqual([
      '/api/v1/objects/workload%3Ashop%2Fcart%5BDeployment%5D',
      '/api/v1/policies/shop/allow-web',
    ]);
  });
});
