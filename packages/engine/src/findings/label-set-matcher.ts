import { labelValue, type Labels } from '../label-selector.ts';

/**
 * Tells whether labels hold every label of any of some label sets (e.g. the well-known labels of
 * ingress controllers), looking up only the first key of each set instead of walking every set.
 */
export class LabelSetMatcher {
  /** First key → its value → the sets that start with that label. */
  private readonly byFirstLabel = new Map<string, Map<string, Labels[]>>();
  private readonly matchesEverything: boolean;

  constructor(labelSets: readonly Labels[]) {
    let isEmptySet = false;
    for (const labels of labelSets) {
      const first = Object.keys(labels)[0];
      if (first === undefined) {
        isEmptySet = true;
        continue;
      }
      let byValue = this.byFirstLabel.get(first);
      if (!byValue) this.byFirstLabel.set(first, (byValue = new Map()));
      const value = labels[first]!;
      byValue.set(value, [...(byValue.get(value) ?? []), labels]);
    }
    this.matchesEverything = isEmptySet;
  }

  matches(labels: Labels): boolean {
    if (this.matchesEverything) return true;
    for (const [key, byValue] of this.byFirstLabel) {
      const value = labelValue(labels, key);
      const candidates = value === undefined ? undefined : byValue.get(value);
      if (candidates?.some((set) => hasAll(labels, set))) return true;
    }
    return false;
  }
}

function hasAll(labels: Labels, wanted: Labels): boolean {
  for (const key in wanted) if (labelValue(labels, key) !== wanted[key]) return false;
  return true;
}
