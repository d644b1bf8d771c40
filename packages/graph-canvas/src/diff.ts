import type { ElementRecord } from './element-records.ts';

/** How one set of element records differs from another, each list in id order. */
export interface RecordDiff {
  added: ElementRecord[];
  removed: ElementRecord[];
  changed: { previous: ElementRecord; next: ElementRecord }[];
}

/** The records to add, remove and update to go from `previous` to `next` (both keyed by id). */
export function diffRecords(
  previous: ReadonlyMap<string, ElementRecord>,
  next: ReadonlyMap<string, ElementRecord>,
): RecordDiff {
  const diff: RecordDiff = { added: [], removed: [], changed: [] };
  for (const [id, record] of next) {
    const before = previous.get(id);
    if (!before) diff.added.push(record);
    else if (!isSameRecord(before, record)) diff.changed.push({ previous: before, next: record });
  }
  for (const [id, record] of previous) if (!next.has(id)) diff.removed.push(record);
  const byRecordId = (a: ElementRecord, b: ElementRecord) =>
    a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;
  diff.added.sort(byRecordId);
  diff.removed.sort(byRecordId);
  diff.changed.sort((a, b) => byRecordId(a.next, b.next));
  return diff;
}

/** Records are flat, so equal groups and equal data fields mean nothing needs to change. */
export function isSameRecord(a: ElementRecord, b: ElementRecord): boolean {
  if (a.group !== b.group) return false;
  const left = a.data as unknown as Record<string, unknown>;
  const right = b.data as unknown as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}
