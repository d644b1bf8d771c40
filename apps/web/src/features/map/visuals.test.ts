import { describe, expect, it } from 'vitest';
import type { CanvasElements } from '@netmap/graph-canvas';
import { EDGE_VISUALS, MARKINGS, NODE_VISUALS, edgeVisual, legendFor, nodeVisual } from './visuals.ts';

const meanings = Object.keys(NODE_VISUALS) as (keyof typeof NODE_VISUALS)[];

describe('visuals', () => {
  it('gives every kind of node its own shape and fill, and every edge meaning its own look', () => {
    const nodes = Object.values(NODE_VISUALS).map(({ visual }) => `${visual.shape}|${visual.color}`);
    expect(new Set(nodes).size).toBe(nodes.length);
    const edges = Object.values(EDGE_VISUALS).map(({ visual }) => JSON.stringify(visual));
    expect(new Set(edges).size).toBe(edges.length);
    const labels = [
      ...Object.values(NODE_VISUALS),
      ...Object.values(MARKINGS),
      ...Object.values(EDGE_VISUALS),
    ].map((entry) => entry.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('draws warnings as borders no kind of node has of its own', () => {
    const own = new Set(
      Object.values(NODE_VISUALS).map(({ visual }) => `${visual.borderColor}|${visual.borderStyle}`),
    );
    for (const { border } of Object.values(MARKINGS))
      expect(own.has(`${border.borderColor}|${border.borderStyle}`)).toBe(false);
  });

  it('lists in the legend exactly what is drawn, in table order', () => {
    const elements: CanvasElements = {
      nodes: [
        { id: 'b', label: 'b', visual: nodeVisual('pod', 'no-egress-policy') },
        { id: 'a', label: 'a', visual: nodeVisual('workload', 'no-ingress-policy') },
        { id: 'c', label: 'c', visual: nodeVisual('service-broken') },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', visual: edgeVisual('flow-unknown') }],
    };
    expect(legendFor(elements).map((entry) => entry.label)).toEqual([
      'Workload (its pods as one node)',
      'Pod',
      'Service with no ready endpoints (broken)',
      'No ingress policy (unprotected)',
      'No egress policy (unprotected)',
      'Flow that depends on unknown facts',
    ]);
  });

  it('reads back every meaning from its visual', () => {
    const elements: CanvasElements = {
      nodes: meanings.map((meaning) => ({ id: meaning, label: meaning, visual: nodeVisual(meaning) })),
      edges: [],
    };
    expect(legendFor(elements).map((entry) => entry.label)).toEqual(
      meanings.map((meaning) => NODE_VISUALS[meaning].label),
    );
    expect(legendFor({ nodes: [], edges: [] })).toEqual([]);
  });
});
