import { OUTSIDE, type MatrixCell, type NamespaceMatrix, type Reach } from './report-data.ts';

/** Up to this many nodes are drawn as labelled boxes; more as dots on a ring with their names around it. */
export const MAX_BOXES = 12;
/** Past this many nodes, the namespaces with the fewest connections are left out of the drawing. */
export const MAX_RING = 120;

const WIDTH = 760;
const BOX = { width: 150, height: 46 };

/** A namespace (or the outside) placed in the drawing. */
export interface GraphNode {
  name: string;
  x: number;
  y: number;
  /** Degrees from the positive x axis, clockwise (SVG's y points down). */
  angle: number;
  workloads: number;
  /** How the namespace's own workloads reach each other. */
  within: Reach;
}

/** A connection between two nodes, drawn as a quadratic curve from `start` through `control` to `end`. */
export interface GraphEdge {
  cell: MatrixCell;
  /** On a ring, one line stands for both directions: the other one, when it connects too. */
  reverse?: MatrixCell;
  start: Point;
  control: Point;
  end: Point;
  /** Where a port label goes: on the curve, nearer its start. */
  labelAt: Point;
}

interface Point {
  x: number;
  y: number;
}

/** A deterministic picture of the matrix: the same matrix always gives the same drawing. */
export interface GraphLayout {
  mode: 'boxes' | 'ring';
  width: number;
  height: number;
  box: typeof BOX;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Namespaces left out of a ring that would be too crowded. */
  omitted: number;
}

/**
 * Places the outside and the namespaces on an ellipse (boxes) or a circle (dots), in the matrix's
 * order clockwise from the top, and draws each connected ordered pair as a curve bending to its
 * left, so that the two directions between a pair never overlap.
 */
export function layoutGraph(matrix: NamespaceMatrix): GraphLayout {
  const connected = matrix.cells.filter(
    (c) => c.from !== c.to && (c.reach !== 'none' || c.unknownPorts.length > 0),
  );
  const kept = keepBusiest(matrix.namespaces, connected);
  const mode = kept.length <= MAX_BOXES ? 'boxes' : 'ring';
  const radius =
    mode === 'boxes'
      ? { x: WIDTH / 2 - BOX.width / 2 - 8, y: kept.length <= 4 ? 120 : kept.length <= 8 ? 165 : 210 }
      : { x: 230, y: 230 };
  const margin = mode === 'boxes' ? BOX.height / 2 + 12 : 150;
  const height = Math.round(2 * radius.y + 2 * margin);
  const center = { x: WIDTH / 2, y: height / 2 };
  const within = new Map(matrix.cells.filter((c) => c.from === c.to).map((c) => [c.from, c.reach]));
  const nodes = kept.map((name, i): GraphNode => {
    const angle = -90 + (360 * i) / kept.length;
    const radians = (angle * Math.PI) / 180;
    return {
      name,
      x: round(center.x + radius.x * Math.cos(radians)),
      y: round(center.y + radius.y * Math.sin(radians)),
      angle: round(angle),
      workloads: name === OUTSIDE ? 0 : (matrix.workloads[name] ?? 0),
      within: within.get(name) ?? 'none',
    };
  });
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const edges: GraphEdge[] = [];
  const ringEdges = new Map<string, GraphEdge>();
  for (const cell of connected) {
    const from = byName.get(cell.from);
    const to = byName.get(cell.to);
    if (!from || !to) continue;
    if (mode === 'boxes') {
      edges.push(boxEdge(cell, from, to));
      continue;
    }
    // A ring of many namespaces has no room for two curves and arrowheads per pair: one line each.
    const drawn = ringEdges.get(`${cell.to}\u0000${cell.from}`);
    if (drawn) drawn.reverse = cell;
    else {
      const edge = ringEdge(cell, from, to, center);
      ringEdges.set(`${cell.from}\u0000${cell.to}`, edge);
      edges.push(edge);
    }
  }
  return {
    mode,
    width: WIDTH,
    height,
    box: BOX,
    nodes,
    edges,
    omitted: matrix.namespaces.length - kept.length,
  };
}

/** The nodes to draw: all of them, or the outside and the namespaces with the most connections. */
function keepBusiest(names: readonly string[], connected: readonly MatrixCell[]): string[] {
  if (names.length <= MAX_RING) return [...names];
  const degree = new Map<string, number>();
  for (const cell of connected)
    for (const end of [cell.from, cell.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const ranked = names
    .filter((n) => n !== OUTSIDE)
    .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1));
  const chosen = new Set(ranked.slice(0, names.includes(OUTSIDE) ? MAX_RING - 1 : MAX_RING));
  return names.filter((n) => n === OUTSIDE || chosen.has(n));
}

function boxEdge(cell: MatrixCell, from: GraphNode, to: GraphNode): GraphEdge {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  // Bend to the left of the direction of travel: the reverse connection bends the other way.
  const bend = Math.min(40, 0.14 * length);
  const control = {
    x: (from.x + to.x) / 2 + (dy / length) * bend,
    y: (from.y + to.y) / 2 - (dx / length) * bend,
  };
  const start = boxBorder(from, control);
  // The arrowhead ends a little short of the box, so that it stays visible.
  const end = boxBorder(to, control, 3);
  return { cell, start, control: roundPoint(control), end, labelAt: pointOnCurve(start, control, end, 0.42) };
}

function ringEdge(cell: MatrixCell, from: GraphNode, to: GraphNode, center: Point): GraphEdge {
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const control = roundPoint({ x: (mid.x + center.x) / 2, y: (mid.y + center.y) / 2 });
  const start = { x: from.x, y: from.y };
  const end = { x: to.x, y: to.y };
  return { cell, start, control, end, labelAt: pointOnCurve(start, control, end, 0.5) };
}

/** Where the line from the centre of a box towards `toward` leaves the box (plus `gap`). */
function boxBorder(node: GraphNode, toward: Point, gap = 0): Point {
  const dx = toward.x - node.x;
  const dy = toward.y - node.y;
  const scale = Math.min(
    dx === 0 ? Infinity : (BOX.width / 2 + gap) / Math.abs(dx),
    dy === 0 ? Infinity : (BOX.height / 2 + gap) / Math.abs(dy),
  );
  return roundPoint({ x: node.x + dx * scale, y: node.y + dy * scale });
}

function pointOnCurve(start: Point, control: Point, end: Point, t: number): Point {
  const u = 1 - t;
  return roundPoint({
    x: u * u * start.x + 2 * u * t * control.x + t * t * end.x,
    y: u * u * start.y + 2 * u * t * control.y + t * t * end.y,
  });
}

function roundPoint(point: Point): Point {
  return { x: round(point.x), y: round(point.y) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
