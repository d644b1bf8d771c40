import { describe, expect, it } from 'vitest';
import { labelFootprint, MIN_FOOTPRINT } from './label-footprint.ts';

describe('labelFootprint', () => {
  it('gives a short label the least room', () => {
    expect(labelFootprint('db')).toEqual(MIN_FOOTPRINT);
  });

  it('grows with the widest line, up to where labels wrap', () => {
    const one = labelFootprint('recommendation\nDeployment · 2 pods');
    expect(one.width).toBeGreaterThan(MIN_FOOTPRINT.width);
    const wider = labelFootprint(`namespace\n${'x'.repeat(80)}`);
    expect(wider.width).toBeGreaterThan(one.width);
    expect(labelFootprint(`namespace\n${'x'.repeat(200)}`).width).toBe(wider.width);
  });

  it('grows with the lines, wrapped ones included', () => {
    const two = labelFootprint('a\nb');
    const four = labelFootprint(`namespace\n${'x'.repeat(30)}\nc`);
    expect(four.height).toBeGreaterThan(two.height);
    expect(labelFootprint('a\nb\nc\nd').height).toBe(four.height);
  });
});
