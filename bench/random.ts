/** Characters Kubernetes uses for generated name suffixes and pod-template-hash (rand.SafeEncodeString). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';

/**
 * A seeded pseudo-random source (mulberry32): the same seed always yields the same cluster, so
 * benchmark runs compare like with like.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A name suffix such as `7d9f8` (or a 10-character pod-template-hash). */
  suffix(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += SAFE_ALPHABET[Math.floor(this.next() * SAFE_ALPHABET.length)];
    return text;
  }

  /** A UUID-shaped uid. */
  uid(): string {
    let hex = '';
    for (let i = 0; i < 32; i++) hex += HEX[Math.floor(this.next() * 16)];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
