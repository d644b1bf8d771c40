import type { Position } from './placement.ts';

/** An axis-aligned box in graph coordinates. */
export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box around these points, grown by `margin` on every side; undefined for no points. */
export function extentAround(points: Iterable<Position>, margin: number): Extent | undefined {
  let extent: Extent | undefined;
  for (const { x, y } of points) {
    if (!extent) extent = { x1: x, y1: y, x2: x, y2: y };
    else {
      extent.x1 = Math.min(extent.x1, x);
      extent.y1 = Math.min(extent.y1, y);
      extent.x2 = Math.max(extent.x2, x);
      extent.y2 = Math.max(extent.y2, y);
    }
  }
  if (!extent) return undefined;
  return { x1: extent.x1 - margin, y1: extent.y1 - margin, x2: extent.x2 + margin, y2: extent.y2 + margin };
}

/**
 * The zoom and pan that show the box in a view of this size with `padding` pixels around it, never
 * zoomed in beyond `maxZoom` (a few nodes would otherwise fill the screen); undefined for a view
 * that has no size, as a headless canvas.
 */
export function fitViewport(
  extent: Extent,
  view: { width: number; height: number },
  padding: number,
  maxZoom: number,
): { zoom: number; pan: Position } | undefined {
  const width = Math.max(extent.x2 - extent.x1, 1);
  const height = Math.max(extent.y2 - extent.y1, 1);
  if (!(view.width > 2 * padding) || !(view.height > 2 * padding)) return undefined;
  const zoom = Math.min(maxZoom, (view.width - 2 * padding) / width, (view.height - 2 * padding) / height);
  const centre = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  return { zoom, pan: { x: view.width / 2 - centre.x * zoom, y: view.height / 2 - centre.y * zoom } };
}
