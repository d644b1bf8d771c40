import { startKubeSim, type KubeSim } from '@netmap/kube-sim';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { ModelHub } from '../hub/model-hub.ts';
import { ClusterSource } from '../sources/cluster-source.ts';
import { fixtures, writeKubeconfig } from '../sources/cluster-test-kit.ts';
import { loadClusterConfig } from '../sources/kube-config.ts';
import { meterHub } from './meter-source.ts';
import { NetmapMetrics } from './netmap-metrics.ts';

let sim: KubeSim;
let source: ClusterSource;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  sim = await startKubeSim({
    token: 'metrics',
    seed: [fixtures.namespace('shop'), fixtures.pod('shop', 'web', { app: 'web' })],
  });
  // The first list of pods fails: its watch restarts once before it syncs.
  sim.faults.failNext({ path: /\/api\/v1\/pods\?limit/, code: 500 });
  const metrics = new NetmapMetrics();
  const config = loadClusterConfig({
    kubeconfig: writeKubeconfig([{ name: 'sim', server: sim.url, token: 'metrics' }]),
  });
  source = new ClusterSource({ config, observer: metrics, backoff: { initialMs: 10, maxMs: 10, jitter: 0 } });
  const hub = new ModelHub(source, { coalesceMs: 10 });
  app = buildApp({ source: hub, metrics, stream: { maxClients: 1 } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  await source.start(meterHub(hub, metrics));
  await vi.waitFor(() => expect(hub.status.synced).toBe(true), { timeout: 5000, interval: 20 });
});

afterAll(async () => {
  await app.close();
  await source.stop();
  await sim.close();
});

/** The value of one sample in the text exposition, e.g. `netmap_stream_clients` or `x{scope="pods"}`. */
async function sample(series: string): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('is Prometheus text format with help and type lines', async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# HELP netmap_stream_clients Connected stream clients.');
    expect(text).toContain('# TYPE netmap_change_evaluation_seconds histogram');
  });

  it('counts watch restarts and full lists by scope, and tells that the source synced', async () => {
    expect(await sample('netmap_watch_restarts_total{scope="pods"}')).toBe(1);
    expect(await sample('netmap_watch_lists_total{scope="pods"}')).toBe(1);
    expect(await sample('netmap_watch_lists_total{scope="networkpolicies"}')).toBe(1);
    expect(await sample('netmap_source_synced')).toBe(1);
    expect(await sample('netmap_source_problems')).toBe(0);
    expect(await sample('netmap_initial_evaluation_seconds')).toBeGreaterThan(0);
  });

  it('follows connected and refused stream clients, and the patches they get', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${url}/api/v1/stream`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    await reader.read();
    expect(await sample('netmap_stream_clients')).toBe(1);
    expect(await sample('netmap_stream_lag_bytes')).toBe(0);
    expect((await fetch(`${url}/api/v1/stream`)).status).toBe(503);
    expect(await sample('netmap_stream_clients_refused_total')).toBe(1);

    const before = (await sample('netmap_model_version'))!;
    sim.store.create(fixtures.pod('shop', 'api', { app: 'api' }));
    await vi.waitFor(async () => expect(await sample('netmap_model_patches_total')).toBe(1), {
      timeout: 5000,
    });
    expect(await sample('netmap_model_version')).toBe(before + 1);
    expect(await sample('netmap_source_events_total{type="upsert"}')).toBeGreaterThanOrEqual(3);
    expect(await sample('netmap_change_evaluation_seconds_count')).toBeGreaterThanOrEqual(1);

    controller.abort();
    await vi.waitFor(async () => expect(await sample('netmap_stream_clients')).toBe(0), { timeout: 5000 });
  });
});
