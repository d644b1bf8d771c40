import cytoscape, { type EdgeSingular } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import type { ElementRecord } from './element-records.ts';
import { registerLayout } from './extensions.ts';
import type { Position } from './placement.ts';
import { withSeededRandom } from './seeded-random.ts';
import { COMPOUND_PADDING } from './style.ts';

/**
 * Springs along edges between different compound nodes, far weaker than those inside one: with
 * full-strength springs, many edges across compounds pull their boxes over each other (a third of
 * the boxes' area at 500 nodes in 10 boxes; none at this strength, up to 2,000 nodes in 40).
 */
const ACROSS_COMPOUNDS_ELASTICITY = 0.01;
const WITHIN_COMPOUND_ELASTICITY = 0.45;

/**
 * The room a leaf node takes in the layout: the node with its label of two lines underneath. The
 * headless layout instance cannot measure text, so every node reserves this much.
 */
const FOOTPRINT = { width: 80, height: 60 };

/** fcose's settings: room for labels under nodes, compound boxes kept apart, and no animation. */
export function layoutOptions(): FcoseLayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: true,
    nodeSeparation: 110,
    nodeRepulsion: () => 30000,
    idealEdgeLength: () => 150,
    edgeElasticity: (edge: EdgeSingular) =>
      edge.source().data('parent') === edge.target().data('parent')
        ? WITHIN_COMPOUND_ELASTICITY
        : ACROSS_COMPOUNDS_ELASTICITY,
    nestingFactor: 0.1,
    gravity: 0.25,
    gravityCompound: 1.0,
    gravityRangeCompound: 1.5,
    tile: true,
    tilingPaddingVertical: 30,
    tilingPaddingHorizontal: 30,
  };
}

/**
 * Lays the elements out from scratch and returns where every node goes. It works on a headless
 * Cytoscape of its own, filled in id order, so the result depends only on the elements and the
 * seed: not on the order they came in, nor on what the canvas on screen went through before.
 */
export function computeLayout(records: Iterable<ElementRecord>, seed: number): Map<string, Position> {
  registerLayout();
  const sorted = [...records].sort(
    (a, b) => groupRank(a) - groupRank(b) || (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0),
  );
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { width: FOOTPRINT.width, height: FOOTPRINT.height } },
      { selector: ':parent', style: { padding: `${COMPOUND_PADDING}px` } },
    ],
    elements: sorted.map(({ group, data }) => ({ group, data: { ...data } })),
  });
  try {
    if (cy.nodes().nonempty()) withSeededRandom(seed, () => cy.layout(layoutOptions()).run());
    const positions = new Map<string, Position>();
    cy.nodes().forEach((node) => {
      const { x, y } = node.position();
      positions.set(node.id(), { x, y });
    });
    return positions;
  } finally {
    // A headless Cytoscape keeps a timer running until it is destroyed.
    cy.destroy();
  }
}

function groupRank(record: ElementRecord): number {
  return record.group === 'nodes' ? 0 : 1;
}
