import { describe, expect, it } from 'vitest';
import { toElementRecords } from './element-records.ts';
import { labelFootprint } from './label-footprint.ts';
import { computeLayout } from './layout.ts';
import { headlessCanvas, testEdge, testNode } from './test-elements.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';

/** Namespaces collapsed into nodes with long captions, IP ranges, and flows between most of them. */
function collapsedCluster(): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const nodes: CanvasNode[] = [];
  for (let i = 0; i < 15; i++)
    nodes.push(
      testNode(`namespace-${i}`, undefined, {
        caption: `${50 + i} workloads · ${150 + i} pods · ${60 + i} services · 1 ingress · ${i} unprotected`,
      }),
    );
  for (let i = 0; i < 12; i++) nodes.push(testNode(`10.${i}.0.0/24`, undefined, { caption: 'IP range' }));
  const edges: CanvasEdge[] = [];
  for (const [i, from] of nodes.entries())
    for (const [j, to] of nodes.slice(0, 15).entries())
      if ((i * 7 + j * 3) % 4 !== 0 && i !== j) edges.push(testEdge(from.id, to.id));
  return { nodes, edges };
}

describe('computeLayout: room for labels', () => {
  it('keeps nodes with long labels clear of each other, even with flows between most of them', () => {
    const elements = collapsedCluster();
    const positions = computeLayout(toElementRecords(elements).values(), 1);
    const boxes = elements.nodes.map((node) => {
      const { x, y } = positions.get(node.id)!;
      const { width, height } = labelFootprint(`${node.label}\n${node.caption}`);
      // The node's top edge, then its label underneath; the ends of neighbouring labels may touch.
      return { x1: x - width / 2 + 10, x2: x + width / 2 - 10, y1: y - 15, y2: y - 15 + height };
    });
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) => Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1),
        ),
    );
    expect(overlapping).toEqual([]);
  });

  it('keeps compound boxes apart when their nodes have long labels and flows across boxes', () => {
    const nodes: CanvasNode[] = [];
    const edges: CanvasEdge[] = [];
    for (let box = 0; box < 3; box++) {
      nodes.push(testNode(`node-${box}`));
      for (let pod = 0; pod < 10; pod++)
        nodes.push(
          testNode(`team/checkout-7d9f8c6b5d-${box}x${pod}`, `node-${box}`, {
            caption: `10.244.${box}.${pod}`,
          }),
        );
    }
    const pods = nodes.filter((node) => node.parent !== undefined);
    for (const [i, from] of pods.entries())
      for (const to of pods.slice(i + 1))
        if ((i + to.id.length) % 3 === 0) edges.push(testEdge(from.id, to.id));
    const cy = headlessCanvas().cy;
    cy.add([
      ...nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, parent: node.parent } })),
    ]);
    const positions = computeLayout(toElementRecords({ nodes, edges }).values(), 1);
    cy.nodes().forEach((node) => void (node.isChildless() && node.position(positions.get(node.id())!)));
    const boxes = [0, 1, 2].map((box) => cy.getElementById(`node-${box}`).boundingBox({}));
    cy.destroy();
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1),
        ).toBe(false);
  });

  it('lays two edges between the same nodes out as one', () => {
    const nodes = [testNode('a'), testNode('b'), testNode('c')];
    const once = computeLayout(toElementRecords({ nodes, edges: [testEdge('a', 'b')] }).values(), 1);
    const twice = computeLayout(
      toElementRecords({ nodes, edges: [testEdge('a', 'b'), testEdge('b', 'a')] }).values(),
      1,
    );
    expect(twice).toEqual(once);
  });
});
