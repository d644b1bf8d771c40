import { NAME_ALPHABET } from './hash.ts';

/** A deterministic source of choices for the demo: the same seed gives the same cluster and changes. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A generated-name suffix, e.g. `x7k2p`. */
  suffix(length?: number): string;
  /** A UUID-shaped id for metadata.uid. */
  uid(): string;
}

/** mulberry32: a tiny seeded PRNG, good enough to vary a demo. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const hex = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    suffix: (length = 5) => Array.from({ length }, () => NAME_ALPHABET[int(NAME_ALPHABET.length)]).join(''),
    uid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(12)}`,
  };
}
