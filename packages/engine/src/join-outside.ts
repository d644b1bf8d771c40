import type { EvaluationDiff, FlowChange } from '@netmap/model';
import { mergeAddressRanges } from './address-ranges.ts';

const OUTSIDE = '[External]';

/**
 * Flows split the outside where ipBlocks begin and end: pieces that change alike (same other end,
 * same ports) are written as the ranges they add up to, e.g. one `0.0.0.0-255.255.255.255[External]`
 * for three pieces around a CIDR some policy names.
 */
export function joinOutside(changes: readonly FlowChange[]): FlowChange[] {
  const groups = new Map<string, FlowChange[]>();
  for (const change of changes) {
    const side = change.from.endsWith(OUTSIDE) ? 'from' : change.to.endsWith(OUTSIDE) ? 'to' : undefined;
    const other = side === 'from' ? change.to : change.from;
    const ports = change.ports === 'all' ? 'all' : change.ports.join(',');
    const key = side ? `${side}\u0000${other}\u0000${ports}` : `pair\u0000${change.from}\u0000${change.to}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = group;
    if (!first || group.length === 1) return group;
    const side = first.from.endsWith(OUTSIDE) ? 'from' : 'to';
    const ranges = mergeAddressRanges(group.map((change) => change[side].slice(0, -OUTSIDE.length)));
    return ranges.map((range) => ({ ...first, [side]: `${range}${OUTSIDE}` }));
  });
}

/** A difference with pieces of the outside that change alike joined, for people to read. */
export function joinOutsidePieces<T extends Pick<EvaluationDiff, 'flows' | 'unknownFlows'>>(diff: T): T {
  const join = (changes: EvaluationDiff['flows']) => ({
    added: joinOutside(changes.added),
    removed: joinOutside(changes.removed),
  });
  return { ...diff, flows: join(diff.flows), unknownFlows: join(diff.unknownFlows) };
}
