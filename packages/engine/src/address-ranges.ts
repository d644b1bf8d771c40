import { formatIp, parseIp } from './cidr.ts';

/** A range of outside addresses as flows name it: `first-last` (without the `[External]` suffix). */
interface Range {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

/**
 * Address ranges (`10.0.0.0-10.255.255.255`, as flows name the outside) with adjacent and
 * overlapping ones joined, by family then address. Flows split the outside where the policies'
 * ipBlocks begin and end; a reader of one flow's peers wants the ranges they add up to. Texts that
 * are not ranges are kept as they are, after the ranges.
 */
export function mergeAddressRanges(texts: readonly string[]): string[] {
  const ranges: Range[] = [];
  const others: string[] = [];
  for (const text of texts) {
    const range = readRange(text);
    if (range) ranges.push(range);
    else others.push(text);
  }
  ranges.sort((a, b) => a.family - b.family || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: Range[] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && previous.family === range.family && range.first <= previous.last + 1n) {
      if (range.last > previous.last) previous.last = range.last;
    } else merged.push({ ...range });
  }
  const written = merged.map((r) => `${formatIp(r.family, r.first)}-${formatIp(r.family, r.last)}`);
  return [...written, ...[...new Set(others)]];
}

function readRange(text: string): Range | undefined {
  const dash = text.indexOf('-');
  if (dash < 0) return undefined;
  const first = parseIp(text.slice(0, dash));
  const last = parseIp(text.slice(dash + 1));
  if (!first || !last || first.family !== last.family || first.value > last.value) return undefined;
  return { family: first.family, first: first.value, last: last.value };
}
