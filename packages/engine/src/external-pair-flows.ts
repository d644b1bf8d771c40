import type { FlowLevel } from '@netmap/model';
import type { ClassChanges } from './class-changes.ts';
import type { ClusterState } from './cluster-state.ts';
import type { Evaluation } from './evaluation.ts';
import { addExternalFlows } from './external-flows.ts';
import { FlowPairs } from './flow-pairs.ts';
import { FlowTable } from './flow-table.ts';
import type { PodClass } from './pod-classes.ts';
import { PortSet } from './port-set.ts';
import { isOutside, parsePorts } from './topology-flows.ts';

/**
 * Flows between workloads (or namespaces) and pieces of the outside, kept current: found again for
 * the workloads (namespaces) of changed classes, and for all when the ipBlocks that cut the outside
 * into pieces change.
 */
export class ExternalPairFlows {
  readonly pairs = new FlowPairs();
  private ranges: string | undefined;

  constructor(private readonly level: FlowLevel) {}

  update(evaluation: Evaluation, changes: ClassChanges, isPolicyTouched: boolean): void {
    const { state } = evaluation;
    const ranges = isPolicyTouched || this.ranges === undefined ? rangesKey(state) : this.ranges;
    const isAll = changes.isAll || ranges !== this.ranges;
    this.ranges = ranges;
    const dirty = this.level === 'namespace' ? changes.namespaces : changes.workloads;
    if (!isAll && dirty.size === 0) return;
    if (isAll) this.pairs.clear();
    else for (const end of dirty) this.pairs.deleteTouching(end);
    const classes = isAll ? [...state.classes.all()] : this.classesOf(state, dirty);
    if (classes.length === 0) return;
    const table = new FlowTable();
    addExternalFlows(table, state, classes, evaluation.context);
    const { flows, unknown } = table.result();
    for (const flow of flows)
      this.pairs.add(this.endOf(flow.from), this.endOf(flow.to), {
        allowed: parsePorts(flow.ports),
        unknown: PortSet.EMPTY,
      });
    for (const flow of unknown)
      this.pairs.add(this.endOf(flow.from), this.endOf(flow.to), {
        allowed: PortSet.EMPTY,
        unknown: parsePorts(flow.ports),
      });
  }

  /** The classes of the dirty namespaces, or with a member of a dirty workload. */
  private classesOf(state: ClusterState, dirty: ReadonlySet<string>): PodClass[] {
    if (this.level === 'namespace')
      return [...dirty].flatMap((namespace) => [...state.classes.inNamespace(namespace)]);
    const namespaces = new Set([...dirty].map((workload) => workload.slice(0, workload.indexOf('/'))));
    return [...namespaces].flatMap((namespace) =>
      [...state.classes.inNamespace(namespace)].filter((podClass) =>
        [...podClass.workloads.keys()].some((workload) => dirty.has(workload)),
      ),
    );
  }

  private endOf(end: string): string {
    return this.level === 'namespace' && !isOutside(end) ? end.slice(0, end.indexOf('/')) : end;
  }
}

/** The ipBlocks of the policies, which decide how the outside is cut into pieces. */
function rangesKey(state: ClusterState): string {
  const text = (direction: 'ingress' | 'egress') =>
    state
      .ipBlockPeers(direction)
      .map((peer) => `${peer.cidr.text}-${peer.except.map((e) => e.text).join('-')}`)
      .sort()
      .join(',');
  return `${text('ingress')};${text('egress')}`;
}
