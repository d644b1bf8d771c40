import { isAlias, isCollection, isNode, isPair } from 'yaml';
import type { Alias, Node, Pair } from 'yaml';

/** Deepest nesting of mappings and sequences accepted; real objects stay far below (CRDs reach ~30). */
export const MAX_NESTING_DEPTH = 100;

/** Why a document was refused, and the node to point the user at. */
export type NestingProblem =
  { type: 'too-deep'; node: Node | Pair } | { type: 'recursive-alias' | 'unknown-alias'; node: Alias };

interface Frame {
  node: Node | Pair;
  children: unknown[];
  next: number;
  /** Levels of collections below this node, found so far. */
  height: number;
}

/**
 * Finds nesting deeper than `maxDepth` collections (counting what aliases expand to), an alias to a
 * node enclosing it (a cycle), or an alias without an anchor before it. Iterative, so hostile input
 * cannot overflow the stack here; run it before `toJS`, which recurses.
 */
export function checkNesting(root: unknown, maxDepth = MAX_NESTING_DEPTH): NestingProblem | undefined {
  const walk = new NestingWalk(maxDepth);
  return isCollection(root) || isPair(root) ? walk.run(root) : undefined;
}

class NestingWalk {
  private readonly anchors = new Map<string, Node>(); // anchor → latest node carrying it so far
  private readonly heights = new Map<Node | Pair, number>(); // completed anchored node → its height
  private readonly stack: Frame[] = [];
  private depth = 0; // collections on the current path

  constructor(private readonly maxDepth: number) {}

  run(root: Node | Pair): NestingProblem | undefined {
    let problem = this.enter(root);
    while (!problem && this.stack.length > 0) {
      const frame = this.stack[this.stack.length - 1] as Frame;
      if (frame.next === frame.children.length) {
        this.leave(frame);
        continue;
      }
      const child = frame.children[frame.next];
      frame.next += 1;
      if (isCollection(child) || isPair(child)) problem = this.enter(child);
      else if (isAlias(child)) problem = this.followAlias(frame, child);
      else if (isNode(child) && child.anchor) this.anchors.set(child.anchor, child);
    }
    return problem;
  }

  private enter(node: Node | Pair): NestingProblem | undefined {
    if (isNode(node) && node.anchor) this.anchors.set(node.anchor, node);
    if (isCollection(node)) this.depth += 1;
    if (this.depth > this.maxDepth) return { type: 'too-deep', node };
    const children = isCollection(node) ? node.items : isPair(node) ? [node.key, node.value] : [];
    this.stack.push({ node, children, next: 0, height: 0 });
    return undefined;
  }

  private leave(frame: Frame): void {
    this.stack.pop();
    const counts = isCollection(frame.node) ? 1 : 0;
    this.depth -= counts;
    const height = frame.height + counts;
    if (isNode(frame.node) && frame.node.anchor) this.heights.set(frame.node, height);
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.height = Math.max(parent.height, height);
  }

  // An alias stands for its anchored node: it nests as deep as that node does.
  private followAlias(frame: Frame, alias: Alias): NestingProblem | undefined {
    const source = this.anchors.get(alias.source);
    if (!source) return { type: 'unknown-alias', node: alias };
    if (this.stack.some((open) => open.node === source)) return { type: 'recursive-alias', node: alias };
    const height = this.heights.get(source) ?? 0;
    if (this.depth + height > this.maxDepth) return { type: 'too-deep', node: alias };
    frame.height = Math.max(frame.height, height);
    return undefined;
  }
}
