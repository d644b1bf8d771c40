import { PROTOCOLS, type Protocol } from '@netmap/model';

/** An inclusive range of port numbers. */
export type PortRange = readonly [first: number, last: number];

/** Ports per protocol, as sorted, disjoint, non-adjacent ranges. Immutable. */
export class PortSet {
  private constructor(private readonly ranges: Readonly<Record<Protocol, readonly PortRange[]>>) {}

  static readonly EMPTY = new PortSet({ TCP: [], UDP: [], SCTP: [] });
  static readonly ALL = new PortSet({ TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] });

  /** Ports `first..last` of one protocol. */
  static of(protocol: Protocol, first: number, last = first): PortSet {
    return new PortSet({ ...PortSet.EMPTY.ranges, [protocol]: [[first, last]] });
  }

  /** Every port of one protocol. */
  static allOf(protocol: Protocol): PortSet {
    return PortSet.of(protocol, 1, 65535);
  }

  has(protocol: Protocol, port: number): boolean {
    return this.ranges[protocol].some(([first, last]) => first <= port && port <= last);
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((p) => this.ranges[p].length === 0);
  }

  isAll(): boolean {
    return PROTOCOLS.every((p) => {
      const only = this.ranges[p];
      return only.length === 1 && only[0]![0] === 1 && only[0]![1] === 65535;
    });
  }

  rangesOf(protocol: Protocol): readonly PortRange[] {
    return this.ranges[protocol];
  }

  union(other: PortSet): PortSet {
    if (other.isEmpty() || this.isAll()) return this;
    if (this.isEmpty() || other.isAll()) return other;
    return PortSet.build((p) => mergeRanges([...this.ranges[p], ...other.ranges[p]]));
  }

  intersect(other: PortSet): PortSet {
    if (this.isEmpty() || other.isAll()) return this;
    if (other.isEmpty() || this.isAll()) return other;
    return PortSet.build((p) => intersectRanges(this.ranges[p], other.ranges[p]));
  }

  /** Ports in this set and not in `other`. */
  subtract(other: PortSet): PortSet {
    if (this.isEmpty() || other.isEmpty()) return this;
    return PortSet.build((p) => subtractRanges(this.ranges[p], other.ranges[p]));
  }

  equals(other: PortSet): boolean {
    return this.toStrings().join() === other.toStrings().join();
  }

  /** `["TCP 80", "TCP 8000-8080", "UDP 53"]`, sorted by protocol then port. */
  toStrings(): string[] {
    return PROTOCOLS.flatMap((p) =>
      this.ranges[p].map(([first, last]) => (first === last ? `${p} ${first}` : `${p} ${first}-${last}`)),
    );
  }

  private static build(perProtocol: (p: Protocol) => readonly PortRange[]): PortSet {
    return new PortSet({ TCP: perProtocol('TCP'), UDP: perProtocol('UDP'), SCTP: perProtocol('SCTP') });
  }
}

function mergeRanges(ranges: PortRange[]): PortRange[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const result: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFirst, aLast] = a[i]!;
    const [bFirst, bLast] = b[j]!;
    const first = Math.max(aFirst, bFirst);
    const last = Math.min(aLast, bLast);
    if (first <= last) result.push([first, last]);
    if (aLast < bLast) i++;
    else j++;
  }
  return result;
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const result: PortRange[] = [];
  for (const [first, last] of a) {
    let start = first;
    for (const [bFirst, bLast] of b) {
      if (bLast < start || bFirst > last) continue;
      if (bFirst > start) result.push([start, bFirst - 1]);
      start = Math.max(start, bLast + 1);
    }
    if (start <= last) result.push([start, last]);
  }
  return result;
}
