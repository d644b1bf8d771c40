import type { Finding } from '@netmap/model';
import { compareText } from '../compare-text.ts';

/** How findings name a workload `namespace/name[Kind]`: `Kind namespace/name` (a bare pod is `Pod namespace/name`). */
export function workloadObject(ref: string): string {
  const match = /^([^/]+)\/([^/]+)\[([A-Za-z]+)\]$/.exec(ref);
  return match ? `${match[3]} ${match[1]}/${match[2]}` : ref;
}

/** `1 pod`, `3 pods`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `a`, `a and b`, `a, b and c`; past `max` items, `a, b, c and 4 more`. */
export function listText(items: readonly string[], max = 4): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > max) return `${items.slice(0, max - 1).join(', ')} and ${items.length - max + 1} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Distinct strings in a stable order. */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareText);
}

/**
 * A finding whose objects do not depend on input order: the object it is about first, then the
 * others sorted, without repeats.
 */
export function finding(fields: Finding): Finding {
  if (fields.objects.length <= 1) return fields;
  const [subject, ...others] = fields.objects;
  const rest = sortedSet(others).filter((object) => object !== subject);
  return { ...fields, objects: subject === undefined ? [] : [subject, ...rest] };
}
