import type { ClassChanges } from './class-changes.ts';
import type { FlowCandidates } from './flow-candidates.ts';
import { FlowPairs } from './flow-pairs.ts';
import { classFlowPorts } from './namespace-flows.ts';
import type { PodClass } from './pod-classes.ts';

/**
 * Flows between workloads, kept current: after a change only the flows from and to the workloads
 * of changed classes are found again — the columns (every sender into their classes) and the rows
 * (every destination their classes may open to), asking candidate pairs only.
 */
export class WorkloadPairFlows {
  readonly pairs = new FlowPairs();

  update(candidates: FlowCandidates, changes: ClassChanges): void {
    if (changes.isAll) {
      this.pairs.clear();
      for (const target of candidates.classes.all()) this.addColumn(candidates, target, undefined);
      return;
    }
    const dirty = changes.workloads;
    if (dirty.size === 0) return;
    for (const workload of dirty) this.pairs.deleteTouching(workload);
    const touched = [...candidates.classes.all()].filter((podClass) =>
      [...podClass.workloads.keys()].some((workload) => dirty.has(workload)),
    );
    for (const podClass of touched) {
      this.addColumn(candidates, podClass, dirty);
      this.addRow(candidates, podClass, dirty);
    }
  }

  /** Flows from every sender into `target`. */
  private addColumn(
    candidates: FlowCandidates,
    target: PodClass,
    only: ReadonlySet<string> | undefined,
  ): void {
    const scope = candidates.sourceScope(target);
    for (const source of scope === 'all' ? candidates.namespaces : scope) {
      for (const sender of candidates.sendersInto(target, source))
        this.addPair(candidates, sender, target, only);
    }
  }

  /** Flows from `sender` into every class that may admit it. */
  private addRow(candidates: FlowCandidates, sender: PodClass, only: ReadonlySet<string>): void {
    for (const target of candidates.admitting(sender.namespace)) {
      const reach = candidates.reachOf(sender, target.namespace);
      if (reach !== 'all' && !reach.some((reached) => reached.has(target))) continue;
      const { admitted } = candidates.admission(target, sender.namespace);
      if (admitted === 'all' || admitted.has(sender)) this.addPair(candidates, sender, target, only);
    }
  }

  private addPair(
    candidates: FlowCandidates,
    sender: PodClass,
    target: PodClass,
    only: ReadonlySet<string> | undefined,
  ): void {
    const ports = classFlowPorts(sender, target, candidates.context);
    if (!ports || (ports.allowed.isEmpty() && ports.unknown.isEmpty())) return;
    for (const from of sender.workloads.keys()) {
      for (const to of target.workloads.keys()) {
        if (from !== to && (!only || only.has(from) || only.has(to))) this.pairs.add(from, to, ports);
      }
    }
  }
}
