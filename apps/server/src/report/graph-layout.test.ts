import { describe, expect, it } from 'vitest';
import { layoutGraph, MAX_BOXES, MAX_RING } from './graph-layout.ts';
import { OUTSIDE, type MatrixCell, type NamespaceMatrix } from './report-data.ts';

function cell(from: string, to: string, reach: MatrixCell['reach'] = 'all'): MatrixCell {
  return {
    from,
    to,
    reach,
    connected: reach === 'none' ? 0 : 1,
    pairs: 1,
    ports: reach === 'none' ? [] : 'all',
    unknownPorts: [],
  };
}

/** A matrix over `names` with the given connected pairs (every other pair: none). */
function matrixOf(names: string[], connected: [string, string][]): NamespaceMatrix {
  const cells = names.flatMap((from) =>
    names
      .filter((to) => !(from === OUTSIDE && to === OUTSIDE))
      .map((to) => cell(from, to, connected.some(([a, b]) => a === from && b === to) ? 'all' : 'none')),
  );
  return {
    namespaces: names,
    workloads: Object.fromEntries(names.filter((n) => n !== OUTSIDE).map((n) => [n, 2])),
    cells,
  };
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `ns-${String(i).padStart(3, '0')}`);

describe('layoutGraph', () => {
  const small = matrixOf(
    [OUTSIDE, 'a', 'b', 'c'],
    [
      [OUTSIDE, 'a'],
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'c'],
    ],
  );
  const layout = layoutGraph(small);

  it('draws few namespaces as boxes, the outside at the top, inside the drawing', () => {
    expect(layout.mode).toBe('boxes');
    expect(layout.nodes.map((n) => n.name)).toEqual([OUTSIDE, 'a', 'b', 'c']);
    const top = layout.nodes[0]!;
    expect(top.x).toBe(layout.width / 2);
    expect(Math.min(...layout.nodes.map((n) => n.y))).toBe(top.y);
    for (const node of layout.nodes) {
      expect(node.x - layout.box.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.x + layout.box.width / 2).toBeLessThanOrEqual(layout.width);
      expect(node.y - layout.box.height / 2).toBeGreaterThanOrEqual(0);
      expect(node.y + layout.box.height / 2).toBeLessThanOrEqual(layout.height);
    }
  });

  it('draws one edge per connected pair of different nodes; a namespace to itself is told on its box', () => {
    expect(layout.edges.map((e) => `${e.cell.from}>${e.cell.to}`)).toEqual([`${OUTSIDE}>a`, 'a>b', 'b>a']);
    expect(layout.nodes.find((n) => n.name === 'c')?.within).toBe('all');
  });

  it('bends the two directions between a pair to opposite sides', () => {
    const [ab, ba] = [layout.edges[1]!, layout.edges[2]!];
    const side = (edge: typeof ab) => {
      const from = layout.nodes.find((n) => n.name === edge.cell.from)!;
      const to = layout.nodes.find((n) => n.name === edge.cell.to)!;
      return Math.sign(
        (to.x - from.x) * (edge.control.y - from.y) - (to.y - from.y) * (edge.control.x - from.x),
      );
    };
    // Both bend to their own left: seen from one fixed direction, to opposite sides.
    expect(side(ab)).toBe(side(ba));
    expect(ab.control).not.toEqual(ba.control);
  });

  it('starts and ends edges on the borders of the boxes', () => {
    const edge = layout.edges[0]!;
    const outside = layout.nodes[0]!;
    const onBorder =
      Math.abs(Math.abs(edge.start.x - outside.x) - layout.box.width / 2) < 0.2 ||
      Math.abs(Math.abs(edge.start.y - outside.y) - layout.box.height / 2) < 0.2;
    expect(onBorder).toBe(true);
  });

  it('is the same for the same matrix', () => {
    expect(layoutGraph(small)).toEqual(layout);
  });

  it('puts many namespaces on a ring of dots', () => {
    const many = layoutGraph(matrixOf(names(MAX_BOXES + 1), [['ns-000', 'ns-001']]));
    expect(many.mode).toBe('ring');
    expect(many.nodes).toHaveLength(MAX_BOXES + 1);
    expect(many.omitted).toBe(0);
  });

  it('draws one line per pair of namespaces on a ring, knowing both directions', () => {
    const ring = layoutGraph(
      matrixOf(names(MAX_BOXES + 1), [
        ['ns-000', 'ns-001'],
        ['ns-001', 'ns-000'],
        ['ns-002', 'ns-003'],
      ]),
    );
    expect(ring.edges.map((e) => [e.cell.from, e.cell.to, e.reverse?.from])).toEqual([
      ['ns-000', 'ns-001', 'ns-001'],
      ['ns-002', 'ns-003', undefined],
    ]);
  });

  it('leaves out the namespaces with the fewest connections past the ring limit, never the outside', () => {
    const all = [OUTSIDE, ...names(MAX_RING + 10)];
    const busy: [string, string][] = [
      [OUTSIDE, 'ns-120'],
      ['ns-125', 'ns-126'],
    ];
    const crowded = layoutGraph(matrixOf(all, busy));
    expect(crowded.nodes).toHaveLength(MAX_RING);
    expect(crowded.omitted).toBe(all.length - MAX_RING);
    const drawn = new Set(crowded.nodes.map((n) => n.name));
    for (const name of [OUTSIDE, 'ns-120', 'ns-125', 'ns-126']) expect(drawn.has(name)).toBe(true);
    expect(crowded.edges).toHaveLength(2);
  });
});
