import type { CanvasElements } from '@netmap/graph-canvas';
import type { MapElements } from './elements.ts';

/** The given node ids on screen, plus the edges that join two of them: a route or an answer drawn. */
export function withJoiningEdges(elements: CanvasElements, nodeIds: readonly string[]): string[] {
  const nodes = new Set(nodeIds);
  const edges = elements.edges.filter((edge) => nodes.has(edge.source) && nodes.has(edge.target));
  return [...nodes, ...edges.map((edge) => edge.id)];
}

/** The elements on screen that stand for any of these model ids (themselves, or as members). */
export function elementsFor(map: MapElements, modelIds: readonly string[]): string[] {
  const wanted = new Set(modelIds);
  const found = new Set<string>();
  for (const element of [...map.elements.nodes, ...map.elements.edges]) {
    if (wanted.has(element.id)) found.add(element.id);
  }
  for (const [element, members] of Object.entries(map.members)) {
    if (members.some((member) => wanted.has(member))) found.add(element);
  }
  return [...found];
}
