import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { NetmapMetrics } from '../metrics/netmap-metrics.ts';
import { syncedHub, testPod } from './test-hub.ts';

let app: FastifyInstance | undefined;
const controllers: AbortController[] = [];
afterEach(async () => {
  for (const controller of controllers.splice(0)) controller.abort();
  await app?.close();
});

/** Reads a stream until its text matches. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!pattern.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${pattern}`);
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('a flood of stream connections', () => {
  it('is refused beyond the cap, quickly, while the connected clients keep getting patches', async () => {
    const hub = syncedHub();
    const metrics = new NetmapMetrics();
    app = buildApp({ source: hub, metrics, stream: { maxClients: 5 } });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const open = () => {
      const controller = new AbortController();
      controllers.push(controller);
      return fetch(`${url}/api/v1/stream`, { signal: controller.signal });
    };

    const readers = await Promise.all(
      Array.from({ length: 5 }, async () => (await open()).body!.getReader()),
    );
    for (const reader of readers) await readUntil(reader, /^event: snapshot\n/);

    const started = performance.now();
    const flood = await Promise.all(Array.from({ length: 200 }, () => open()));
    expect(flood.map((response) => response.status)).toEqual(Array(200).fill(503));
    expect(await flood[0]!.json()).toEqual({ error: 'too many stream clients (limit 5); try again later' });
    expect(performance.now() - started).toBeLessThan(5000);

    hub.receive({ type: 'upsert', object: testPod('cache', '10.0.0.3') });
    for (const reader of readers)
      expect(await readUntil(reader, /event: patch\n[\s\S]*pod:shop\/cache/)).toBeTruthy();

    // A place freed by a client that leaves is taken by the next.
    controllers[0]!.abort();
    await expect.poll(async () => (await open()).status, { timeout: 5000 }).toBe(200);
    const exposition = (await metrics.exposition()).text;
    expect(exposition).toMatch(/^netmap_stream_clients_refused_total 20[0-9]$/m);
    expect(exposition).toMatch(/^netmap_stream_clients 5$/m);
  });
});
