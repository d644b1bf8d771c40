import { useMemo } from 'react';
import type { Topology, WhatIfResult } from '@netmap/model';
import type { MapElements } from '../map/elements.ts';
import { whatIfOverlay, withOverlay } from './overlay.ts';

/** The map as drawn: its elements and legend, with a what-if preview's edges over them when there is one. */
export function useWhatIfMap(
  map: MapElements | undefined,
  model: Topology | undefined,
  result: WhatIfResult | undefined,
) {
  const overlay = useMemo(
    () => (map && model && result ? whatIfOverlay(result.flows, map, model) : null),
    [map, model, result],
  );
  const shown = useMemo(() => (map ? withOverlay(map, overlay) : undefined), [map, overlay]);
  return {
    elements: shown?.elements,
    legend: shown?.legend ?? [],
    edges: overlay?.edges ?? [],
    drawn: { edges: overlay?.edges.length ?? 0, notDrawn: overlay?.notDrawn ?? 0 },
  };
}
