import type { ClusterState } from '../cluster-state.ts';
import { labelValue, selects, type CompiledSelector, type Labels } from '../label-selector.ts';
import type { PodFacts } from '../pod-facts.ts';

/** Labels that selectors can tell pods apart by, and whether NetworkPolicy applies to those pods. */
export interface LabelSet {
  labels: Labels;
  hostNetwork: boolean;
}

/**
 * Every Pod object (active or not) and the stand-ins of workloads without pods, by namespace and
 * by label, so that Service selectors find their pods without walking the namespace.
 */
export class PodIndex {
  private readonly byNamespace = new Map<string, PodFacts[]>();
  /** Per namespace and label key, built when first asked: label value → pods. */
  private readonly byLabel = new Map<string, Map<string, Map<string, PodFacts[]>>>();
  private readonly labelSets = new Map<string, LabelSet[]>();
  /** Per namespace and label key: label value → the label sets that carry it. */
  private readonly setsByLabel = new Map<string, Map<string, Map<string, LabelSet[]>>>();

  constructor(private readonly state: ClusterState) {
    for (const pod of state.pods.values()) push(this.byNamespace, pod.namespace, pod);
    for (const pod of state.representatives.values()) push(this.byNamespace, pod.namespace, pod);
  }

  /** The pods of a namespace. */
  in(namespace: string): readonly PodFacts[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /** Namespaces that hold pods. */
  namespaces(): string[] {
    return [...this.byNamespace.keys()];
  }

  /** The pods of a namespace that carry every label of `selector` (a Service's); none for an empty one. */
  withLabels(namespace: string, selector: Labels): PodFacts[] {
    const entries = Object.entries(selector);
    const [first] = entries;
    if (!first) return [];
    const candidates = this.valuesOf(namespace, first[0]).get(first[1]) ?? [];
    if (entries.length === 1) return candidates;
    return candidates.filter((pod) => entries.every(([key, value]) => labelValue(pod.labels, key) === value));
  }

  private valuesOf(namespace: string, key: string): Map<string, PodFacts[]> {
    let byKey = this.byLabel.get(namespace);
    if (!byKey) this.byLabel.set(namespace, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) {
      byKey.set(key, (byValue = new Map()));
      for (const pod of this.in(namespace)) {
        const value = labelValue(pod.labels, key);
        if (value !== undefined) push(byValue, value, pod);
      }
    }
    return byValue;
  }

  /**
   * The label sets a NetworkPolicy selector can tell apart in a namespace: one per class (its
   * members differ only in labels no policy looks at) and one per pod that takes part in no flow.
   */
  labelSetsIn(namespace: string): readonly LabelSet[] {
    let sets = this.labelSets.get(namespace);
    if (!sets) {
      sets = [];
      for (const podClass of this.state.classes.inNamespace(namespace))
        sets.push({ labels: podClass.labels, hostNetwork: podClass.hostNetwork });
      for (const pod of this.in(namespace))
        if (!pod.isActive) sets.push({ labels: pod.labels, hostNetwork: pod.hostNetwork });
      this.labelSets.set(namespace, sets);
    }
    return sets;
  }

  /** The first label set of a namespace that `selector` selects and `accept` takes, if any. */
  findSelected(
    namespace: string,
    selector: CompiledSelector,
    accept: (set: LabelSet) => boolean,
  ): LabelSet | undefined {
    // An `In` requirement (matchLabels among them) narrows the sets to look at through the index.
    const narrowing = selector.requirements.find((r) => r.operator === 'In');
    if (!narrowing)
      return this.labelSetsIn(namespace).find((set) => accept(set) && selects(selector, set.labels));
    const byValue = this.setsWith(namespace, narrowing.key);
    for (const value of narrowing.values) {
      for (const set of byValue.get(value) ?? [])
        if (accept(set) && selects(selector, set.labels)) return set;
    }
    return undefined;
  }

  private setsWith(namespace: string, key: string): Map<string, LabelSet[]> {
    let byKey = this.setsByLabel.get(namespace);
    if (!byKey) this.setsByLabel.set(namespace, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) {
      byKey.set(key, (byValue = new Map()));
      for (const set of this.labelSetsIn(namespace)) {
        const value = labelValue(set.labels, key);
        if (value !== undefined) push(byValue, value, set);
      }
    }
    return byValue;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
