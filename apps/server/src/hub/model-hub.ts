import { randomUUID } from 'node:crypto';
import {
  deriveTopology,
  detectCni,
  evaluateCluster,
  type EngineOptions,
  type Evaluation,
} from '@netmap/engine';
import {
  applyPatch,
  diffTopology,
  isEmptyPatch,
  type KubeObject,
  type Workload,
  type TopologyPatch,
  type VersionedTopology,
} from '@netmap/model';
import type { EvaluationSource, SourceStatus } from '../evaluation-source.ts';
import type { ObjectSource, SourceEvent } from '../sources/object-source.ts';

/** How the hub batches and remembers changes. */
export interface HubOptions {
  engine?: EngineOptions;
  /** Changes within this window become one patch (default 150 ms). */
  coalesceMs?: number;
  /** Patches kept for clients that resume (default 256). */
  historySize?: number;
}

/**
 * Owns the evaluated model of one source: folds the source's events into the engine, coalesces
 * bursts into versioned patches, keeps recent patches for resuming clients, and fans them out.
 */
export class ModelHub implements EvaluationSource {
  readonly epoch = randomUUID().slice(0, 8);
  readonly status: SourceStatus;
  evaluation: Evaluation | undefined;
  topology: VersionedTopology | undefined;
  private readonly initial = new Map<string, KubeObject>();
  /** DaemonSets, to tell which CNI runs. */
  private readonly daemonSets = new Map<string, Workload>();
  private readonly history: TopologyPatch[] = [];
  private readonly listeners = new Set<(patch: TopologyPatch) => void>();
  private flushTimer: NodeJS.Timeout | undefined;

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

  /** Takes one event from the source. */
  receive(event: SourceEvent): void {
    if (event.type === 'problem') {
      this.status.problems[event.resource] = event.message;
      return;
    }
    if (event.type === 'synced') return this.completeSync();
    if (event.object.kind === 'DaemonSet') this.trackDaemonSet(event);
    if (!this.evaluation) {
      // Until the first sync completes, keep the latest of each object and evaluate once.
      if (event.type === 'upsert') this.initial.set(keyOf(event.object), event.object);
      else this.initial.delete(keyOf(event.object));
      return;
    }
    this.evaluation.apply(event);
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.coalesceMs ?? 150);
  }

  /** Calls `listener` with every patch from now on; returns the function that stops it. */
  subscribe(listener: (patch: TopologyPatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    this.listeners.clear();
  }

  private trackDaemonSet(event: Extract<SourceEvent, { type: 'upsert' | 'delete' }>): void {
    if (event.type === 'upsert') this.daemonSets.set(keyOf(event.object), event.object as Workload);
    else this.daemonSets.delete(keyOf(event.object));
    this.status.cni = detectCni([...this.daemonSets.values()]);
  }

  private completeSync(): void {
    this.status.synced = true;
    if (this.evaluation) return;
    this.evaluation = evaluateCluster([...this.initial.values()], this.options.engine);
    this.initial.clear();
    this.topology = { epoch: this.epoch, version: 1, ...deriveTopology(this.evaluation) };
  }

  /** Turns the changes since the last patch into one patch, if they changed anything. */
  private flush(): void {
    this.flushTimer = undefined;
    if (!this.evaluation || !this.topology) return;
    const change = diffTopology(this.topology, deriveTopology(this.evaluation));
    if (isEmptyPatch(change)) return;
    const patch: TopologyPatch = {
      epoch: this.epoch,
      from: this.topology.version,
      to: this.topology.version + 1,
      ...change,
    };
    this.topology = applyPatch(this.topology, patch);
    this.history.push(patch);
    if (this.history.length > (this.options.historySize ?? 256)) this.history.shift();
    for (const listener of this.listeners) listener(patch);
  }
}

function keyOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}
