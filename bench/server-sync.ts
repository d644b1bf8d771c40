import { ModelHub } from '../apps/server/src/hub/model-hub.ts';
import { createClusterSource, type ClusterSource } from '../apps/server/src/sources/cluster-source.ts';

/** A source and hub that have built their first snapshot, and how long each step took. */
export interface SyncedHub {
  source: ClusterSource;
  hub: ModelHub;
  /** From `source.start` until the source's `synced` event. */
  syncMs: number;
  /** The hub's handling of `synced`: `evaluateCluster` and `deriveTopology`. */
  evaluateMs: number;
  /** Problems the source reported on the way (none expected). */
  problems: string[];
}

/**
 * Reads the cluster behind `kubeconfig` through client-node into a fresh ModelHub and times the
 * first snapshot: listing every resource until `synced`, then the evaluation and topology it builds.
 */
export function syncHub(kubeconfig: string, coalesceMs: number, timeoutMs: number): Promise<SyncedHub> {
  const source = createClusterSource({ kubeconfig });
  const hub = new ModelHub(source, { coalesceMs });
  const problems: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no first snapshot after ${timeoutMs} ms`)), timeoutMs);
    const start = performance.now();
    void source.start((event) => {
      if (event.type === 'problem') problems.push(`${event.resource}: ${event.message}`);
      if (event.type !== 'synced' || hub.topology) return hub.receive(event);
      const syncedAt = performance.now();
      hub.receive(event);
      clearTimeout(timer);
      const evaluateMs = performance.now() - syncedAt;
      resolve({ source, hub, syncMs: syncedAt - start, evaluateMs, problems });
    });
  });
}

/** Stops a synced hub's watches and timers. */
export async function stopHub({ source, hub }: SyncedHub): Promise<void> {
  await source.stop();
  hub.close();
}
