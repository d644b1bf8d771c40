/** A seeded pseudo-random source in [0, 1) (mulberry32): the same seed always gives the same sequence. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `run` synchronously with `Math.random` replaced by a seeded source, and always puts the
 * original back. fcose draws its spectral samples and start vectors from `Math.random` and offers
 * no seed of its own, so this is what makes its layouts repeatable.
 */
export function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = createSeededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}
