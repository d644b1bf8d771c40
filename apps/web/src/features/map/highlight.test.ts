import { expect, it } from 'vitest';
import type { CanvasElements } from '@netmap/graph-canvas';
import type { MapElements } from './elements.ts';
import { elementsFor, withJoiningEdges } from './highlight.ts';

const node = (id: string) => ({ id, label: id, visual: { shape: 'ellipse' as const, color: '#fff' } });
const edge = (id: string, source: string, target: string) => ({
  id,
  source,
  target,
  visual: { color: '#000', lineStyle: 'solid' as const },
});
const elements: CanvasElements = {
  nodes: [node('a'), node('b'), node('c')],
  edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ca', 'c', 'a')],
};

it('adds the edges that join two highlighted nodes, and no others', () => {
  expect(withJoiningEdges(elements, ['a', 'b'])).toEqual(['a', 'b', 'ab']);
  expect(withJoiningEdges(elements, ['c'])).toEqual(['c']);
});

it('finds the elements that stand for model ids, directly or as members', () => {
  const map: MapElements = {
    elements,
    legend: [],
    hidden: { nodes: 0 },
    members: { bc: ['flow-1', 'flow-2'] },
  };
  expect(elementsFor(map, ['a', 'flow-2', 'gone']).sort()).toEqual(['a', 'bc']);
});
