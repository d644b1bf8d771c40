import { describe, expect, it } from 'vitest';
import { legendSwatch } from './legend-swatch.ts';
import { dashPattern, nodeShapePath } from './swatch-geometry.ts';
import type { NodeShape } from './types.ts';

const box = { x: 10, y: 20, width: 16, height: 16 };
const corners = (path: string) =>
  [...path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('nodeShapePath', () => {
  it.each<[NodeShape, number[][]]>([
    [
      'rectangle',
      [
        [10, 20],
        [26, 20],
        [26, 36],
        [10, 36],
      ],
    ],
    [
      'diamond',
      [
        [18, 20],
        [26, 28],
        [18, 36],
        [10, 28],
      ],
    ],
    [
      'triangle',
      [
        [18, 20],
        [26, 36],
        [10, 36],
      ],
    ],
    [
      'hexagon',
      [
        [10, 28],
        [14, 20],
        [22, 20],
        [26, 28],
        [22, 36],
        [14, 36],
      ],
    ],
    [
      'tag',
      [
        [10, 20],
        [20, 20],
        [26, 28],
        [20, 36],
        [10, 36],
      ],
    ],
  ])('draws a %s through its corners', (shape, expected) => {
    expect(corners(nodeShapePath(shape, box))).toEqual(expected);
  });

  it('draws round shapes with arcs that stay in the box', () => {
    for (const shape of ['ellipse', 'round-rectangle'] as const) {
      const path = nodeShapePath(shape, box);
      expect(path).toContain('A');
      const numbers = [...path.matchAll(/-?[\d.]+/g)].map(Number);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(36);
    }
  });

  it('rounds the corners of a large box by at most 8, as Cytoscape does', () => {
    const path = nodeShapePath('round-rectangle', { x: 0, y: 0, width: 400, height: 200 });
    expect(path.startsWith('M8 0H392A8 8 0 0 1 400 8')).toBe(true);
  });
});

describe('legend swatches', () => {
  it('draws a node in a square in the middle of a wide box, with its border style', () => {
    const swatch = legendSwatch(
      { label: 'x', node: { shape: 'rectangle', color: '#fff', borderColor: '#f00', borderStyle: 'dashed' } },
      { x: 0, y: 0, width: 30, height: 16 },
    );
    expect(swatch).toMatchObject({ kind: 'node', fill: '#fff', stroke: '#f00', dash: dashPattern('dashed') });
    expect(swatch.kind === 'node' && corners(swatch.path)[0]).toEqual([7, 0]);
  });

  it('draws an edge as a line with an arrowhead unless it has none', () => {
    const withArrow = legendSwatch(
      { label: 'e', edge: { color: '#0a0', lineStyle: 'solid' } },
      { x: 0, y: 0, width: 30, height: 16 },
    );
    expect(withArrow).toMatchObject({ kind: 'edge', stroke: '#0a0', strokeWidth: 1.5, dash: [] });
    expect(withArrow.kind === 'edge' && withArrow.arrow).toBeTruthy();
    const bare = legendSwatch(
      { label: 'e', edge: { color: '#0a0', lineStyle: 'dotted', arrow: false, width: 3 } },
      { x: 0, y: 0, width: 30, height: 16 },
    );
    expect(bare).toMatchObject({ kind: 'edge', strokeWidth: 3, line: { x1: 0, x2: 30 } });
    expect(bare.kind === 'edge' && bare.arrow).toBeUndefined();
  });

  it('draws lines and dashes in proportion to a larger swatch', () => {
    const entry = { label: 'e', edge: { color: '#0a0', lineStyle: 'dashed' as const } };
    const small = legendSwatch(entry, { x: 0, y: 0, width: 30, height: 16 });
    const large = legendSwatch(entry, { x: 0, y: 0, width: 60, height: 32 });
    expect(large.kind === 'edge' && large.strokeWidth).toBe(
      2 * (small.kind === 'edge' ? small.strokeWidth : 0),
    );
    expect(large.dash).toEqual(small.dash.map((value) => value * 2));
  });

  it('draws a compound entry as a light box across the swatch', () => {
    const swatch = legendSwatch(
      { label: 'Namespace', node: { shape: 'ellipse', color: '#94a3b8' }, compound: true },
      { x: 0, y: 0, width: 30, height: 16 },
    );
    expect(swatch).toMatchObject({ kind: 'node', fill: '#94a3b8' });
    expect(swatch.kind === 'node' && swatch.fillOpacity).toBeLessThan(0.5);
    expect(swatch.kind === 'node' && swatch.path.startsWith('M7.5 0')).toBe(false);
    expect(swatch.kind === 'node' && swatch.path).toContain('H26');
  });
});
