import { describe, expect, it } from 'vitest';
import { extentAround, fitViewport } from './viewport.ts';

describe('extentAround', () => {
  it('bounds the points with a margin, and nothing without points', () => {
    expect(
      extentAround(
        [
          { x: 0, y: 10 },
          { x: 100, y: -20 },
        ],
        5,
      ),
    ).toEqual({ x1: -5, y1: -25, x2: 105, y2: 15 });
    expect(extentAround([], 5)).toBeUndefined();
  });
});

describe('fitViewport', () => {
  it('centres the box and zooms it to the tighter side', () => {
    const fit = fitViewport({ x1: 0, y1: 0, x2: 1000, y2: 200 }, { width: 540, height: 440 }, 20, 2)!;
    expect(fit.zoom).toBe(0.5);
    // The box's centre (500, 100) lands on the view's centre (270, 220).
    expect(fit.pan.x + 500 * fit.zoom).toBeCloseTo(270);
    expect(fit.pan.y + 100 * fit.zoom).toBeCloseTo(220);
  });

  it('does not zoom in beyond the cap, nor fit a view without size', () => {
    expect(fitViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, { width: 800, height: 600 }, 30, 1.25)!.zoom).toBe(
      1.25,
    );
    expect(fitViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, { width: 0, height: 0 }, 30, 1.25)).toBeUndefined();
  });
});
