import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import {
  loadDemoCluster,
  seedDemoCluster,
  startDemoChanges,
  startKubeSim,
  type KubeSim,
} from '@netmap/kube-sim';
import { ClusterSource, type WatchObserver } from './cluster-source.ts';
import type { ObjectSource, SourceEvent } from './object-source.ts';

/** Where a bundled build keeps the demo's manifests (beside it); unbundled runs read them from kube-sim. */
const BUNDLED_DEMO = fileURLToPath(new URL('./demo/', import.meta.url));

/**
 * The embedded demo: the simulator started in-process and seeded with the demo cluster, read
 * through the same client-node path as a real cluster, with small changes over time so the stream
 * is visibly live.
 */
export class DemoSource implements ObjectSource {
  readonly kind = 'demo';
  readonly description = 'the embedded demo cluster';
  private sim: KubeSim | undefined;
  private changes: { stop(): void } | undefined;
  private cluster: ClusterSource | undefined;

  /**
   * `changeIntervalMs` 0 keeps the demo still; `kubeconfigPath` writes a kubeconfig for the
   * embedded cluster there, so that kubectl can change it and the map follows; `observer` hears of
   * every list and watch restart, as a real cluster's would (for metrics).
   */
  constructor(
    private readonly options: {
      changeIntervalMs?: number;
      kubeconfigPath?: string;
      observer?: WatchObserver;
    } = {},
  ) {}

  async start(emit: (event: SourceEvent) => void): Promise<void> {
    // kubectl sends no bearer token over plain HTTP: a demo opened to kubectl takes none.
    const token = this.options.kubeconfigPath ? undefined : randomUUID();
    this.sim = await startKubeSim(token ? { token } : {});
    const directory = existsSync(BUNDLED_DEMO) ? BUNDLED_DEMO : undefined;
    seedDemoCluster(this.sim.store, loadDemoCluster(directory ? { directory } : {}));
    const intervalMs = this.options.changeIntervalMs ?? 5000;
    if (intervalMs > 0) this.changes = startDemoChanges(this.sim.store, { intervalMs, seed: 1 });
    const config = demoConfig(this.sim.url, token);
    if (this.options.kubeconfigPath)
      writeFileSync(this.options.kubeconfigPath, config.exportConfig(), { mode: 0o600 });
    this.cluster = new ClusterSource({ config, observer: this.options.observer });
    await this.cluster.start(emit);
  }

  async stop(): Promise<void> {
    this.changes?.stop();
    await this.cluster?.stop();
    await this.sim?.close();
  }
}

function demoConfig(server: string, token: string | undefined): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'demo', server, skipTLSVerify: true }],
    users: [token ? { name: 'demo', token } : { name: 'demo' }],
    contexts: [{ name: 'demo', cluster: 'demo', user: 'demo' }],
    currentContext: 'demo',
  });
  return config;
}
