import type { KubeObject } from '@netmap/model';
import type { ResourceType } from './resources.ts';
import { expired } from './status.ts';

/** The type of a watch event that a write produces. */
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One write, as the watch cache keeps it: the object after it and the object before it. */
export interface Change {
  type: ChangeType;
  resourceVersion: number;
  resourceType: ResourceType;
  key: string;
  object: KubeObject;
  previous?: KubeObject;
}

/**
 * The bounded event history (like the API server's watch cache over etcd's compacted log):
 * watches and paginated lists can start from any resourceVersion it still covers, older ones are
 * `410 Expired`.
 */
export class ChangeHistory {
  private changes: Change[] = [];
  /** Every change at or below this resourceVersion has been dropped. */
  private compactedThrough = 0;

  constructor(private readonly capacity: number) {}

  /** Records a change, dropping the oldest beyond capacity. */
  record(change: Change): void {
    this.changes.push(change);
    const excess = this.changes.length - this.capacity;
    if (excess > 0) this.dropOldest(excess);
  }

  /** Forgets every change up to and including `resourceVersion`: older versions expire. */
  compact(resourceVersion: number): void {
    const keep = this.changes.filter((c) => c.resourceVersion > resourceVersion);
    this.dropOldest(this.changes.length - keep.length);
    this.compactedThrough = Math.max(this.compactedThrough, resourceVersion);
  }

  /** The changes after `resourceVersion`; throws `410 Expired` when some of them were dropped. */
  since(resourceVersion: number, requested = String(resourceVersion)): Change[] {
    if (resourceVersion < this.compactedThrough) throw expired(requested, this.compactedThrough);
    const first = this.changes.findIndex((c) => c.resourceVersion > resourceVersion);
    return first < 0 ? [] : this.changes.slice(first);
  }

  /** Rebuilds the objects as they were at `resourceVersion` from the current ones. */
  rewind(current: Map<string, KubeObject>, resourceVersion: number, requested?: string): Map<string, KubeObject> {
    const later = this.since(resourceVersion, requested);
    if (later.length === 0) return current;
    const past = new Map(current);
    for (const change of later.reverse()) {
      if (change.previous) past.set(change.key, change.previous);
      else past.delete(change.key);
    }
    return past;
  }

  private dropOldest(count: number): void {
    const dropped = this.changes.splice(0, count);
    const last = dropped.at(-1);
    if (last) this.compactedThrough = Math.max(this.compactedThrough, last.resourceVersion);
  }
}
