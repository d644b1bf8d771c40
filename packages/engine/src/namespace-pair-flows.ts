import type { ClassChanges } from './class-changes.ts';
import type { FlowCandidates } from './flow-candidates.ts';
import { FlowPairs } from './flow-pairs.ts';
import { namespaceFlowsFrom, namespaceFlowsInto } from './namespace-flows.ts';

/**
 * Flows between namespaces (the workload flows merged per pair of namespaces), kept current: after
 * a change only the pairs of namespaces with a changed class, or with changed labels, are found again.
 */
export class NamespacePairFlows {
  readonly pairs = new FlowPairs();

  update(candidates: FlowCandidates, changes: ClassChanges): void {
    if (changes.isAll) {
      this.pairs.clear();
      for (const destination of candidates.namespaces) this.addInto(candidates, destination);
      return;
    }
    const dirty = changes.namespaces;
    if (dirty.size === 0) return;
    for (const namespace of dirty) this.pairs.deleteTouching(namespace);
    for (const namespace of dirty) this.addInto(candidates, namespace);
    for (const source of dirty) {
      for (const [destination, union] of namespaceFlowsFrom(candidates, source))
        if (!dirty.has(destination)) this.pairs.add(source, destination, union);
    }
  }

  private addInto(candidates: FlowCandidates, destination: string): void {
    for (const [source, union] of namespaceFlowsInto(candidates, destination))
      this.pairs.add(source, destination, union);
  }
}
