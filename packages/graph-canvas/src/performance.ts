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
 * While the user drags or zooms a large graph, draws a snapshot of the view and leaves out edges:
 * thousands of edges cannot be redrawn each frame. Small graphs keep full detail while moving.
 * Cytoscape takes these only as start options, but reads them from its renderer on every frame,
 * and a canvas learns its size only later; a renderer without them (headless) is left alone.
 */
export function applyRenderProfile(cy: Core, profile: StyleProfile): void {
  const renderer: unknown = (cy as unknown as { renderer?: () => unknown }).renderer?.();
  if (typeof renderer !== 'object' || renderer === null || !('textureOnViewport' in renderer)) return;
  const isLarge = profile === 'large';
  Object.assign(renderer as ViewportShortcuts, { hideEdgesOnViewport: isLarge, textureOnViewport: isLarge });
}
