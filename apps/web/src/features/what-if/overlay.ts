import type { CanvasEdge, CanvasElements, LegendEntry } from '@netmap/graph-canvas';
import type { EvaluationDiff, FlowChange, Topology } from '@netmap/model';
import { canvasIds } from '../map/canvas-ids.ts';
import type { MapElements } from '../map/elements.ts';
import { INTERNET_ID, outsideCanvasId } from '../map/outside.ts';
import { mergePorts, portsLabel, type Ports } from '../map/port-list.ts';
import { edgeVisual, legendFor } from '../map/visuals.ts';

/** The edges a what-if preview draws over the map. */
export interface WhatIfOverlay {
  edges: CanvasEdge[];
  /** Flow changes left out because an end of theirs is not on the graph (filtered out, say). */
  notDrawn: number;
}

type Change = 'added' | 'removed';

/** The id of the edge a draft's change draws between two nodes on screen. */
const overlayEdgeId = (change: Change, source: string, target: string) =>
  `what-if:${change}:${source}>${target}`;

/**
 * Maps a draft's added and removed flows to edges between what the map draws: the workload or
 * outside node itself, else what stands for it (the namespace collapsed into one node, the
 * Internet node, its pods when grouping by node). Changes landing on the same two nodes merge
 * into one edge with their ports; changes with an end not on screen are counted, not drawn.
 */
export function whatIfOverlay(
  flows: EvaluationDiff['flows'],
  map: MapElements,
  model: Topology,
): WhatIfOverlay {
  const endsOf = drawnEnds(map, model);
  const merged = new Map<string, { change: Change; source: string; target: string; ports: Ports[] }>();
  let notDrawn = 0;
  const add = (change: Change, flow: FlowChange) => {
    const sources = endsOf(flow.from);
    const targets = endsOf(flow.to);
    if (sources.length === 0 || targets.length === 0) {
      notDrawn++;
      return;
    }
    for (const source of sources)
      for (const target of targets) {
        const id = overlayEdgeId(change, source, target);
        const entry = merged.get(id) ?? { change, source, target, ports: [] };
        entry.ports.push(flow.ports);
        merged.set(id, entry);
      }
  };
  for (const flow of flows.added) add('added', flow);
  for (const flow of flows.removed) add('removed', flow);
  const edges = [...merged].map(([id, { change, source, target, ports }]) => ({
    id,
    source,
    target,
    label: `${change === 'added' ? '+' : '−'} ${portsLabel(mergePorts(ports))}`,
    visual: edgeVisual(change === 'added' ? 'what-if-added' : 'what-if-removed'),
  }));
  return { edges: edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), notDrawn };
}

/** The map's elements and legend with the overlay's edges drawn over them. */
export function withOverlay(
  map: MapElements,
  overlay: WhatIfOverlay | null,
): { elements: CanvasElements; legend: LegendEntry[] } {
  if (!overlay || overlay.edges.length === 0) return { elements: map.elements, legend: map.legend };
  const elements = { nodes: map.elements.nodes, edges: [...map.elements.edges, ...overlay.edges] };
  return { elements, legend: legendFor(elements) };
}

/** For a flow end (`ns/name[Kind]`, an outside peer), the nodes on screen that stand for it. */
function drawnEnds(map: MapElements, model: Topology): (end: string) => string[] {
  const drawn = new Set(map.elements.nodes.map((node) => node.id));
  const standsFor = new Map<string, string[]>();
  for (const [element, members] of Object.entries(map.members)) {
    if (!drawn.has(element)) continue;
    for (const member of members) standsFor.set(member, [...(standsFor.get(member) ?? []), element]);
  }
  const podsOf = new Map<string, string[]>();
  for (const node of Object.values(model.nodes))
    if (node.kind === 'pod' && drawn.has(node.id))
      podsOf.set(node.workload, [...(podsOf.get(node.workload) ?? []), node.id]);
  return (end) => {
    const isOutside = end.endsWith('[External]') || end.startsWith('{');
    const id = isOutside ? `external:${end}` : `workload:${end}`;
    if (drawn.has(id)) return [id];
    const standIns = standsFor.get(id) ?? podsOf.get(id);
    if (standIns) return standIns;
    if (isOutside) {
      // A piece of the outside that only the draft names: the Internet node, when it is one.
      const outside = outsideCanvasId({ kind: 'external', id, name: end });
      return outside === INTERNET_ID && drawn.has(INTERNET_ID) ? [INTERNET_ID] : [];
    }
    const namespace = canvasIds.aggregate(end.slice(0, end.indexOf('/')));
    return drawn.has(namespace) ? [namespace] : [];
  };
}
