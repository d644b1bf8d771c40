import { describe, expect, it } from 'vitest';
import { canCacheLayers } from './layer-cache.ts';

const square = (side: number) => ({ x1: 0, y1: 0, x2: side, y2: side });

describe('canCacheLayers', () => {
  it('holds a graph that fits in a 4000-pixel layer at the next power of two of the zoom', () => {
    // 7,000 units at zoom 0.1 are drawn at scale 1/8: 875 pixels a side.
    expect(canCacheLayers(square(7000), 0.1, 1)).toBe(true);
    // At zoom 1 the layer would be 7,000 pixels a side.
    expect(canCacheLayers(square(7000), 1, 1)).toBe(false);
  });

  it('counts the screen pixels, and leaves a margin for labels and edges beyond node centres', () => {
    expect(canCacheLayers(square(3000), 1, 1)).toBe(true);
    expect(canCacheLayers(square(3000), 1, 2)).toBe(false);
    expect(canCacheLayers(square(3900), 1, 1)).toBe(false);
  });

  it('says no for a view without a zoom', () => {
    expect(canCacheLayers(square(10), 0, 1)).toBe(false);
  });
});
