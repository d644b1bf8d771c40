import { describe, expect, it } from 'vitest';
import { toEdgeData, toElementRecords, toNodeData } from './element-records.ts';
import type { CanvasNode } from './types.ts';

const node = (id: string, parent?: string): CanvasNode => ({
  id,
  label: id,
  visual: { shape: 'round-rectangle', color: '#93c5fd' },
  ...(parent === undefined ? {} : { parent }),
});

describe('toNodeData', () => {
  it('puts the caption on a second line and draws a caller-given border heavier', () => {
    const plain = toNodeData({ ...node('web'), caption: '3 pods' }, undefined);
    expect(plain.label).toBe('web\n3 pods');
    expect(plain.borderWidth).toBe(1);
    const warned = toNodeData(
      {
        ...node('web'),
        visual: { shape: 'ellipse', color: '#fff', borderColor: '#dc2626', borderStyle: 'dashed' },
      },
      undefined,
    );
    expect(warned).toMatchObject({ borderColor: '#dc2626', borderStyle: 'dashed', borderWidth: 2.5 });
  });
});

describe('toEdgeData', () => {
  it('fills in the width, the arrow and an empty label', () => {
    const data = toEdgeData({
      id: 'e',
      source: 'a',
      target: 'b',
      visual: { color: '#000', lineStyle: 'dotted' },
    });
    expect(data).toMatchObject({ width: 1.5, arrow: 'triangle', label: '', lineStyle: 'dotted' });
    const bare = toEdgeData({
      id: 'e',
      source: 'a',
      target: 'b',
      visual: { color: '#000', lineStyle: 'solid', arrow: false, width: 3 },
    });
    expect(bare).toMatchObject({ width: 3, arrow: 'none' });
  });
});

describe('toElementRecords', () => {
  it('orders nodes then edges by id, whatever the input order', () => {
    const records = toElementRecords({
      nodes: [node('b'), node('a')],
      edges: [
        { id: 'y', source: 'a', target: 'b', visual: { color: '#000', lineStyle: 'solid' } },
        { id: 'x', source: 'b', target: 'a', visual: { color: '#000', lineStyle: 'solid' } },
      ],
    });
    expect([...records.keys()]).toEqual(['a', 'b', 'x', 'y']);
  });

  it('mends what Cytoscape would reject', () => {
    const records = toElementRecords({
      nodes: [node('a', 'missing'), node('b', 'c'), node('c', 'b'), node('d', 'b'), node('a', 'd')],
      edges: [
        { id: 'dangling', source: 'a', target: 'nowhere', visual: { color: '#000', lineStyle: 'solid' } },
        { id: 'a', source: 'a', target: 'b', visual: { color: '#000', lineStyle: 'solid' } },
      ],
    });
    expect([...records.keys()]).toEqual(['a', 'b', 'c', 'd']);
    const parentOf = (id: string) => (records.get(id)?.data as { parent?: string }).parent;
    expect(parentOf('a')).toBeUndefined();
    expect(parentOf('b')).toBeUndefined();
    expect(parentOf('c')).toBeUndefined();
    expect(parentOf('d')).toBe('b');
  });
});
