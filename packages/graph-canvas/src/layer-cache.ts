import type { Extent } from './viewport.ts';

/**
 * Cytoscape's canvas renderer keeps a still graph as cached bitmaps ("layers") at the power of two
 * of the zoom just above it, and moves them while the view moves, for next to nothing a frame. A
 * layer spans the whole graph and may not pass 4000 × 4000 pixels (nor 32,767 on a side); beyond
 * that the renderer draws every element on every frame.
 */
const MAX_LAYER_AREA = 4000 * 4000;
const MAX_LAYER_SIDE = 32_767;
/** Labels, compound boxes and edges reach past the node centres the extent is measured by. */
const SAFETY = 0.8;

/** Whether the renderer can hold a graph of this extent (graph units) in layers at this zoom. */
export function canCacheLayers(extent: Extent, zoom: number, pixelRatio: number): boolean {
  if (!(zoom > 0)) return false;
  const scale = 2 ** Math.ceil(Math.log2(zoom * pixelRatio));
  const width = (extent.x2 - extent.x1) * scale;
  const height = (extent.y2 - extent.y1) * scale;
  return width * height <= MAX_LAYER_AREA * SAFETY && Math.max(width, height) <= MAX_LAYER_SIDE * SAFETY;
}
