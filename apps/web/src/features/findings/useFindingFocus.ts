import { useCallback, useMemo, useState } from 'react';
import type { GraphCanvas } from '@netmap/graph-canvas';
import type { Finding, Topology } from '@netmap/model';
import type { MapElements } from '../map/elements.ts';
import { elementsFor } from '../map/highlight.ts';
import { findingTargets } from './finding-targets.ts';

interface Focus {
  findingId: string;
  /** The selection the pick left: the focus lasts while it stays selected. */
  anchor: string | null;
  nodeIds: string[];
}

/**
 * The finding picked in the findings list: its first object is selected, all its objects are
 * highlighted and brought into view, and its NetworkPolicy (if any) is shown. Selecting something
 * else ends the focus, as a new selection ends a reach question.
 */
export function useFindingFocus(options: {
  model: Topology | undefined;
  map: MapElements | undefined;
  canvas: GraphCanvas | null;
  selected: string | null;
  onSelect: (id: string) => void;
  onShowPolicy: (policy: string) => void;
}) {
  const { model, map, canvas, selected, onSelect, onShowPolicy } = options;
  const [focus, setFocus] = useState<Focus | null>(null);
  const current = focus && focus.anchor === selected ? focus : null;

  const pick = useCallback(
    (finding: Finding) => {
      if (!model) return;
      const targets = findingTargets(finding, model.nodes);
      const first = targets.nodeIds[0];
      if (targets.policies[0]) onShowPolicy(targets.policies[0]);
      if (first) onSelect(first);
      setFocus({ findingId: finding.id, anchor: first ?? selected, nodeIds: targets.nodeIds });
      const drawn = map ? elementsFor(map, targets.nodeIds) : [];
      if (drawn.length > 0) canvas?.fit(drawn);
    },
    [model, map, canvas, selected, onSelect, onShowPolicy],
  );

  const highlight = useMemo(
    () => (current && map && current.nodeIds.length > 0 ? elementsFor(map, current.nodeIds) : null),
    [current, map],
  );
  return { activeId: current?.findingId ?? null, highlight, pick };
}
