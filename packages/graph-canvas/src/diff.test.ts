import { describe, expect, it } from 'vitest';
import { diffRecords, isSameRecord } from './diff.ts';
import { toElementRecords } from './element-records.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';

const node = (id: string, extra: Partial<CanvasNode> = {}): CanvasNode => ({
  id,
  label: id,
  visual: { shape: 'ellipse', color: '#60a5fa' },
  ...extra,
});
const edge = (id: string, source: string, target: string, extra: Partial<CanvasEdge> = {}): CanvasEdge => ({
  id,
  source,
  target,
  visual: { color: '#16a34a', lineStyle: 'solid' },
  ...extra,
});
const ids = (records: { data: { id: string } }[]) => records.map((r) => r.data.id);

describe('diffRecords', () => {
  const before = toElementRecords({
    nodes: [node('ns'), node('a', { parent: 'ns' }), node('b'), node('c')],
    edges: [edge('a>b', 'a', 'b'), edge('b>c', 'b', 'c')],
  });

  it('finds nothing between equal sets given in another order', () => {
    const same = toElementRecords({
      nodes: [node('c'), node('b'), node('a', { parent: 'ns' }), node('ns')],
      edges: [edge('b>c', 'b', 'c'), edge('a>b', 'a', 'b')],
    });
    expect(diffRecords(before, same)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists added, removed and changed elements in id order', () => {
    const after = toElementRecords({
      nodes: [
        node('ns'),
        node('a'),
        node('b', { caption: '3 pods' }),
        node('z'),
        node('d', {
          visual: { shape: 'ellipse', color: '#60a5fa', borderColor: '#dc2626', borderStyle: 'dashed' },
        }),
      ],
      edges: [edge('a>b', 'a', 'b', { label: 'TCP 80' }), edge('d>z', 'd', 'z')],
    });
    const diff = diffRecords(before, after);
    expect(ids(diff.added)).toEqual(['d', 'd>z', 'z']);
    expect(ids(diff.removed)).toEqual(['b>c', 'c']);
    expect(diff.changed.map((c) => c.next.data.id)).toEqual(['a', 'a>b', 'b']);
  });

  it('sees a new parent, new endpoints and a new visual as changes', () => {
    const moved = toElementRecords({
      nodes: [node('ns'), node('a'), node('b', { parent: 'ns' }), node('c')],
      edges: [
        edge('a>b', 'a', 'c'),
        edge('b>c', 'b', 'c', { visual: { color: '#dc2626', lineStyle: 'dashed' } }),
      ],
    });
    expect(diffRecords(before, moved).changed.map((c) => c.next.data.id)).toEqual(['a', 'a>b', 'b', 'b>c']);
  });
});

describe('isSameRecord', () => {
  it('compares group and every data field', () => {
    const [a] = toElementRecords({ nodes: [node('a')], edges: [] }).values();
    const [a2] = toElementRecords({ nodes: [node('a', { label: 'other' })], edges: [] }).values();
    expect(isSameRecord(a!, a!)).toBe(true);
    expect(isSameRecord(a!, a2!)).toBe(false);
  });
});
