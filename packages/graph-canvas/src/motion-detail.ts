import type { Core } from 'cytoscape';
import { canCacheLayers } from './layer-cache.ts';
import { setEdgesHiddenInMotion } from './performance.ts';
import type { StyleProfile } from './style.ts';
import { extentAround, type Extent } from './viewport.ts';
import { createMotionMarker, windowClock, type FrameClock } from './viewport-motion.ts';

/** Room around node centres for nodes, labels and compound boxes, in graph units. */
const NODE_MARGIN = 80;
/** A frame slower than this, from a change of the view to its drawing, is too slow to move. */
const SLOW_FRAME_MS = 50;

/** What a canvas draws while its view moves; `update` after the elements or their places change. */
export interface MotionDetail {
  update(profile: StyleProfile): void;
  dispose(): void;
}

/**
 * While the view moves, edges are drawn only as long as that stays fast. A frame found too slow
 * (from a change of the view to its drawing) leaves them out while the view moves, by a drag, the
 * wheel or a call; they are drawn again when it settles. A large graph leaves them out from the
 * start when zoomed in too far for the renderer to move cached bitmaps of it (`canCacheLayers`):
 * thousands of edges would be redrawn every frame. A small graph never gets that slow.
 */
export function createMotionDetail(
  cy: Core,
  clock: FrameClock | undefined = windowClock(cy),
  hideEdges: (isHidden: boolean) => void = (isHidden) => setEdgesHiddenInMotion(cy, isHidden),
): MotionDetail {
  // A headless canvas draws nothing, so nothing moves.
  if (!clock) return { update: () => {}, dispose: () => {} };
  let extent: Extent | undefined;
  let isSlow = false;
  let changedAt: number | undefined;
  let settledAt: number | undefined;
  const decide = () => {
    const isHidden = isSlow || (extent !== undefined && !canCacheLayers(extent, cy.zoom(), pixelRatioOf(cy)));
    hideEdges(isHidden);
  };
  const marker = createMotionMarker(cy, clock, () => {
    settledAt = clock.now();
  });
  const onViewport = () => {
    changedAt ??= clock.now();
  };
  // Whether a frame is fast is known once it is drawn. Edges left out for a slow frame come back
  // only once the full picture drawn when the view settles is fast again: motion often resumes
  // right after it, and while it stays slow, bringing edges back would make every move slow.
  const onRender = () => {
    const now = clock.now();
    const isFast = (since: number) => now - since <= SLOW_FRAME_MS;
    if (settledAt !== undefined && changedAt === undefined && isSlow && isFast(settledAt)) isSlow = false;
    else if (changedAt !== undefined && !isFast(changedAt)) isSlow = true;
    settledAt = undefined;
    changedAt = undefined;
    decide();
  };
  cy.on('viewport', onViewport);
  cy.on('render', onRender);
  cy.on('zoom', decide);
  marker.setEnabled(true);
  return {
    update(profile) {
      extent = profile === 'large' ? leafExtent(cy) : undefined;
      decide();
    },
    dispose() {
      cy.off('viewport', onViewport);
      cy.off('render', onRender);
      cy.off('zoom', decide);
      marker.dispose();
    },
  };
}

function leafExtent(cy: Core): Extent | undefined {
  const points = cy
    .nodes()
    .filter((node) => node.isChildless())
    .nodes()
    .map((node) => node.position());
  return extentAround(points, NODE_MARGIN);
}

function pixelRatioOf(cy: Core): number {
  return cy.container()?.ownerDocument.defaultView?.devicePixelRatio ?? 1;
}
