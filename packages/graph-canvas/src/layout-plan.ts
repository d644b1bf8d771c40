import type { ElementRecord } from './element-records.ts';

/**
 * Whether a new element set is mostly new nodes (the first one, or another grouping or filter):
 * then it is laid out afresh, since placing most nodes beside the few that stay makes a heap. A
 * live change adds a few nodes and keeps everything else where it is.
 */
export function isMostlyNew(
  shownNodes: number,
  next: ReadonlyMap<string, ElementRecord>,
  added: readonly ElementRecord[],
): boolean {
  const addedNodes = added.filter((record) => record.group === 'nodes').length;
  if (addedNodes === 0) return false;
  if (shownNodes === 0) return true;
  return addedNodes > countNodes(next) / 2;
}

/** How many nodes a set holds. */
export function countNodes(records: ReadonlyMap<string, ElementRecord>): number {
  let nodes = 0;
  for (const record of records.values()) if (record.group === 'nodes') nodes++;
  return nodes;
}
