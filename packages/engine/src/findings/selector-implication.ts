import type { CompiledSelector } from '../label-selector.ts';

type Requirement = CompiledSelector['requirements'][number];

/**
 * Whether every object `narrow` selects is also selected by `wide`, whatever the objects' labels:
 * each requirement of `wide` follows from one of `narrow` on the same key. Sound, not complete
 * (e.g. a contradictory `narrow` selects nothing, yet is not found to imply anything).
 */
export function selectorImplies(narrow: CompiledSelector, wide: CompiledSelector): boolean {
  // Plain loops: this runs for every pair of policies of a namespace.
  for (const w of wide.requirements) {
    let isImplied = false;
    for (const n of narrow.requirements) if (n.key === w.key && implies(n, w)) isImplied = true;
    if (!isImplied) return false;
  }
  return true;
}

function implies(n: Requirement, w: Requirement): boolean {
  switch (w.operator) {
    case 'In':
      return n.operator === 'In' && isSubset(n.values, w.values);
    case 'NotIn':
      return (
        (n.operator === 'In' && !overlaps(n.values, w.values)) ||
        (n.operator === 'NotIn' && isSubset(w.values, n.values)) ||
        n.operator === 'DoesNotExist'
      );
    case 'Exists':
      // In needs a value, so the label exists.
      return n.operator === 'In' || n.operator === 'Exists';
    case 'DoesNotExist':
      return n.operator === 'DoesNotExist';
  }
}

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  for (const value of small) if (!large.has(value)) return false;
  return true;
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const value of a) if (b.has(value)) return true;
  return false;
}
