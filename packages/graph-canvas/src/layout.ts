import cytoscape, { type EdgeSingular, type NodeSingular } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import type { ElementRecord } from './element-records.ts';
import { registerLayout } from './extensions.ts';
import { labelFootprint, MIN_FOOTPRINT } from './label-footprint.ts';
import type { Position } from './placement.ts';
import { withSeededRandom } from './seeded-random.ts';
import { COMPOUND_PADDING } from './style.ts';

/**
 * Springs along edges between different compound nodes, far weaker than those inside one: with
 * full-strength springs, many edges across compounds pull their boxes over each other (a third of
 * the boxes' area at 500 nodes in 10 boxes; none at this strength, up to 2,000 nodes in 40).
 * Between nodes in no compound (namespaces collapsed into nodes, the outside), springs are weak
 * too: dozens of nodes with flows between most of them are otherwise pulled over each other.
 */
const ACROSS_COMPOUNDS_ELASTICITY = 0.01;
const WITHIN_COMPOUND_ELASTICITY = 0.45;
const TOP_LEVEL_ELASTICITY = 0.05;
const DEFAULT_AREA = MIN_FOOTPRINT.width * MIN_FOOTPRINT.height;
const IDEAL_EDGE_LENGTH = 150;
const NODE_REPULSION = 30000;

/**
 * fcose's settings: room for each node's label (see `labelFootprint`), compound boxes kept apart,
 * and no animation.
 */
export function layoutOptions(): FcoseLayoutOptions {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    uniformNodeDimensions: false,
    nodeSeparation: 110,
    // Nodes in no compound with larger labels push harder, so that their labels keep clear of
    // their neighbours. (Inside compounds, harder pushing grows the boxes into each other.)
    nodeRepulsion: (node: NodeSingular) =>
      node.data('parent') === undefined
        ? (NODE_REPULSION *
            (node.data('footprintWidth') as number) *
            (node.data('footprintHeight') as number)) /
          DEFAULT_AREA
        : NODE_REPULSION,
    // Edges between nodes with wide labels are longer, for the same reason.
    idealEdgeLength: (edge: EdgeSingular) =>
      IDEAL_EDGE_LENGTH +
      ((edge.source().data('footprintWidth') as number) + (edge.target().data('footprintWidth') as number)) /
        2 -
      MIN_FOOTPRINT.width,
    edgeElasticity: (edge: EdgeSingular) =>
      elasticityOf(edge.source().data('parent'), edge.target().data('parent')),
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
      { selector: 'node', style: { width: 'data(footprintWidth)', height: 'data(footprintHeight)' } },
      { selector: ':parent', style: { padding: `${COMPOUND_PADDING}px` } },
    ],
    elements: onePerPair(sorted).map(({ group, data }) => {
      if (group === 'edges') return { group, data: { ...data } };
      const footprint = labelFootprint(data.label);
      return { group, data: { ...data, footprintWidth: footprint.width, footprintHeight: footprint.height } };
    }),
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

function elasticityOf(sourceParent: string | undefined, targetParent: string | undefined): number {
  if (sourceParent !== targetParent) return ACROSS_COMPOUNDS_ELASTICITY;
  return sourceParent === undefined ? TOP_LEVEL_ELASTICITY : WITHIN_COMPOUND_ELASTICITY;
}

/**
 * The records with one edge per pair of nodes, either way: flows of several verdicts, or both
 * ways, between the same two nodes would pull them together as many times over.
 */
function onePerPair(records: readonly ElementRecord[]): ElementRecord[] {
  const pairs = new Set<string>();
  return records.filter((record) => {
    if (record.group === 'nodes') return true;
    const { source, target } = record.data;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (pairs.has(pair)) return false;
    pairs.add(pair);
    return true;
  });
}

function groupRank(record: ElementRecord): number {
  return record.group === 'nodes' ? 0 : 1;
}
