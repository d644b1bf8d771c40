import type { Core } from 'cytoscape';
import type { ElementRecord } from './element-records.ts';
import { placeNewNodes, type Position } from './placement.ts';

/**
 * Where the nodes new in `next` go, given where the canvas's current nodes are: the canvas's side
 * of `placeNewNodes`, read before the difference is applied.
 */
export function positionsForNewNodes(
  cy: Core,
  next: ReadonlyMap<string, ElementRecord>,
  added: readonly ElementRecord[],
): Map<string, Position> {
  const newNodes = added.filter((record) => record.group === 'nodes').map((record) => record.data);
  if (newNodes.length === 0) return new Map();
  const parentOf = new Map<string, string | undefined>();
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const record of next.values()) {
    if (record.group === 'nodes') parentOf.set(record.data.id, record.data.parent);
    else {
      link(record.data.source, record.data.target);
      link(record.data.target, record.data.source);
    }
  }
  const placed = new Map<string, Position>();
  cy.nodes().forEach((node) => {
    if (next.get(node.id())?.group !== 'nodes') return;
    const { x, y } = node.position();
    placed.set(node.id(), { x, y });
  });
  return placeNewNodes({ newNodes, parentOf, neighbours, placed, centre: centreOf(cy) });
}

function centreOf(cy: Core): Position {
  if (cy.nodes().empty()) return { x: 0, y: 0 };
  const box = cy.nodes().boundingBox();
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
}
