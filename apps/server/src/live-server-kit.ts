import { startKubeSim, type KubeSim, type KubeSimOptions } from '@netmap/kube-sim';
import type { FastifyInstance } from 'fastify';
import { expect, vi } from 'vitest';
import { buildApp } from './app.ts';
import { ModelHub } from './hub/model-hub.ts';
import { createClusterSource, type ClusterSource } from './sources/cluster-source.ts';
import { writeKubeconfig } from './sources/cluster-test-kit.ts';

/** netmap serving a simulated cluster end to end: simulator -> client-node source -> hub -> HTTP. */
export interface LiveServer {
  sim: KubeSim;
  source: ClusterSource;
  hub: ModelHub;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Starts the simulator with `sim` options and netmap over it, and waits for the first sync. */
export async function startLiveServer(
  sim: KubeSimOptions & { token: string },
  options: { namespaces?: string[] } = {},
): Promise<LiveServer> {
  const simulator = await startKubeSim(sim);
  const kubeconfig = writeKubeconfig([{ name: 'sim', server: simulator.url, token: sim.token }]);
  const source = createClusterSource({ kubeconfig, ...options });
  const hub = new ModelHub(source, { coalesceMs: 20 });
  const app = buildApp({ source: hub });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  await source.start((event) => hub.receive(event));
  await vi.waitFor(() => expect(hub.status.synced).toBe(true), { timeout: 5000, interval: 20 });
  const close = async () => {
    await app.close();
    await source.stop();
    await simulator.close();
  };
  return { sim: simulator, source, hub, app, url, close };
}
