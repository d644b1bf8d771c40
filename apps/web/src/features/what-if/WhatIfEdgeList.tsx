import type { CanvasEdge } from '@netmap/graph-canvas';

/**
 * The what-if edges drawn on the graph, as text for screen readers and tests (the canvas itself
 * is hidden from them): each edge's ends, what it stands for, and its ports.
 */
export function WhatIfEdgeList(props: { edges: readonly CanvasEdge[] }) {
  if (props.edges.length === 0) return null;
  return (
    <ul className="visually-hidden" aria-label="What-if edges">
      {props.edges.map((edge) => (
        <li
          key={edge.id}
          data-source={edge.source}
          data-target={edge.target}
          data-change={edge.id.startsWith('what-if:added:') ? 'added' : 'removed'}
        >
          {edge.source} → {edge.target} ({edge.label})
        </li>
      ))}
    </ul>
  );
}
