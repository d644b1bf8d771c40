import { describe, expect, it } from 'vitest';
import { fittingScale } from './export.ts';

describe('fittingScale', () => {
  it('keeps the scale asked for while the image stays drawable', () => {
    expect(fittingScale({ width: 2000, height: 1500 }, 2)).toBe(2);
  });

  it('lowers it to keep the longest side and the pixel count within what browsers draw', () => {
    expect(fittingScale({ width: 20_000, height: 100 }, 2) * 20_000).toBeCloseTo(16_384);
    const scale = fittingScale({ width: 7000, height: 7000 }, 2);
    expect(7000 * scale * 7000 * scale).toBeCloseTo(64_000_000, -3);
  });
});
