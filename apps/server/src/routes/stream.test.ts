import type { KubeObject, TopologyPatch, VersionedTopology } from '@netmap/model';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';

const pod = (name: string): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: { containers: [{ name: 'main' }] },
  status: { phase: 'Running', podIP: `10.0.0.${name.length}` },
});

interface StreamEvent {
  event: string;
  id: string;
  data: unknown;
}

/** Reads Server-Sent Events from a response body, one at a time. */
function eventReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async (): Promise<StreamEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue;
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2) ?? '';
        return { event: field('event'), id: field('id'), data: JSON.parse(field('data')) };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

let app: FastifyInstance | undefined;
const controllers: AbortController[] = [];

async function serve(maxClients = 10, maxBufferedBytes?: number, workloadFlowLimit?: number) {
  const hub = new ModelHub(
    { kind: 'demo', description: 'test' },
    workloadFlowLimit === undefined ? { coalesceMs: 10 } : { coalesceMs: 10, workloadFlowLimit },
  );
  hub.receive({ type: 'upsert', object: pod('web') });
  hub.receive({ type: 'synced' });
  app = buildApp({
    source: hub,
    stream: maxBufferedBytes === undefined ? { maxClients } : { maxClients, maxBufferedBytes },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const connect = (headers: Record<string, string> = {}) => {
    const controller = new AbortController();
    controllers.push(controller);
    return fetch(`${url}/api/v1/stream`, { headers, signal: controller.signal });
  };
  return { hub, connect };
}

afterEach(async () => {
  for (const controller of controllers.splice(0)) controller.abort();
  await app?.close();
});

describe('the topology stream', () => {
  it('sends a fresh snapshot in a new epoch when the topology starts over at another flow level', async () => {
    const { hub, connect } = await serve(10, undefined, 1);
    const next = eventReader(await connect());
    const first = await next();
    expect(first.event).toBe('snapshot');
    hub.receive({ type: 'upsert', object: pod('cart') });
    expect((await next()).event).toBe('patch');
    const restarted = await next();
    expect(restarted).toMatchObject({ event: 'snapshot', id: `${hub.epoch}:1` });
    expect(restarted.id).not.toBe(first.id);
    expect((restarted.data as VersionedTopology).flowLevel).toBe('namespace');
  });

  it('sends a snapshot, then a patch when the cluster changes', async () => {
    const { hub, connect } = await serve();
    const response = await connect();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const next = eventReader(response);
    const snapshot = await next();
    expect(snapshot).toMatchObject({ event: 'snapshot', id: `${hub.epoch}:1` });
    expect(Object.keys((snapshot.data as VersionedTopology).nodes)).toContain('pod:shop/web');
    hub.receive({ type: 'upsert', object: pod('cart') });
    const patch = await next();
    expect(patch).toMatchObject({ event: 'patch', id: `${hub.epoch}:2` });
    expect(Object.keys((patch.data as TopologyPatch).upserts.nodes)).toContain('pod:shop/cart');
  });

  it('resumes from Last-Event-ID with only the missed patches, and sends a snapshot for an unknown one', async () => {
    const { hub, connect } = await serve();
    hub.receive({ type: 'upsert', object: pod('cart') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const resumed = await eventReader(await connect({ 'last-event-id': `${hub.epoch}:1` }))();
    expect(resumed).toMatchObject({ event: 'patch', id: `${hub.epoch}:2` });
    const fresh = await eventReader(await connect({ 'last-event-id': 'another-run:1' }))();
    expect(fresh).toMatchObject({ event: 'snapshot', id: `${hub.epoch}:2` });
  });

  it('refuses clients beyond the cap without disturbing the connected one', async () => {
    const { hub, connect } = await serve(1);
    const first = eventReader(await connect());
    await first();
    const second = await connect();
    expect(second.status).toBe(503);
    expect(((await second.json()) as { error: string }).error).toMatch(/too many stream clients/);
    hub.receive({ type: 'upsert', object: pod('cart') });
    expect(await first()).toMatchObject({ event: 'patch' });
  });

  it('delivers a snapshot larger than the backlog a client may have', async () => {
    const { hub, connect } = await serve(10, 64);
    const next = eventReader(await connect());
    expect(await next()).toMatchObject({ event: 'snapshot' });
    hub.receive({ type: 'upsert', object: pod('cart') });
    expect(await next()).toMatchObject({ event: 'patch' });
  });

  it('drops a client that stops reading once it falls too far behind, and keeps serving the others', async () => {
    const { hub, connect } = await serve(10, 256 * 1024);
    const slow = eventReader(await connect());
    await slow();
    const fast = eventReader(await connect());
    await fast();
    // Big patches, many of them: far more than the sockets between server and client can buffer.
    const padding = 'x'.repeat(60);
    for (let batch = 0; batch < 150; batch++) {
      for (let i = 0; i < 50; i++) {
        const labels = Object.fromEntries(
          Array.from({ length: 20 }, (_, k) => [`k${k}`, `${padding.slice(0, 50)}${batch}`]),
        );
        hub.receive({
          type: 'upsert',
          object: { ...pod(`p${i}`), metadata: { name: `p${i}`, namespace: 'shop', labels } },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 15));
      await fast();
    }
    await expect(async () => {
      for (;;) await slow();
    }).rejects.toThrow();
  }, 30_000);
});
