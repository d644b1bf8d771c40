import type { Core, CytoscapeOptions } from 'cytoscape';
import type { StyleProfile } from './style.ts';

/** Above either size the canvas trades detail for frame rate (measured with `pnpm bench:web`). */
const LARGE_NODES = 1000;
const LARGE_EDGES = 4000;

/** Renderer settings for every canvas: no motion blur, which smears large graphs while panning. */
export function renderOptions(): Partial<CytoscapeOptions> {
  return { motionBlur: false };
}

/** The level of detail for a graph of this size. */
export function styleProfileFor(nodes: number, edges: number): StyleProfile {
  return nodes > LARGE_NODES || edges > LARGE_EDGES ? 'large' : 'detailed';
}

/** The renderer fields behind Cytoscape's `hideEdgesOnViewport` and `textureOnViewport` options. */
interface ViewportShortcuts {
  hideEdgesOnViewport?: boolean;
  textureOnViewport?: boolean;
}

/**
 * Whether the renderer leaves edges out while the view moves. Cytoscape takes this only as a
 * start option, but reads it from its renderer on every frame; a renderer without it (headless)
 * is left alone. Its other shortcut, a snapshot of the view moved in place of the graph, stays
 * off: a dragged snapshot shows blank where the graph should come into view.
 */
export function setEdgesHiddenInMotion(cy: Core, isHidden: boolean): void {
  const renderer: unknown = (cy as unknown as { renderer?: () => unknown }).renderer?.();
  if (typeof renderer !== 'object' || renderer === null || !('hideEdgesOnViewport' in renderer)) return;
  Object.assign(renderer as ViewportShortcuts, { hideEdgesOnViewport: isHidden, textureOnViewport: false });
}
