import { useMemo } from 'react';
import type { CanvasEdge, CanvasElements, LegendEntry } from '@netmap/graph-canvas';
import type { Topology, WhatIfResult } from '@netmap/model';
import type { MapElements } from '../map/elements.ts';
import { whatIfOverlay, withOverlay } from './overlay.ts';

/** The map as drawn, with a what-if preview's edges over it when there is one. */
export interface ShownMap {
  elements: CanvasElements | undefined;
  legend: LegendEntry[];
  edges: CanvasEdge[];
  /** The preview's edges and the nodes they join, to bring forward on the graph; null without edges. */
  highlight: string[] | null;
  drawn: { edges: number; notDrawn: number };
}

/** The map's elements and legend, with the preview's edges and their legend rows added. */
export function useWhatIfMap(
  map: MapElements | undefined,
  model: Topology | undefined,
  result: WhatIfResult | undefined,
): ShownMap {
  return useMemo(() => {
    const overlay = map && model && result ? whatIfOverlay(result.flows, map, model) : null;
    const shown = map ? withOverlay(map, overlay) : undefined;
    const edges = overlay?.edges ?? [];
    return {
      elements: shown?.elements,
      legend: shown?.legend ?? [],
      edges,
      highlight:
        edges.length > 0
          ? [...new Set(edges.flatMap((edge) => [edge.source, edge.target])), ...edges.map((edge) => edge.id)]
          : null,
      drawn: { edges: edges.length, notDrawn: overlay?.notDrawn ?? 0 },
    };
  }, [map, model, result]);
}
