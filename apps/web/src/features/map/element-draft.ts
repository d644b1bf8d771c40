import type { CanvasEdge, CanvasElements, CanvasNode } from '@netmap/graph-canvas';
import { compareText } from './compare-text.ts';

/** Canvas elements being drawn, plus the model ids each one stands for. */
export class ElementDraft {
  private readonly nodes = new Map<string, CanvasNode>();
  private readonly edges = new Map<string, CanvasEdge>();
  private readonly members = new Map<string, Set<string>>();

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Adds a node unless one with its id is drawn already. */
  addNode(node: CanvasNode): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  /** Adds an edge between drawn nodes (and no other); the first one with an id wins. */
  addEdge(edge: CanvasEdge): void {
    if (this.edges.has(edge.id) || !this.nodes.has(edge.source) || !this.nodes.has(edge.target)) return;
    this.edges.set(edge.id, edge);
  }

  /** Notes that the element `id` stands for the model's `member` (a folded node, a merged flow). */
  addMember(id: string, member: string): void {
    const set = this.members.get(id) ?? new Set<string>();
    set.add(member);
    this.members.set(id, set);
  }

  /** How many nodes and edges are drawn. */
  get size(): { nodes: number; edges: number } {
    return { nodes: this.nodes.size, edges: this.edges.size };
  }

  /** The elements sorted by id, and what each folded element stands for, sorted. */
  finish(): { elements: CanvasElements; members: Record<string, string[]> } {
    const byId = <T extends { id: string }>(a: T, b: T) => compareText(a.id, b.id);
    const members: Record<string, string[]> = {};
    for (const id of [...this.members.keys()].sort(compareText)) {
      if (this.nodes.has(id) || this.edges.has(id))
        members[id] = [...this.members.get(id)!].sort(compareText);
    }
    return {
      elements: { nodes: [...this.nodes.values()].sort(byId), edges: [...this.edges.values()].sort(byId) },
      members,
    };
  }
}
