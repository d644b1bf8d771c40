import { describe, expect, it } from 'vitest';
import { estimateTextWidth, layoutExportFrame } from './export-frame.ts';
import type { ExportOptions, LegendEntry } from './types.ts';

const legend: LegendEntry[] = [
  { label: 'Workload', node: { shape: 'round-rectangle', color: '#93c5fd' } },
  {
    label: 'Unprotected',
    node: { shape: 'round-rectangle', color: '#fff', borderColor: '#dc2626', borderStyle: 'dashed' },
  },
  { label: 'Allowed flow', edge: { color: '#16a34a', lineStyle: 'solid' } },
  { label: 'Denied flow', edge: { color: '#dc2626', lineStyle: 'dotted', arrow: false } },
];
const options: ExportOptions = {
  title: 'prod-eu cluster',
  subtitle: ['Data of 2025-01-01 12:00 UTC', 'Namespace: shop'],
  legend,
};

describe('layoutExportFrame', () => {
  it('stacks the title bar, the graph and the legend, with the graph centred', () => {
    const frame = layoutExportFrame({ width: 800, height: 600 }, options);
    expect(frame.title.text).toBe('prod-eu cluster');
    expect(frame.subtitle.map((line) => line.text)).toEqual(options.subtitle);
    expect(frame.subtitle[0]!.y).toBeGreaterThan(frame.title.y);
    expect(frame.subtitle[1]!.y).toBeGreaterThan(frame.subtitle[0]!.y);
    expect(frame.titleBar.height).toBeGreaterThan(frame.subtitle[1]!.y);
    expect(frame.graph.y).toBeGreaterThan(frame.titleBar.height);
    expect(frame.graph.x * 2 + frame.graph.width).toBeCloseTo(frame.width);
    expect(frame.legendBar!.y).toBeGreaterThanOrEqual(frame.graph.y + frame.graph.height);
    for (const item of frame.legend) expect(item.swatch.y).toBeGreaterThan(frame.legendBar!.y);
    expect(frame.height).toBeGreaterThan(
      Math.max(...frame.legend.map((item) => item.swatch.y + item.swatch.height)),
    );
    expect(frame.background).toBe('#ffffff');
  });

  it('puts legend entries side by side, wrapping them into rows that fit', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...legend[i % legend.length]!,
      label: `Entry number ${i}`,
    }));
    const frame = layoutExportFrame({ width: 300, height: 200 }, { ...options, legend: many });
    const rows = new Set(frame.legend.map((item) => item.swatch.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const item of frame.legend) {
      const right = item.label.x + estimateTextWidth(item.label.text, item.label.size, item.label.weight);
      expect(item.swatch.x).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(frame.width);
    }
    expect(frame.legend[1]!.swatch.x).toBeGreaterThan(frame.legend[0]!.label.x);
  });

  it('grows to fit a long title and keeps a small graph readable', () => {
    const title = 'A very long title that names the cluster, the context and the moment of the data';
    const frame = layoutExportFrame({ width: 100, height: 100 }, { title, legend: [] });
    expect(frame.width).toBeGreaterThanOrEqual(
      estimateTextWidth(title, frame.title.size, 'bold') + 2 * frame.title.x,
    );
    expect(frame.legendBar).toBeUndefined();
    expect(frame.legend).toEqual([]);
    expect(frame.height).toBeGreaterThanOrEqual(frame.graph.y + frame.graph.height);
  });

  it('measures with the function it is given', () => {
    const wide = layoutExportFrame({ width: 10, height: 10 }, options, (text) => text.length * 40);
    const narrow = layoutExportFrame({ width: 10, height: 10 }, options, () => 1);
    expect(wide.width).toBeGreaterThan(narrow.width);
  });

  it('takes the background asked for', () => {
    expect(layoutExportFrame({ width: 10, height: 10 }, { ...options, background: '#000' }).background).toBe(
      '#000',
    );
  });

  it('grows the title and legend with a large graph, so they stay legible when it is scaled to a page', () => {
    const small = layoutExportFrame({ width: 800, height: 600 }, options);
    const large = layoutExportFrame({ width: 5600, height: 3000 }, options);
    expect(large.title.size).toBe(small.title.size * 4);
    expect(large.legend[0]!.label.size).toBe(small.legend[0]!.label.size * 4);
    expect(large.legend[0]!.swatch.height).toBe(small.legend[0]!.swatch.height * 4);
    expect(large.titleBar.height).toBeCloseTo(small.titleBar.height * 4);
  });
});
