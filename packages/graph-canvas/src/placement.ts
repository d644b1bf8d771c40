/** A point in graph (model) coordinates. */
export interface Position {
  x: number;
  y: number;
}

/** The graph after a change, as far as placing its new nodes needs it. */
export interface PlacementInput {
  /** The nodes to place, with the parent each sits in. */
  newNodes: readonly { id: string; parent?: string }[];
  /** Every node's parent after the change. */
  parentOf: ReadonlyMap<string, string | undefined>;
  /** Every node's neighbours through edges after the change. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /** Where the nodes already on the canvas are (compound nodes at the centre of their box). */
  placed: ReadonlyMap<string, Position>;
  /** Where a node with nothing to go by goes. */
  centre: Position;
}

/** How far the first new node sits from its anchor, and how the spiral around an anchor grows. */
const FIRST_RADIUS = 90;
const RADIUS_STEP = 35;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions for new nodes that leave every other node where it is: near the nodes they connect to,
 * inside their parent, or near the centre. Parents are placed before their children, and nodes
 * that share an anchor are spread on a spiral around it, so none lands on another.
 */
export function placeNewNodes(input: PlacementInput): Map<string, Position> {
  const positions = new Map(input.placed);
  const children = childrenByParent(input.parentOf);
  const taken = new Map<string, number>();
  const result = new Map<string, Position>();
  for (const { id } of orderParentsFirst(input.newNodes, input.parentOf)) {
    const anchor = anchorOf(id, input, positions, children);
    const key = `${anchor.x.toFixed(1)},${anchor.y.toFixed(1)}`;
    const turn = taken.get(key) ?? 0;
    taken.set(key, turn + 1);
    const position = aroundAnchor(anchor, turn);
    positions.set(id, position);
    result.set(id, position);
  }
  return result;
}

function anchorOf(
  id: string,
  input: PlacementInput,
  positions: ReadonlyMap<string, Position>,
  children: ReadonlyMap<string, string[]>,
): Position {
  const parent = input.parentOf.get(id);
  const placedAmong = (ids: readonly string[]) => ids.filter((other) => other !== id && positions.has(other));
  if (parent !== undefined && positions.has(parent)) {
    // Inside the parent: near neighbours that share it, else among the siblings, else at its centre.
    const neighbours = placedAmong(input.neighbours.get(id) ?? []);
    const inside = neighbours.filter((other) => input.parentOf.get(other) === parent);
    const siblings = placedAmong(children.get(parent) ?? []);
    return centroid(inside, positions) ?? centroid(siblings, positions) ?? positions.get(parent)!;
  }
  // A new compound goes where the neighbours of everything inside it are.
  const members = [id, ...descendantsOf(id, children)];
  const outside = placedAmong(members.flatMap((member) => input.neighbours.get(member) ?? []));
  return centroid(outside, positions) ?? input.centre;
}

function aroundAnchor(anchor: Position, turn: number): Position {
  const radius = FIRST_RADIUS + RADIUS_STEP * Math.sqrt(turn);
  const angle = turn * GOLDEN_ANGLE;
  return { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
}

function centroid(ids: readonly string[], positions: ReadonlyMap<string, Position>): Position | undefined {
  if (ids.length === 0) return undefined;
  let x = 0;
  let y = 0;
  for (const id of ids) {
    const position = positions.get(id)!;
    x += position.x;
    y += position.y;
  }
  return { x: x / ids.length, y: y / ids.length };
}

function childrenByParent(parentOf: ReadonlyMap<string, string | undefined>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [id, parent] of parentOf) {
    if (parent === undefined) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(id);
    else children.set(parent, [id]);
  }
  return children;
}

function descendantsOf(id: string, children: ReadonlyMap<string, string[]>): string[] {
  const found: string[] = [];
  const queue = [...(children.get(id) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/** Shallower nodes first, then by id, so a parent always has its place before its children. */
function orderParentsFirst<T extends { id: string }>(
  nodes: readonly T[],
  parentOf: ReadonlyMap<string, string | undefined>,
): T[] {
  const depth = (id: string) => {
    let levels = 0;
    for (let parent = parentOf.get(id); parent !== undefined && levels < 64; parent = parentOf.get(parent))
      levels++;
    return levels;
  };
  return [...nodes]
    .map((node) => ({ node, depth: depth(node.id) }))
    .sort((a, b) => a.depth - b.depth || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0))
    .map(({ node }) => node);
}
