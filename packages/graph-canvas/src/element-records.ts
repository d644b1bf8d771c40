import type { CanvasEdge, CanvasElements, CanvasNode, LineStyle, NodeShape, NodeVisual } from './types.ts';

/** What a node carries in Cytoscape: flat data that the stylesheet maps to looks. */
export interface NodeData {
  id: string;
  parent?: string;
  /** The label and, on a second line, the caption. */
  label: string;
  shape: NodeShape;
  color: string;
  borderColor: string;
  borderStyle: LineStyle;
  borderWidth: number;
}

/** What an edge carries in Cytoscape. */
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  color: string;
  lineStyle: LineStyle;
  width: number;
  arrow: 'triangle' | 'none';
}

export type ElementRecord = { group: 'nodes'; data: NodeData } | { group: 'edges'; data: EdgeData };

/** The border of a node whose visual names none. */
export const DEFAULT_BORDER = '#64748b';

/** A border given by the caller is drawn heavier than the default one, since it marks a state. */
export function borderWidthOf(visual: NodeVisual): number {
  return visual.borderColor !== undefined || (visual.borderStyle ?? 'solid') !== 'solid' ? 2.5 : 1;
}

/** A node's Cytoscape data. */
export function toNodeData(node: CanvasNode, parent: string | undefined): NodeData {
  const { visual } = node;
  return {
    id: node.id,
    ...(parent === undefined ? {} : { parent }),
    label: node.caption ? `${node.label}\n${node.caption}` : node.label,
    shape: visual.shape,
    color: visual.color,
    borderColor: visual.borderColor ?? DEFAULT_BORDER,
    borderStyle: visual.borderStyle ?? 'solid',
    borderWidth: borderWidthOf(visual),
  };
}

/** An edge's Cytoscape data, with the contract's defaults filled in. */
export function toEdgeData(edge: CanvasEdge): EdgeData {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.label ?? '',
    color: edge.visual.color,
    lineStyle: edge.visual.lineStyle,
    width: edge.visual.width ?? 1.5,
    arrow: edge.visual.arrow === false ? 'none' : 'triangle',
  };
}

/**
 * The elements as Cytoscape records by id, in id order so that input order never matters. Input
 * Cytoscape would reject is mended rather than thrown at the page: a repeated id keeps its first
 * element, a parent that is missing (or would make a cycle) is dropped, and an edge whose end is
 * missing is left out.
 */
export function toElementRecords(elements: CanvasElements): Map<string, ElementRecord> {
  const nodes = new Map<string, CanvasNode>();
  for (const node of elements.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const records = new Map<string, ElementRecord>();
  for (const node of [...nodes.values()].sort(byId)) {
    records.set(node.id, { group: 'nodes', data: toNodeData(node, soundParent(node, nodes)) });
  }
  for (const edge of [...elements.edges].sort(byId)) {
    if (records.has(edge.id) || !nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    records.set(edge.id, { group: 'edges', data: toEdgeData(edge) });
  }
  return records;
}

/** The node's parent if it exists and the chain of parents above it never comes back to the node. */
function soundParent(node: CanvasNode, nodes: ReadonlyMap<string, CanvasNode>): string | undefined {
  if (node.parent === undefined || !nodes.has(node.parent)) return undefined;
  const seen = new Set<string>();
  for (
    let id: string | undefined = node.parent;
    id !== undefined && !seen.has(id);
    id = nodes.get(id)?.parent
  ) {
    if (id === node.id) return undefined;
    seen.add(id);
  }
  return node.parent;
}

/** Orders by id, by code unit, the same in every locale. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
