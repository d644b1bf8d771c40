import type { Core } from 'cytoscape';
import type { BackgroundLayout } from './background-layout.ts';
import { bindGraphCanvas, createCytoscape } from './canvas.ts';
import type { CanvasEdge, CanvasElements, CanvasNode, GraphCanvas } from './types.ts';

/** A node for tests, with a plain visual. */
export function testNode(id: string, parent?: string, extra: Partial<CanvasNode> = {}): CanvasNode {
  return {
    id,
    label: id,
    visual: { shape: 'round-rectangle', color: '#93c5fd' },
    ...(parent === undefined ? {} : { parent }),
    ...extra,
  };
}

/** An edge for tests, named `source>target`. */
export function testEdge(source: string, target: string, extra: Partial<CanvasEdge> = {}): CanvasEdge {
  return {
    id: `${source}>${target}`,
    source,
    target,
    visual: { color: '#16a34a', lineStyle: 'solid' },
    ...extra,
  };
}

/** Three namespaces of four workloads, each calling the next one round the ring, and one across. */
export function threeNamespaces(): CanvasElements {
  const nodes: CanvasNode[] = [];
  const edges: CanvasEdge[] = [];
  for (const ns of ['alpha', 'beta', 'gamma']) {
    nodes.push(testNode(ns, undefined, { visual: { shape: 'round-rectangle', color: '#e2e8f0' } }));
    for (let i = 0; i < 4; i++) nodes.push(testNode(`${ns}/w${i}`, ns));
    for (let i = 0; i < 4; i++) edges.push(testEdge(`${ns}/w${i}`, `${ns}/w${(i + 1) % 4}`));
  }
  edges.push(testEdge('alpha/w0', 'beta/w0'), testEdge('beta/w2', 'gamma/w2'));
  return { nodes, edges };
}

/** The same elements in another order. */
export function shuffled(elements: CanvasElements): CanvasElements {
  return { nodes: [...elements.nodes].reverse(), edges: [...elements.edges].reverse() };
}

/** A headless canvas and the Cytoscape it drives, to look at positions and classes. */
export function headlessCanvas(
  seed?: number,
  backgroundLayout?: BackgroundLayout,
): { cy: Core; canvas: GraphCanvas } {
  const cy = createCytoscape(undefined);
  return {
    cy,
    canvas: bindGraphCanvas(cy, {
      ...(seed === undefined ? {} : { seed }),
      ...(backgroundLayout ? { backgroundLayout } : {}),
    }),
  };
}

/** Every node's position, by id. */
export function positionsOf(cy: Core): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x, y };
  });
  return positions;
}
