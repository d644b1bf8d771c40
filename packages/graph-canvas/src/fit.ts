import type { Collection, Core } from 'cytoscape';
import type { Position } from './placement.ts';
import { COMPOUND_PADDING, NODE_SIZE } from './style.ts';
import { extentAround, fitViewport } from './viewport.ts';

/** Room around node centres for the node, its label underneath and a compound's padding and title. */
const MARGIN = NODE_SIZE / 2 + 36 + COMPOUND_PADDING;
const PADDING = 30;
/**
 * A handful of nodes is shown at a readable size, not blown up to fill the view; and at most at
 * the zoom where edge labels start to show (Cytoscape shows labels by powers of two of the zoom),
 * so that a fitted view is not buried under port numbers.
 */
const MAX_ZOOM = 1;

/**
 * Fits the view to the elements. It goes by the centres of the leaf nodes involved (a compound by
 * what it holds, an edge by its ends) rather than Cytoscape's bounding boxes, which on a large
 * graph measure every label and edge path first and take seconds.
 */
export function fitTo(cy: Core, elements: Collection): void {
  const nodes = elements.nodes().union(elements.edges().connectedNodes());
  const leaves = nodes
    .union(nodes.descendants())
    .nodes()
    .filter((node) => node.isChildless());
  const points: Position[] = leaves.nodes().map((node) => node.position());
  const extent = extentAround(points, MARGIN);
  if (!extent) return;
  const viewport = fitViewport(extent, { width: cy.width(), height: cy.height() }, PADDING, MAX_ZOOM);
  if (viewport) cy.viewport(viewport);
}
