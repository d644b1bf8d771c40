import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.ts';

describe('Backoff', () => {
  it('doubles from 0.5 s to a 30 s ceiling and starts over on reset', () => {
    const backoff = new Backoff(undefined, () => 0.5);
    const delays = Array.from({ length: 9 }, () => backoff.next());
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it.each([
    [0, 400],
    [1, 600],
  ])('spreads each delay by ±20%% (random %d → %d ms)', (random, delay) => {
    expect(new Backoff(undefined, () => random).next()).toBe(delay);
  });
});
