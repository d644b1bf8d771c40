import type { Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { setEdgesHiddenInMotion, styleProfileFor } from './performance.ts';
import { headlessCanvas, testEdge, testNode } from './test-elements.ts';
import type { GraphCanvas } from './types.ts';

let canvas: GraphCanvas | undefined;
afterEach(() => canvas?.destroy());

describe('styleProfileFor', () => {
  it('keeps full detail up to a thousand nodes and four thousand edges', () => {
    expect(styleProfileFor(1000, 4000)).toBe('detailed');
    expect(styleProfileFor(1001, 10)).toBe('large');
    expect(styleProfileFor(10, 4001)).toBe('large');
  });
});

describe('setEdgesHiddenInMotion', () => {
  it('sets the renderer to leave edges out while the view moves, never with a snapshot', () => {
    const renderer = { hideEdgesOnViewport: undefined, textureOnViewport: true };
    const cy = { renderer: () => renderer } as unknown as Core;
    setEdgesHiddenInMotion(cy, true);
    expect(renderer).toEqual({ hideEdgesOnViewport: true, textureOnViewport: false });
    setEdgesHiddenInMotion(cy, false);
    expect(renderer).toEqual({ hideEdgesOnViewport: false, textureOnViewport: false });
  });

  it('leaves a renderer without them alone', () => {
    const renderer = {};
    setEdgesHiddenInMotion({ renderer: () => renderer } as unknown as Core, true);
    expect(renderer).toEqual({});
  });
});

describe('a canvas growing large', () => {
  // Lays out 100 nodes and styles 4,001 edges: a few seconds on a busy machine.
  it('switches to straight edges without labels or pointer events, and back', { timeout: 20_000 }, () => {
    const made = headlessCanvas();
    canvas = made.canvas;
    // 4,001 edges, each between its own pair of 100 nodes.
    const nodes = Array.from({ length: 100 }, (_, i) => testNode(`n${i}`));
    const pairs = nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => [a.id, b.id] as const));
    const many = pairs
      .slice(0, 4001)
      .map(([a, b], i) => ({ ...testEdge(a, b, { label: 'TCP 80' }), id: `e${i}` }));
    made.canvas.setElements({ nodes, edges: many });
    const edge = () => made.cy.getElementById('e0');
    expect(edge().style('curve-style')).toBe('straight');
    expect(edge().style('label')).toBe('');
    expect(edge().style('events')).toBe('no');
    // Node labels show once legible on screen.
    expect(made.cy.getElementById('n0').style('min-zoomed-font-size')).toBe('8px');
    made.canvas.setElements({ nodes, edges: many.slice(0, 10) });
    expect(edge().style('curve-style')).toBe('bezier');
    expect(edge().style('label')).toBe('TCP 80');
    expect(edge().style('events')).toBe('yes');
    expect(made.cy.getElementById('n0').style('min-zoomed-font-size')).toBe('5px');
  });
});
