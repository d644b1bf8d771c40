import type { Topology, TopologyPatch } from '@netmap/model';

/** What an update changed: entries added or changed (whole), and ids removed, as in a patch. */
export type TopologyChange = Pick<TopologyPatch, 'upserts' | 'removals'>;

type Part = 'nodes' | 'flows' | 'findings';

const ABSENT = Symbol('absent');

/**
 * Writes entries of a topology in place and remembers which ids it wrote, with what they held
 * before, to report what changed (an entry written twice and back to where it was is no change).
 */
export class ChangeTracker {
  private readonly before: Record<Part, Map<string, unknown>> = {
    nodes: new Map(),
    flows: new Map(),
    findings: new Map(),
  };

  constructor(private readonly topology: Topology) {}

  set<P extends Part>(part: P, id: string, entry: Topology[P][string]): void {
    this.note(part, id);
    (this.topology[part] as Record<string, unknown>)[id] = entry;
  }

  delete(part: Part, id: string): void {
    if (!(id in this.topology[part])) return;
    this.note(part, id);
    delete this.topology[part][id];
  }

  /** Every id written: its entry now, or its removal when it existed before. */
  result(): TopologyChange {
    const change: TopologyChange = {
      upserts: { nodes: {}, flows: {}, findings: {} },
      removals: { nodes: [], flows: [], findings: [] },
    };
    for (const part of ['nodes', 'flows', 'findings'] as const) {
      const entries = this.topology[part] as Record<string, unknown>;
      const upserts = change.upserts[part] as Record<string, unknown>;
      for (const [id, before] of this.before[part]) {
        if (!(id in entries)) {
          if (before !== ABSENT) change.removals[part].push(id);
        } else if (before === ABSENT || JSON.stringify(before) !== JSON.stringify(entries[id])) {
          upserts[id] = entries[id];
        }
      }
    }
    return change;
  }

  private note(part: Part, id: string): void {
    if (this.before[part].has(id)) return;
    const entries = this.topology[part] as Record<string, unknown>;
    this.before[part].set(id, id in entries ? entries[id] : ABSENT);
  }
}
