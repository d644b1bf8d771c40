import { startKubeSim } from '../packages/kube-sim/src/index.ts';
import { writeKubeconfig } from '../apps/server/src/sources/cluster-test-kit.ts';
import { generateCluster } from './generate-cluster.ts';
import { median, peakRssMb, settledHeapMb } from './measure.ts';
import { snapshotSize, timeSnapshot, type SnapshotSize } from './server-snapshot.ts';
import { stopHub, syncHub, type SyncedHub } from './server-sync.ts';
import { benchSeed, CHANGE_CYCLE, findPodToChange } from './stream-changes.ts';
import { measureLatency } from './stream-latency.ts';

/** One server benchmark case. */
export interface ServerSizeConfig {
  pods: number;
  policies: number;
  seed: number;
  /** Initial syncs measured; the last two also serve the latency runs. */
  syncRuns: number;
  /** Changes per latency run (capped when slow). */
  changes: number;
  /** Hub coalescing windows to measure latency with: the default first. */
  coalesceMs: number[];
}

/** Latency of one coalescing window. */
export interface LatencyResult {
  coalesceMs: number;
  /** The first change after the sync (not counted in the percentiles). */
  firstChangeMs: number;
  changes: number;
  planned: number;
  isCapped: boolean;
  /** The stream's default 8 MiB buffer limit was raised so that the snapshot could be sent. */
  isBufferRaised: boolean;
  /** Why no change was measured: the stream cannot send the snapshot. */
  skipped?: string;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  patchBytes: number;
}

/** Medians of one server benchmark case. */
export interface ServerSizeResult {
  pods: number;
  policies: number;
  objects: number;
  seedMs: number;
  syncRuns: number;
  syncMs: number;
  evaluateMs: number;
  totalMs: number;
  snapshotMb: number;
  snapshot: SnapshotSize;
  /** From a new stream client's request to its whole snapshot (median of the latency runs). */
  snapshotMs: number;
  peakRssMb: number;
  latency: LatencyResult[];
  problems: string[];
}

const TOKEN = 'bench';
const TIMEOUT_MS = 15 * 60_000;
const PATCH_TIMEOUT_MS = 5 * 60_000;

/** Starts kube-sim with the generated cluster, then measures initial syncs and change-to-patch latency. */
export async function measureServerSize(config: ServerSizeConfig): Promise<ServerSizeResult> {
  const objects = [...generateCluster(config), ...benchSeed()];
  const seedStart = performance.now();
  const sim = await startKubeSim({ token: TOKEN, seed: objects });
  const seedMs = performance.now() - seedStart;
  const kubeconfig = writeKubeconfig([{ name: 'sim', server: sim.url, token: TOKEN }]);
  const podRef = findPodToChange(objects);
  const syncs: SyncedHub[] = [];
  const problems = new Set<string>();
  let snapshot: SnapshotSize | undefined;
  const snapshotTimes: number[] = [];
  const latency: LatencyResult[] = [];
  const extraSyncs = Math.max(0, config.syncRuns - config.coalesceMs.length);
  for (let run = 0; run < extraSyncs + config.coalesceMs.length; run++) {
    settledHeapMb(); // a full collection, so that one run does not pay for the last
    const coalesceMs = config.coalesceMs[run - extraSyncs] ?? config.coalesceMs[0]!;
    const synced = await syncHub(kubeconfig, coalesceMs, TIMEOUT_MS);
    syncs.push(synced);
    for (const problem of synced.problems) problems.add(problem);
    progress(`sync ${run + 1}: ${Math.round(synced.syncMs)} + ${Math.round(synced.evaluateMs)} ms`);
    if (run === 0) snapshot = snapshotSize(synced.hub.topology!);
    const isTooLarge = snapshot!.totalMb * 2 ** 20 > MAX_STRING_LENGTH;
    if (isTooLarge) latency.push(...config.coalesceMs.map((each) => notMeasured(each, config.changes)));
    else if (run >= extraSyncs) {
      snapshotTimes.push(await timeSnapshot(synced.hub, PATCH_TIMEOUT_MS));
      progress(`snapshot at a new client after ${Math.round(snapshotTimes.at(-1)!)} ms`);
      latency.push(await latencyOf(synced, coalesceMs));
    }
    await stopHub(synced);
    if (isTooLarge) break;
  }
  const peak = peakRssMb();
  await sim.close();
  return {
    pods: config.pods,
    policies: config.policies,
    objects: objects.length,
    seedMs,
    syncRuns: syncs.length,
    syncMs: median(syncs.map((s) => s.syncMs)),
    evaluateMs: median(syncs.map((s) => s.evaluateMs)),
    totalMs: median(syncs.map((s) => s.syncMs + s.evaluateMs)),
    snapshotMb: snapshot!.totalMb,
    snapshot: snapshot!,
    snapshotMs: median(snapshotTimes),
    peakRssMb: peak,
    latency,
    problems: [...problems],
  };

  function progress(text: string): void {
    console.error(`  ${config.pods} pods: ${text}`);
  }

  async function latencyOf(synced: SyncedHub, coalesceMs: number): Promise<LatencyResult> {
    const plan = {
      store: sim.store,
      podRef,
      minChanges: CHANGE_CYCLE,
      budgetMs: 90_000,
      slowMs: 5_000,
      timeoutMs: PATCH_TIMEOUT_MS,
    };
    // One cycle of changes first, not counted: the first changes after a sync pay for what a running
    // server has done long before (compiling the incremental paths, collecting the sync's garbage).
    const warmUp = await measureLatency(synced.hub, {
      ...plan,
      run: `w${coalesceMs}`,
      changes: CHANGE_CYCLE,
    });
    progress(`coalesce ${coalesceMs} ms, warm-up: ${warmUp.latencyMs.map(Math.round).join(', ')} ms`);
    const samples = await measureLatency(synced.hub, {
      ...plan,
      run: `c${coalesceMs}`,
      changes: config.changes,
    });
    progress(`coalesce ${coalesceMs} ms: ${samples.latencyMs.map(Math.round).join(', ')} ms`);
    return {
      firstChangeMs: warmUp.latencyMs[0] ?? Number.NaN,
      coalesceMs,
      changes: samples.latencyMs.length,
      planned: config.changes,
      isCapped: samples.isCapped,
      isBufferRaised: samples.isBufferRaised,
      p50Ms: percentile(samples.latencyMs, 0.5),
      p95Ms: percentile(samples.latencyMs, 0.95),
      maxMs: Math.max(...samples.latencyMs),
      patchBytes: median(samples.patchBytes),
    };
  }
}

/** V8's longest string (2^29 - 24 characters on 64-bit): JSON.stringify of anything longer throws. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

function notMeasured(coalesceMs: number, planned: number): LatencyResult {
  const skipped = 'not measured: snapshot JSON over V8 max string length';
  const none = Number.NaN;
  return {
    coalesceMs,
    changes: 0,
    planned,
    isCapped: false,
    isBufferRaised: false,
    skipped,
    firstChangeMs: none,
    p50Ms: none,
    p95Ms: none,
    maxMs: none,
    patchBytes: none,
  };
}

/** Nearest-rank percentile: the smallest sample with at least `p` of the samples at or below it. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
