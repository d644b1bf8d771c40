import { afterEach, describe, expect, it } from 'vitest';
import { createGraphCanvas } from './canvas.ts';
import {
  headlessCanvas,
  positionsOf,
  shuffled,
  testEdge,
  testNode,
  threeNamespaces,
} from './test-elements.ts';
import type { GraphCanvas } from './types.ts';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);
const open: GraphCanvas[] = [];
const track = <T extends { canvas: GraphCanvas }>(made: T): T => {
  open.push(made.canvas);
  return made;
};
afterEach(() => open.splice(0).forEach((canvas) => canvas.destroy()));

describe('setElements', () => {
  it('reports everything as added the first time, and nothing when the same set comes again', () => {
    const { canvas } = track(headlessCanvas());
    const elements = threeNamespaces();
    const first = canvas.setElements(elements);
    expect(first.added).toHaveLength(elements.nodes.length + elements.edges.length);
    expect(first.removed).toEqual([]);
    expect(canvas.setElements(shuffled(elements))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports what was added, removed and changed, and draws exactly the new set', () => {
    const { cy, canvas } = track(headlessCanvas());
    const elements = threeNamespaces();
    canvas.setElements(elements);
    const result = canvas.setElements({
      nodes: [...elements.nodes.filter((node) => node.id !== 'gamma/w3'), testNode('alpha/new', 'alpha')].map(
        (node) => (node.id === 'beta/w1' ? { ...node, caption: '2 pods' } : node),
      ),
      edges: [...elements.edges, testEdge('alpha/new', 'alpha/w1')],
    });
    expect(result).toEqual({
      added: ['alpha/new', 'alpha/new>alpha/w1'],
      removed: ['gamma/w2>gamma/w3', 'gamma/w3', 'gamma/w3>gamma/w0'],
      changed: ['beta/w1'],
    });
    expect(cy.getElementById('gamma/w3').empty()).toBe(true);
    expect(cy.getElementById('beta/w1').data('label')).toBe('beta/w1\n2 pods');
    expect(cy.getElementById('alpha/new').parent().first().id()).toBe('alpha');
  });

  it('keeps every existing node where it was when others come and go', () => {
    const { cy, canvas } = track(headlessCanvas());
    const elements = threeNamespaces();
    canvas.setElements(elements);
    const before = positionsOf(cy);
    canvas.setElements({
      nodes: [...elements.nodes.filter((node) => node.id !== 'gamma/w3'), testNode('alpha/new', 'alpha')],
      edges: [...elements.edges, testEdge('alpha/new', 'alpha/w1')],
    });
    const after = positionsOf(cy);
    for (const node of elements.nodes) {
      if (node.id === 'gamma/w3' || !cy.getElementById(node.id).isChildless()) continue;
      expect(after[node.id], node.id).toEqual(before[node.id]);
    }
  });

  it('lays a set of mostly new nodes out afresh, exactly as a new canvas would', () => {
    const { cy, canvas } = track(headlessCanvas());
    canvas.setElements(threeNamespaces());
    // Another grouping: the same workloads in new boxes, under new ids.
    const regrouped = {
      nodes: threeNamespaces().nodes.map((node) => ({
        ...node,
        id: `other:${node.id}`,
        parent: node.parent ? `other:${node.parent}` : undefined,
      })),
      edges: [],
    };
    canvas.setElements(regrouped);
    const fresh = track(headlessCanvas());
    fresh.canvas.setElements(regrouped);
    expect(positionsOf(cy)).toEqual(positionsOf(fresh.cy));
  });

  it('changes no position when only labels and looks change', () => {
    const { cy, canvas } = track(headlessCanvas());
    const elements = threeNamespaces();
    canvas.setElements(elements);
    const before = positionsOf(cy);
    const result = canvas.setElements({
      nodes: elements.nodes.map((node) => ({
        ...node,
        label: `${node.label}!`,
        visual: { ...node.visual, color: '#f00' },
      })),
      edges: elements.edges.map((edge) => ({ ...edge, label: 'TCP 443' })),
    });
    expect(result.changed).toHaveLength(elements.nodes.length + elements.edges.length);
    expect(positionsOf(cy)).toEqual(before);
  });

  it('puts a new node near the node it connects to', () => {
    const { cy, canvas } = track(headlessCanvas());
    const elements = threeNamespaces();
    canvas.setElements(elements);
    canvas.setElements({
      nodes: [...elements.nodes, testNode('loner')],
      edges: [...elements.edges, testEdge('loner', 'gamma/w1')],
    });
    const positions = positionsOf(cy);
    const loner = positions.loner!;
    const toNeighbour = distance(loner, positions['gamma/w1']!);
    for (const far of ['alpha/w0', 'alpha/w2', 'beta/w3']) {
      expect(toNeighbour).toBeLessThan(distance(loner, positions[far]!));
    }
    expect(toNeighbour).toBeGreaterThan(10);
  });

  it('moves a node to another parent, with its edges', () => {
    const { cy, canvas } = track(headlessCanvas());
    const elements = threeNamespaces();
    canvas.setElements(elements);
    const result = canvas.setElements({
      nodes: elements.nodes.map((node) => (node.id === 'alpha/w1' ? { ...node, parent: 'beta' } : node)),
      edges: elements.edges,
    });
    expect(result.changed).toEqual(['alpha/w1']);
    const moved = cy.getElementById('alpha/w1');
    expect(moved.parent().first().id()).toBe('beta');
    expect(
      moved
        .connectedEdges()
        .map((edge) => edge.id())
        .sort(),
    ).toEqual(['alpha/w0>alpha/w1', 'alpha/w1>alpha/w2']);
  });

  it('takes a node out of a parent that goes away, and moves an edge to new ends', () => {
    const { cy, canvas } = track(headlessCanvas());
    canvas.setElements({
      nodes: [testNode('box'), testNode('a', 'box'), testNode('b'), testNode('c')],
      edges: [{ ...testEdge('a', 'b'), id: 'link' }],
    });
    canvas.setElements({
      nodes: [testNode('a'), testNode('b'), testNode('c')],
      edges: [{ ...testEdge('a', 'c'), id: 'link' }],
    });
    expect(cy.getElementById('box').empty()).toBe(true);
    expect(cy.getElementById('a').parent().empty()).toBe(true);
    expect(cy.getElementById('link').target().id()).toBe('c');
  });
});

describe('layout', () => {
  it('gives the same positions for the same elements in any order, in separate canvases', () => {
    const one = track(headlessCanvas());
    const two = track(headlessCanvas());
    one.canvas.setElements(threeNamespaces());
    two.canvas.setElements(shuffled(threeNamespaces()));
    expect(positionsOf(one.cy)).toEqual(positionsOf(two.cy));
  });

  it('puts Math.random back after laying out', () => {
    const original = Math.random;
    track(headlessCanvas()).canvas.setElements(threeNamespaces());
    expect(Math.random).toBe(original);
  });

  it('spreads nodes out rather than stacking them', () => {
    const { cy, canvas } = track(headlessCanvas());
    canvas.setElements(threeNamespaces());
    const leaves = Object.entries(positionsOf(cy)).filter(([id]) => id.includes('/'));
    for (const [i, [, a]] of leaves.entries()) {
      for (const [, b] of leaves.slice(i + 1)) expect(distance(a, b)).toBeGreaterThan(20);
    }
  });

  it('relays out from scratch to what a fresh canvas draws', async () => {
    const grown = track(headlessCanvas());
    const elements = threeNamespaces();
    grown.canvas.setElements({ nodes: elements.nodes.slice(0, 5), edges: [] });
    grown.canvas.setElements(elements);
    await grown.canvas.relayout();
    const fresh = track(headlessCanvas());
    fresh.canvas.setElements(elements);
    expect(positionsOf(grown.cy)).toEqual(positionsOf(fresh.cy));
  });

  it('lays out again when the canvas was emptied', () => {
    const { cy, canvas } = track(headlessCanvas());
    canvas.setElements({ nodes: [], edges: [] });
    canvas.setElements(threeNamespaces());
    const fresh = track(headlessCanvas());
    fresh.canvas.setElements(threeNamespaces());
    expect(positionsOf(cy)).toEqual(positionsOf(fresh.cy));
  });
});

describe('createGraphCanvas', () => {
  it('works headless without a container and stops working once destroyed', () => {
    const canvas = createGraphCanvas(undefined, { seed: 3 });
    expect(canvas.setElements(threeNamespaces()).added.length).toBeGreaterThan(0);
    canvas.setSelection(['alpha']);
    canvas.fit(['alpha']);
    canvas.destroy();
    expect(canvas.setElements(threeNamespaces())).toEqual({ added: [], removed: [], changed: [] });
    expect(() => canvas.destroy()).not.toThrow();
  });
});
