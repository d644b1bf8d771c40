import type { PortVerdicts } from './connection-ports.ts';
import { PortSet } from './port-set.ts';

/** Ports over many connections: allowed, and unknown (not yet trimmed by what is allowed). */
export interface PortUnion {
  allowed: PortSet;
  unknown: PortSet;
}

/** `from` and `to` flow ends as one key. */
export function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** The two ends of a pair key. */
export function pairEnds(key: string): [from: string, to: string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * Port unions per ordered pair of flow ends (workloads, namespaces or outside names), and which
 * pairs changed since they were last taken: the store a flow source keeps current.
 */
export class FlowPairs {
  private readonly unions = new Map<string, PortUnion>();
  private readonly byEnd = new Map<string, Set<string>>();
  private changed = new Set<string>();

  get(key: string): PortUnion | undefined {
    return this.unions.get(key);
  }

  keys(): Iterable<string> {
    return this.unions.keys();
  }

  /** Adds ports to a pair (a union: adding the same ports twice changes nothing). */
  add(from: string, to: string, ports: PortVerdicts | PortUnion): void {
    if (ports.allowed.isEmpty() && ports.unknown.isEmpty()) return;
    const key = pairKey(from, to);
    const union = this.unions.get(key);
    if (union) {
      union.allowed = union.allowed.union(ports.allowed);
      union.unknown = union.unknown.union(ports.unknown);
    } else {
      this.unions.set(key, { allowed: ports.allowed, unknown: ports.unknown });
      this.index(from, key);
      this.index(to, key);
    }
    this.changed.add(key);
  }

  /** Replaces a pair's ports (none: removes it). */
  set(from: string, to: string, ports: PortUnion | undefined): void {
    const key = pairKey(from, to);
    if (this.unions.has(key)) this.delete(key);
    if (ports) this.add(from, to, ports);
    this.changed.add(key);
  }

  /** Removes every pair with `end` at either side. */
  deleteTouching(end: string): void {
    for (const key of [...(this.byEnd.get(end) ?? [])]) this.delete(key);
  }

  /** Removes every pair. */
  clear(): void {
    for (const key of this.unions.keys()) this.changed.add(key);
    this.unions.clear();
    this.byEnd.clear();
  }

  /** The pairs added to, replaced or removed since the last call. */
  takeChanged(): Set<string> {
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  private delete(key: string): void {
    if (!this.unions.delete(key)) return;
    this.changed.add(key);
    for (const end of pairEnds(key)) {
      const keys = this.byEnd.get(end);
      keys?.delete(key);
      if (keys?.size === 0) this.byEnd.delete(end);
    }
  }

  private index(end: string, key: string): void {
    let keys = this.byEnd.get(end);
    if (!keys) this.byEnd.set(end, (keys = new Set()));
    keys.add(key);
  }
}

/** An empty union, to add to. */
export function emptyUnion(): PortUnion {
  return { allowed: PortSet.EMPTY, unknown: PortSet.EMPTY };
}
