import type { CompiledPolicy } from './compile-policy.ts';
import type { PodClass, PodClassIndex } from './pod-classes.ts';

/** The classes whose flows may have changed since the last look, by what flows are keyed on. */
export interface ClassChanges {
  /** Every class is new (the pods were regrouped, or this is the first look). */
  isAll: boolean;
  /** Current classes that are new or changed, or that sit in a namespace whose labels changed. */
  classes: Set<PodClass>;
  /** Workloads with members in those classes, or in classes that are gone, before or after. */
  workloads: Set<string>;
  /** Namespaces of those classes, and namespaces whose labels changed. */
  namespaces: Set<string>;
}

/** What flows depend on of a class, beyond its key: its workloads and the policies that isolate it. */
interface ClassSeen {
  workloads: string[];
  ingress: readonly CompiledPolicy[];
  egress: readonly CompiledPolicy[];
}

/**
 * Tells which classes changed in what flows depend on. A pair of classes has the same flows as long
 * as neither class changed (its members' workloads, the policies that isolate it) and neither
 * namespace's labels changed: peers are matched against the class and its namespace only.
 */
export class ClassWatch {
  private seen = new Map<PodClass, ClassSeen>();

  constructor(private readonly classes: PodClassIndex) {}

  /** What changed since the last call; `relabelled` are namespaces whose labels (or existence) changed. */
  changes(relabelled: ReadonlySet<string>): ClassChanges {
    const isAll = this.seen.size === 0;
    const result: ClassChanges = { isAll, classes: new Set(), workloads: new Set(), namespaces: new Set() };
    const next = new Map<PodClass, ClassSeen>();
    let kept = 0;
    for (const podClass of this.classes.all()) {
      const now = seenOf(podClass);
      const before = this.seen.get(podClass);
      next.set(podClass, now);
      if (before) kept++;
      if (!before || relabelled.has(podClass.namespace) || !isSame(before, now)) {
        result.classes.add(podClass);
        result.namespaces.add(podClass.namespace);
        for (const workload of now.workloads) result.workloads.add(workload);
        for (const workload of before?.workloads ?? []) result.workloads.add(workload);
      }
    }
    if (kept < this.seen.size) {
      for (const [podClass, before] of this.seen) {
        if (next.has(podClass)) continue;
        result.namespaces.add(podClass.namespace);
        for (const workload of before.workloads) result.workloads.add(workload);
      }
    }
    for (const namespace of relabelled) result.namespaces.add(namespace);
    // After regrouping no class is kept: every flow is to be found again.
    result.isAll ||= kept === 0 && next.size > 0;
    this.seen = next;
    return result;
  }
}

function seenOf(podClass: PodClass): ClassSeen {
  return {
    workloads: [...podClass.workloads.keys()],
    ingress: podClass.ingressPolicies,
    egress: podClass.egressPolicies,
  };
}

function isSame(a: ClassSeen, b: ClassSeen): boolean {
  return sameList(a.workloads, b.workloads) && sameList(a.ingress, b.ingress) && sameList(a.egress, b.egress);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
