import type { FlowLevel, Topology } from '@netmap/model';
import { ClassWatch, type ClassChanges } from './class-changes.ts';
import type { ObjectChange } from './cluster-state.ts';
import { ControllerPairFlows } from './controller-pair-flows.ts';
import type { Evaluation } from './evaluation.ts';
import { ExternalPairFlows } from './external-pair-flows.ts';
import { FlowCandidates } from './flow-candidates.ts';
import type { FlowPairs } from './flow-pairs.ts';
import { NamespaceMembers } from './namespace-members.ts';
import { NamespacePairFlows } from './namespace-pair-flows.ts';
import { ChangeTracker, type TopologyChange } from './topology-change.ts';
import { TouchedObjects } from './touched-objects.ts';
import { TopologyWriter } from './topology-writer.ts';
import type { Visibility } from './visibility.ts';
import { WorkloadPairFlows } from './workload-pair-flows.ts';

export type { TopologyChange } from './topology-change.ts';

/** How a deriver builds its topology. */
export interface DeriverOptions {
  /** Flows between workloads (default), or merged between namespaces. Fixed for the deriver's life. */
  flowLevel?: FlowLevel;
  /** Leave findings to the first `updateFindings` (for a caller that times them). */
  isFindingsDeferred?: boolean;
}

const NO_CHANGES: ClassChanges = {
  isAll: false,
  classes: new Set(),
  workloads: new Set(),
  namespaces: new Set(),
  removed: [],
};

/**
 * Keeps `deriveTopology(evaluation)` current as object changes arrive, re-deriving only what a change
 * can reach: the nodes of the namespaces it touched (and of namespaces whose Services send to pods
 * there), the flows of the classes that changed in what flows depend on, and findings when their
 * inputs changed. `update` returns what changed, as a patch's upserts and removals. The topology's
 * records are changed in place: read them synchronously, or copy them.
 */
export class TopologyDeriver {
  readonly topology: Topology;
  private readonly writer: TopologyWriter;
  private readonly touched: TouchedObjects;
  private readonly members: NamespaceMembers;
  private readonly watch: ClassWatch;
  private readonly classPairs: WorkloadPairFlows | NamespacePairFlows;
  private readonly external: ExternalPairFlows;
  private readonly controller: ControllerPairFlows;
  /** Which pairs of classes may be connected, kept between updates for what did not change. */
  private readonly candidates: FlowCandidates;
  private flowRevision = '';
  private isFindingsStale = true;

  constructor(
    readonly evaluation: Evaluation,
    options: DeriverOptions = {},
  ) {
    const level = options.flowLevel ?? 'workload';
    this.topology = { nodes: {}, flows: {}, findings: {} };
    if (level !== 'workload') this.topology.flowLevel = level;
    this.writer = new TopologyWriter(this.topology, level);
    this.touched = new TouchedObjects(evaluation);
    this.members = new NamespaceMembers(evaluation.state);
    this.watch = new ClassWatch(evaluation.state.classes);
    this.candidates = new FlowCandidates(evaluation.state.classes, evaluation.context);
    this.classPairs = level === 'namespace' ? new NamespacePairFlows() : new WorkloadPairFlows();
    this.external = new ExternalPairFlows(level);
    this.controller = new ControllerPairFlows(level);
    this.touched.touchEverything();
    if (options.isFindingsDeferred) this.updateGraph();
    else this.update();
  }

  get flowLevel(): FlowLevel {
    return this.topology.flowLevel ?? 'workload';
  }

  /** Applies one object change to the evaluation, and remembers what it touched. */
  apply(change: ObjectChange): void {
    this.touched.before(change);
    this.evaluation.apply(change);
    this.members.follow(change);
    this.touched.after(change);
  }

  /** Records what the source could read; flows to and from the namespaces it changes are derived again. */
  setVisibility(visibility: Visibility): void {
    this.touched.relabel(this.evaluation.setVisibility(visibility));
  }

  /** Brings the topology up to date with the changes applied since the last update; returns what changed. */
  update(): TopologyChange {
    const tracker = new ChangeTracker(this.topology);
    this.writeGraph(tracker);
    this.writeFindings(tracker);
    return tracker.result();
  }

  /**
   * Brings nodes and flows up to date, and leaves findings stale: for a server that sends what
   * changed in the graph at once, and findings (which look at the whole cluster) just after.
   */
  updateGraph(): TopologyChange {
    const tracker = new ChangeTracker(this.topology);
    this.writeGraph(tracker);
    return tracker.result();
  }

  /** Brings findings up to date, if changes since they were derived may have changed them. */
  updateFindings(): TopologyChange {
    const tracker = new ChangeTracker(this.topology);
    this.writeFindings(tracker);
    return tracker.result();
  }

  /** Whether changes were applied since findings were last derived. */
  get areFindingsStale(): boolean {
    return this.isFindingsStale || this.touched.isAnyTouched;
  }

  /** The controller's flows per destination workload, whatever the level (for flows on request). */
  controllerFlows(): ReturnType<ControllerPairFlows['workloadFlows']> {
    return this.controller.workloadFlows();
  }

  private writeGraph(tracker: ChangeTracker): void {
    const touched = this.touched.take();
    this.isFindingsStale ||= touched.isAny;
    const routes = this.evaluation.state.ingressRoutes();
    this.writer.writeNodes(this.evaluation, touched.namespaces, routes, this.members, tracker);
    const classes = this.classChanges(touched.relabelled);
    if (classes === NO_CHANGES && !touched.isAny) return;
    if (classes !== NO_CHANGES) this.candidates.refresh(classes, touched.relabelled);
    this.classPairs.update(this.candidates, classes);
    this.external.update(this.evaluation, classes, touched.isPolicyTouched);
    this.controller.update(
      this.evaluation,
      { classes, touched: touched.namespaces, areControllersStale: touched.areControllersStale },
      routes,
    );
    for (const pairs of [this.classPairs.pairs, this.external.pairs, this.controller.pairs])
      this.writeFlows(pairs, tracker);
  }

  /** Findings look at the whole cluster (and grow new kinds): derived again after any change. */
  private writeFindings(tracker: ChangeTracker): void {
    if (!this.areFindingsStale) return;
    if (this.touched.isAnyTouched) this.writeGraph(tracker);
    this.writer.writeFindings(this.evaluation, tracker);
    this.isFindingsStale = false;
  }

  private writeFlows(pairs: FlowPairs, tracker: ChangeTracker): void {
    for (const key of pairs.takeChanged()) this.writer.writeFlowPair(key, pairs.get(key), tracker);
  }

  /** Which classes changed, by what flows depend on; none when nothing flows depend on changed. */
  private classChanges(relabelled: ReadonlySet<string>): ClassChanges {
    const revision = this.evaluation.state.flowRevision;
    if (revision === this.flowRevision && relabelled.size === 0) return NO_CHANGES;
    this.flowRevision = revision;
    return this.watch.changes(relabelled);
  }
}
