import type { Cidr, IpAddress } from './cidr.ts';

/**
 * Splits the address space at every edge of the ipBlocks in play, so that two addresses in the same
 * piece ("atom") fall in exactly the same blocks. Pods whose IPs share atoms behave alike for every
 * ipBlock, which lets pods be grouped into classes without testing each IP against each block.
 */
export class IpAtoms {
  private readonly edges: Record<4 | 6, bigint[]>;
  /** Equal for two atom sets that split the space the same way. */
  readonly signature: string;

  constructor(blocks: readonly Cidr[]) {
    const edges = { 4: new Set<bigint>(), 6: new Set<bigint>() };
    for (const block of blocks) {
      edges[block.family].add(block.first);
      edges[block.family].add(block.last + 1n);
    }
    const sorted = (set: Set<bigint>) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.edges = { 4: sorted(edges[4]), 6: sorted(edges[6]) };
    this.signature = `${this.edges[4].join(',')}|${this.edges[6].join(',')}`;
  }

  /** Every atom of one family's address space, as inclusive ranges, in address order. */
  segments(family: 4 | 6): { first: bigint; last: bigint }[] {
    const max = family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n;
    const starts = [0n, ...this.edges[family].filter((edge) => edge > 0n && edge <= max)];
    return starts.map((first, i) => ({ first, last: i + 1 < starts.length ? starts[i + 1]! - 1n : max }));
  }

  /** The atom an address falls in, e.g. `4:3`. */
  atomOf(ip: IpAddress): string {
    const edges = this.edges[ip.family];
    let low = 0;
    let high = edges.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (edges[middle]! <= ip.value) low = middle + 1;
      else high = middle;
    }
    return `${ip.family}:${low}`;
  }
}
