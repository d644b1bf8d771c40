import type { TopologyPatch } from '@netmap/model';
import { buildApp } from '../apps/server/src/app.ts';
import type { ModelHub } from '../apps/server/src/hub/model-hub.ts';
import type { SimStore } from '../packages/kube-sim/src/index.ts';
import { StreamClient } from './stream-client.ts';
import { CHANGE_CYCLE, changeAt, type StreamChange } from './stream-changes.ts';

/** What to change and when to give up on changing more. */
export interface LatencyPlan {
  store: SimStore;
  /** The pod to relabel and beside which pods come and go (`namespace/name`). */
  podRef: string;
  changes: number;
  /** Distinguishes this run's labels and pods from earlier runs' on the same simulator. */
  run: string;
  /** After this many changes (whole cycles), stop once `budgetMs` has passed or one change took `slowMs`. */
  minChanges: number;
  budgetMs: number;
  slowMs: number;
  /** How long to wait for the snapshot and for each patch. */
  timeoutMs: number;
}

/** Latencies from the store write to the patch's arrival at the SSE client, and the patches' sizes. */
export interface LatencySamples {
  latencyMs: number[];
  patchBytes: number[];
  /** Fewer changes than planned were made, because they were slow. */
  isCapped: boolean;
  /** The stream's `maxBufferedBytes` was raised above the snapshot's size. */
  isBufferRaised: boolean;
  /** Bytes of the snapshot event's data. */
  snapshotBytes: number;
}

/** The stream's default `maxBufferedBytes`: a client with more unsent data is dropped. */
const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Serves `hub` over HTTP, connects a stream client, and times `plan.changes` changes one at a time.
 * A snapshot larger than the stream's default buffer limit is written in one piece and gets the
 * client dropped at once, so the limit is raised above it then (and reported).
 */
export async function measureLatency(hub: ModelHub, plan: LatencyPlan): Promise<LatencySamples> {
  const topologyBytes = JSON.stringify(hub.topology).length;
  const isBufferRaised = topologyBytes > DEFAULT_MAX_BUFFERED_BYTES;
  const stream = isBufferRaised ? { maxBufferedBytes: 2 * topologyBytes } : {};
  const app = buildApp({ source: hub, stream });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const client = await StreamClient.connect(url);
  try {
    const snapshot = await client.next(plan.timeoutMs);
    if (snapshot?.event !== 'snapshot') throw new Error('the stream did not start with a snapshot');
    const samples: LatencySamples = {
      latencyMs: [],
      patchBytes: [],
      isCapped: false,
      isBufferRaised,
      snapshotBytes: snapshot.data.length,
    };
    const start = performance.now();
    for (let i = 0; i < plan.changes; i++) {
      const { latencyMs, bytes } = await timeChange(
        client,
        changeAt(plan.store, plan.podRef, plan.run, i),
        plan.timeoutMs,
      );
      samples.latencyMs.push(latencyMs);
      samples.patchBytes.push(bytes);
      const isOverBudget = performance.now() - start > plan.budgetMs || latencyMs > plan.slowMs;
      const isCycleDone = (i + 1) % CHANGE_CYCLE === 0;
      if (isCycleDone && i + 1 >= plan.minChanges && i + 1 < plan.changes && isOverBudget) {
        samples.isCapped = true;
        break;
      }
    }
    return samples;
  } finally {
    client.close();
    await app.close();
  }
}

/** Makes one change and waits for the patch that carries it. */
async function timeChange(
  client: StreamClient,
  change: StreamChange,
  timeoutMs: number,
): Promise<{ latencyMs: number; bytes: number }> {
  const writtenAt = performance.now();
  change.write();
  for (;;) {
    const left = timeoutMs - (performance.now() - writtenAt);
    const event = await client.next(left);
    if (!event) throw new Error(`no patch carried the ${change.type} within ${timeoutMs} ms`);
    if (event.event !== 'patch') continue;
    if (change.isCarriedBy(JSON.parse(event.data) as TopologyPatch)) {
      return { latencyMs: event.arrivedAt - writtenAt, bytes: event.data.length };
    }
  }
}
