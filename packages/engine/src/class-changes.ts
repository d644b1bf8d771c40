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
  /** Classes that are gone. */
  removed: PodClass[];
}

/** What flows depend on of a class, beyond its key: its workloads and the policies that isolate it. */
interface ClassSeen {
  workloads: string[];
  ingress: readonly CompiledPolicy[];
  egress: readonly CompiledPolicy[];
  /** The last look that saw the class. */
  look: number;
}

/**
 * Tells which classes changed in what flows depend on. A pair of classes has the same flows as long
 * as neither class changed (its members' workloads, the policies that isolate it) and neither
 * namespace's labels changed: peers are matched against the class and its namespace only.
 */
export class ClassWatch {
  private readonly seen = new Map<PodClass, ClassSeen>();
  private look = 0;

  constructor(private readonly classes: PodClassIndex) {}

  /** What changed since the last call; `relabelled` are namespaces whose labels (or existence) changed. */
  changes(relabelled: ReadonlySet<string>): ClassChanges {
    const look = ++this.look;
    const isFirst = this.seen.size === 0;
    const result: ClassChanges = {
      isAll: isFirst,
      classes: new Set(),
      workloads: new Set(),
      namespaces: new Set(),
      removed: [],
    };
    let kept = 0;
    let current = 0;
    for (const podClass of this.classes.all()) {
      current++;
      const before = this.seen.get(podClass);
      if (before) kept++;
      if (before && isSame(podClass, before)) {
        before.look = look;
        if (relabelled.has(podClass.namespace)) this.mark(result, podClass, before, before);
        continue;
      }
      const now: ClassSeen = {
        workloads: [...podClass.workloads.keys()],
        ingress: podClass.ingressPolicies,
        egress: podClass.egressPolicies,
        look,
      };
      this.seen.set(podClass, now);
      this.mark(result, podClass, before, now);
    }
    if (this.seen.size > current) this.forgetGone(look, result);
    for (const namespace of relabelled) result.namespaces.add(namespace);
    // After regrouping no class is kept: every flow is to be found again.
    result.isAll ||= kept === 0 && current > 0;
    return result;
  }

  private mark(
    result: ClassChanges,
    podClass: PodClass,
    before: ClassSeen | undefined,
    now: ClassSeen,
  ): void {
    result.classes.add(podClass);
    result.namespaces.add(podClass.namespace);
    for (const workload of now.workloads) result.workloads.add(workload);
    for (const workload of before?.workloads ?? []) result.workloads.add(workload);
  }

  private forgetGone(look: number, result: ClassChanges): void {
    for (const [podClass, before] of this.seen) {
      if (before.look === look) continue;
      this.seen.delete(podClass);
      result.removed.push(podClass);
      result.namespaces.add(podClass.namespace);
      for (const workload of before.workloads) result.workloads.add(workload);
    }
  }
}

function isSame(podClass: PodClass, before: ClassSeen): boolean {
  if (podClass.workloads.size !== before.workloads.length) return false;
  let i = 0;
  for (const workload of podClass.workloads.keys()) if (workload !== before.workloads[i++]) return false;
  return (
    sameList(podClass.ingressPolicies, before.ingress) && sameList(podClass.egressPolicies, before.egress)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
