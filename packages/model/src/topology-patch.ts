import type { Topology, TopologyFlow, VersionedTopology } from './topology.ts';

type Part = 'nodes' | 'flows' | 'findings';
const PARTS: readonly Part[] = ['nodes', 'flows', 'findings'];

/**
 * What changed between two versions: entries added or changed (whole), and ids removed. A topology's
 * `flowLevel` never changes within an epoch, so patches do not carry it.
 */
export interface TopologyPatch {
  epoch: string;
  /** The version this patch applies to, and the version it makes. */
  from: number;
  to: number;
  upserts: { [P in Part]: Topology[P] };
  removals: { [P in Part]: string[] };
}

/** The entries of `after` that are new or differ from `before`, and the ids `after` lacks. */
export function diffTopology(before: Topology, after: Topology): Pick<TopologyPatch, 'upserts' | 'removals'> {
  const upserts = { nodes: {}, flows: {}, findings: {} } as TopologyPatch['upserts'];
  const removals: TopologyPatch['removals'] = { nodes: [], flows: [], findings: [] };
  for (const part of PARTS) {
    const old = before[part] as Record<string, unknown>;
    const now = after[part] as Record<string, unknown>;
    const isSame = part === 'flows' ? sameFlow : sameJson;
    for (const [id, entry] of Object.entries(now)) {
      if (!(id in old) || !isSame(old[id], entry)) (upserts[part] as Record<string, unknown>)[id] = entry;
    }
    for (const id of Object.keys(old)) if (!(id in now)) removals[part].push(id);
  }
  return { upserts, removals };
}

/** Whether a patch changes nothing. */
export function isEmptyPatch(patch: Pick<TopologyPatch, 'upserts' | 'removals'>): boolean {
  return PARTS.every(
    (part) => Object.keys(patch.upserts[part]).length === 0 && patch.removals[part].length === 0,
  );
}

/**
 * Applies a patch to the topology it was made from, without changing it: the same pure reducer
 * runs on the server and in the browser. Throws when the patch does not follow on from `model`.
 */
export function applyPatch(model: VersionedTopology, patch: TopologyPatch): VersionedTopology {
  if (patch.epoch !== model.epoch || patch.from !== model.version) {
    throw new Error(
      `patch ${patch.epoch}:${patch.from}->${patch.to} does not apply to ${model.epoch}:${model.version}`,
    );
  }
  const next: VersionedTopology = { ...model, version: patch.to };
  for (const part of PARTS) {
    // A part the patch leaves alone is shared with the model, not copied (it is never changed in place).
    if (Object.keys(patch.upserts[part]).length === 0 && patch.removals[part].length === 0) continue;
    const entries = {
      ...(model[part] as Record<string, unknown>),
      ...(patch.upserts[part] as Record<string, unknown>),
    };
    for (const id of patch.removals[part]) delete entries[id];
    (next as unknown as Record<Part, unknown>)[part] = entries;
  }
  return next;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Flows compared field by field: far cheaper than their JSON where there are hundreds of thousands. */
function sameFlow(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const [x, y] = [a as TopologyFlow, b as TopologyFlow];
  if (x.id !== y.id || x.from !== y.from || x.to !== y.to || x.verdict !== y.verdict) return false;
  if (typeof x.ports === 'string' || typeof y.ports === 'string') return x.ports === y.ports;
  const ports = y.ports;
  return x.ports.length === ports.length && x.ports.every((port, i) => port === ports[i]);
}
