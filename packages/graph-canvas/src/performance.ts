import type { CytoscapeOptions } from 'cytoscape';
import type { StyleProfile } from './style.ts';

/** Above either size the stylesheet drops curves and edge labels (see `pnpm bench:web`). */
const LARGE_NODES = 1000;
const LARGE_EDGES = 4000;

/** Renderer settings for every canvas: no motion blur, which smears large graphs while panning. */
export function renderOptions(): Partial<CytoscapeOptions> {
  return { motionBlur: false };
}

/** The stylesheet's level of detail for a graph of this size. */
export function styleProfileFor(nodes: number, edges: number): StyleProfile {
  return nodes > LARGE_NODES || edges > LARGE_EDGES ? 'large' : 'detailed';
}
