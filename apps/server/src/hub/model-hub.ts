import { randomUUID } from 'node:crypto';
import {
  detectCni,
  evaluateCluster,
  FULL_VISIBILITY,
  TopologyDeriver,
  workloadFlowsBetween,
  type TopologyChange,
  type EngineOptions,
  type Evaluation,
  type Visibility,
} from '@netmap/engine';
import {
  isEmptyPatch,
  type KubeObject,
  type TopologyFlow,
  type TopologyPatch,
  type VersionedTopology,
} from '@netmap/model';
import type { EvaluationSource, SourceStatus } from '../evaluation-source.ts';
import type { ObjectSource, SourceEvent } from '../sources/object-source.ts';

/** How the hub batches and remembers changes. */
export interface HubOptions {
  engine?: EngineOptions;
  /**
   * Changes within this window become one patch (default 100 ms). While patches take longer than
   * that to derive (heavy churn in a large cluster), the window grows to as long as the last one
   * took, so that deriving never takes more than about half the time.
   */
  coalesceMs?: number;
  /** Patches kept for clients that resume (default 256). */
  historySize?: number;
  /**
   * Above this many workloads, the topology's flows are merged per namespace (`flowLevel:
   * 'namespace'`) and workload flows are served on request (default 500): workload flows grow with
   * the square of the workloads, and views merge them above a similar size anyway. A cluster that
   * grows past the limit, or shrinks to 80% of it, gets a new epoch at the other level.
   */
  workloadFlowLimit?: number;
  /**
   * Findings look at the whole cluster and can cost far more than a change to nodes and flows (a
   * second at 50k pods). While deriving them last took at most this long (default 50 ms), they
   * come in the same patch as the change; else the patch goes out at once and findings follow in
   * their own patch, once changes have paused for twice as long as they took (and at least the
   * coalescing window), and at the latest `findingsMaxWaitMs` (default 10 s) after they went stale.
   */
  findingsInlineMs?: number;
  findingsMaxWaitMs?: number;
}

/** The coalescing window, unless the options say otherwise. */
export const DEFAULT_COALESCE_MS = 100;

/** Workloads above which flows are merged per namespace, unless the options say otherwise. */
export const DEFAULT_WORKLOAD_FLOW_LIMIT = 500;

/** Back to workload flows only well below the limit, so that a cluster near it does not flip back and forth. */
const WORKLOAD_LEVEL_RETURN = 0.8;

const newEpoch = () => randomUUID().slice(0, 8);

/**
 * Owns the evaluated model of one source: folds the source's events into the engine, coalesces
 * bursts into versioned patches, keeps recent patches for resuming clients, and fans them out.
 * The topology is kept by a `TopologyDeriver`, which re-derives only what each change can reach and
 * reports the patch itself. Its records are updated in place at each version (copying 100k entries
 * per patch would cost more than deriving it): whoever reads `topology` reads it synchronously.
 */
export class ModelHub implements EvaluationSource {
  /** Changes when the topology starts over (its flow level changed): patches go from one epoch's version to the next. */
  epoch = newEpoch();
  readonly status: SourceStatus;
  topology: VersionedTopology | undefined;
  private deriver: TopologyDeriver | undefined;
  private readonly initial = new Map<string, KubeObject>();
  private readonly history: TopologyPatch[] = [];
  private readonly listeners = new Set<(patch: TopologyPatch) => void>();
  private readonly restartListeners = new Set<(topology: VersionedTopology) => void>();
  private flushTimer: NodeJS.Timeout | undefined;
  private findingsTimer: NodeJS.Timeout | undefined;
  /** When findings went stale (ms, `performance.now()`), while they are. */
  private findingsStaleSince: number | undefined;
  private lastFindingsMs = 0;
  private lastFlushMs = 0;
  /** What the source can read; verdicts that depend on the rest are unknown. */
  private visibility: Visibility = FULL_VISIBILITY;

  constructor(
    source: Pick<ObjectSource, 'kind' | 'description'>,
    private readonly options: HubOptions = {},
  ) {
    this.status = {
      kind: source.kind,
      description: source.description,
      synced: false,
      problems: {},
      cni: detectCni([]),
    };
  }

  /** The current evaluation; undefined until the first sync completes. */
  get evaluation(): Evaluation | undefined {
    return this.deriver?.evaluation;
  }

  /**
   * The workload flows between two nodes of the topology, each a namespace or the outside
   * (`namespace:shop`, `external:…`): what one flow of a namespace-level topology stands for.
   */
  workloadFlowsBetween(from: string, to: string): TopologyFlow[] {
    const deriver = this.deriver;
    if (!deriver) return [];
    return workloadFlowsBetween(
      { evaluation: deriver.evaluation, controllerFlows: () => deriver.controllerFlows() },
      from,
      to,
    );
  }

  /** Takes one event from the source. */
  receive(event: SourceEvent): void {
    if (event.type === 'problem') {
      this.status.problems[event.resource] = event.message;
      return;
    }
    if (event.type === 'resolved') {
      delete this.status.problems[event.resource];
      return;
    }
    if (event.type === 'synced') return this.completeSync();
    if (event.type === 'visibility') {
      this.visibility = event.visibility;
      this.deriver?.setVisibility(event.visibility);
      return this.scheduleFlush();
    }
    if (!this.deriver) {
      // Until the first sync completes, keep the latest of each object and evaluate once.
      if (event.type === 'upsert') this.initial.set(keyOf(event.object), event.object);
      else this.initial.delete(keyOf(event.object));
      return;
    }
    this.deriver.apply(event);
    // The engine tells the network plugin from the DaemonSets it holds.
    if (event.object.kind === 'DaemonSet') this.status.cni = this.deriver.evaluation.state.cni;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (!this.deriver) return;
    // Costly findings wait for the source to pause.
    if (this.findingsTimer) this.scheduleFindings();
    this.flushTimer ??= setTimeout(() => this.flush(), Math.max(this.coalesceMs, this.lastFlushMs));
  }

  /**
   * Calls `listener` with every patch from now on, and `onRestart` with the whole topology when it
   * starts over in a new epoch; returns the function that stops both.
   */
  subscribe(
    listener: (patch: TopologyPatch) => void,
    onRestart?: (topology: VersionedTopology) => void,
  ): () => void {
    this.listeners.add(listener);
    if (onRestart) this.restartListeners.add(onRestart);
    return () => {
      this.listeners.delete(listener);
      if (onRestart) this.restartListeners.delete(onRestart);
    };
  }

  /** The patches that follow `version` of this epoch, or undefined when they are no longer held. */
  patchesSince(epoch: string, version: number): TopologyPatch[] | undefined {
    if (!this.topology || epoch !== this.epoch || version > this.topology.version) return undefined;
    if (version === this.topology.version) return [];
    const first = this.history.findIndex((patch) => patch.from === version);
    return first < 0 ? undefined : this.history.slice(first);
  }

  close(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.findingsTimer);
    this.listeners.clear();
    this.restartListeners.clear();
  }

  private completeSync(): void {
    this.status.synced = true;
    if (this.deriver) return;
    const evaluation = evaluateCluster([...this.initial.values()], this.options.engine);
    evaluation.setVisibility(this.visibility);
    this.status.cni = evaluation.state.cni;
    this.initial.clear();
    const flowLevel = workloadCount(evaluation) > this.workloadFlowLimit ? 'namespace' : 'workload';
    this.deriver = new TopologyDeriver(evaluation, { flowLevel, isFindingsDeferred: true });
    this.timeFindings(this.deriver);
    this.topology = { epoch: this.epoch, version: 1, ...this.deriver.topology };
  }

  /** Turns the changes since the last patch into one patch; findings join it while they are cheap. */
  private flush(): void {
    this.flushTimer = undefined;
    const deriver = this.deriver;
    if (!deriver) return;
    const start = performance.now();
    const graph = deriver.updateGraph();
    this.lastFlushMs = performance.now() - start;
    if (this.lastFindingsMs > (this.options.findingsInlineMs ?? 50)) {
      this.publish(graph);
      if (deriver.areFindingsStale) this.scheduleFindings();
    } else {
      const findings = this.timeFindings(deriver);
      this.publish({
        upserts: { ...graph.upserts, findings: findings.upserts.findings },
        removals: { ...graph.removals, findings: findings.removals.findings },
      });
    }
    this.reconsiderFlowLevel(deriver);
  }

  private get workloadFlowLimit(): number {
    return this.options.workloadFlowLimit ?? DEFAULT_WORKLOAD_FLOW_LIMIT;
  }

  /** Starts over at the other flow level when the cluster grew past the limit or shrank well below it. */
  private reconsiderFlowLevel(deriver: TopologyDeriver): void {
    const workloads = workloadCount(deriver.evaluation);
    const flowLevel =
      deriver.flowLevel === 'workload'
        ? workloads > this.workloadFlowLimit
          ? 'namespace'
          : 'workload'
        : workloads <= this.workloadFlowLimit * WORKLOAD_LEVEL_RETURN
          ? 'workload'
          : 'namespace';
    if (flowLevel === deriver.flowLevel) return;
    // Patches never change the flow level: clients take the new epoch's topology whole.
    clearTimeout(this.findingsTimer);
    this.findingsTimer = this.findingsStaleSince = undefined;
    this.epoch = newEpoch();
    this.history.length = 0;
    this.deriver = new TopologyDeriver(deriver.evaluation, { flowLevel });
    this.topology = { epoch: this.epoch, version: 1, ...this.deriver.topology };
    for (const listener of this.restartListeners) listener(this.topology);
  }

  private get coalesceMs(): number {
    return this.options.coalesceMs ?? DEFAULT_COALESCE_MS;
  }

  private timeFindings(deriver: TopologyDeriver): TopologyChange {
    const start = performance.now();
    const change = deriver.updateFindings();
    this.lastFindingsMs = performance.now() - start;
    return change;
  }

  /** Derives findings when changes pause, or at the latest `findingsMaxWaitMs` after they went stale. */
  private scheduleFindings(): void {
    const now = performance.now();
    this.findingsStaleSince ??= now;
    const pause = Math.max(this.coalesceMs, 2 * this.lastFindingsMs);
    const latest = this.findingsStaleSince + (this.options.findingsMaxWaitMs ?? 10_000);
    clearTimeout(this.findingsTimer);
    this.findingsTimer = setTimeout(
      () => this.flushFindings(),
      Math.max(0, Math.min(now + pause, latest) - now),
    );
  }

  private flushFindings(): void {
    this.findingsTimer = undefined;
    this.findingsStaleSince = undefined;
    if (this.deriver) this.publish(this.timeFindings(this.deriver));
  }

  private publish(change: TopologyChange): void {
    if (!this.topology || isEmptyPatch(change)) return;
    const patch: TopologyPatch = {
      epoch: this.epoch,
      from: this.topology.version,
      to: this.topology.version + 1,
      ...change,
    };
    // The deriver has written the change into the records already: the version follows.
    this.topology = { ...this.topology, version: patch.to };
    this.history.push(patch);
    if (this.history.length > (this.options.historySize ?? 256)) this.history.shift();
    for (const listener of this.listeners) listener(patch);
  }
}

/** How many workloads the cluster has, those without pods included. */
function workloadCount(evaluation: Evaluation): number {
  const workloads = new Set<string>(evaluation.state.representatives.keys());
  for (const pod of evaluation.state.pods.values()) workloads.add(pod.workload);
  return workloads.size;
}

function keyOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}
