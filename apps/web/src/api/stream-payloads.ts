import type { TopologyPatch, VersionedTopology } from '@netmap/model';

/** The JSON of an event's data; undefined when it is not JSON. */
export function parseJson(data: unknown): unknown {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a snapshot has the shape of a topology (its entries are trusted). */
export function isTopology(value: unknown): value is VersionedTopology {
  if (!isRecord(value)) return false;
  const { epoch, version, nodes, flows, findings } = value;
  return typeof epoch === 'string' && typeof version === 'number' && [nodes, flows, findings].every(isRecord);
}

/** Whether a patch has the shape of one (`applyPatch` checks that it follows on). */
export function isPatch(value: unknown): value is TopologyPatch {
  if (!isRecord(value)) return false;
  const { epoch, from, to, upserts, removals } = value;
  return (
    typeof epoch === 'string' &&
    typeof from === 'number' &&
    typeof to === 'number' &&
    isRecord(upserts) &&
    isRecord(removals)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
