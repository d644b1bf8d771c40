import { describe, expect, it } from 'vitest';
import { createSeededRandom, withSeededRandom } from './seeded-random.ts';

describe('createSeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, createSeededRandom(seed));
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    for (const value of take(3)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('withSeededRandom', () => {
  it('gives Math.random the seeded sequence while it runs and restores it after', () => {
    const original = Math.random;
    const drawn = withSeededRandom(7, () => [Math.random(), Math.random()]);
    expect(drawn).toEqual(Array.from({ length: 2 }, createSeededRandom(7)));
    expect(Math.random).toBe(original);
  });

  it('restores Math.random when the run throws', () => {
    const original = Math.random;
    expect(() =>
      withSeededRandom(7, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});
