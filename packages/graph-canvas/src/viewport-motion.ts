import type { AnimationManipulation, Core } from 'cytoscape';

/** How long the view must stay still before it counts as settled and is drawn in full… */
const SETTLE_MS = 120;
/** …over at least this many frames: after one slow frame, time alone would say it settled. */
const QUIET_FRAMES = 3;
/** The marker outlasts any motion; it is stopped when the view settles. */
const MARKER_MS = 60 * 60 * 1000;

/** Time and frames, as the canvas's window gives them. */
export interface FrameClock {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

/** The clock of the window the canvas is in; none for a headless canvas. */
export function windowClock(cy: Core): FrameClock | undefined {
  const view = cy.container()?.ownerDocument.defaultView;
  if (!view) return undefined;
  return {
    now: () => view.performance.now(),
    requestFrame: (callback) => view.requestAnimationFrame(callback),
    cancelFrame: (handle) => view.cancelAnimationFrame(handle),
  };
}

/** Turns motion marking on or off; `dispose` stops listening. */
export interface MotionMarker {
  setEnabled(isEnabled: boolean): void;
  dispose(): void;
}

/**
 * Makes every run of viewport changes count as motion, as Cytoscape's own drag, wheel and pinch
 * gestures do. Its renderer leaves edges out (with `hideEdgesOnViewport`) while the viewport is
 * manipulated, which it takes to include any running viewport animation: so the first change
 * starts an empty animation of the viewport, stopped once the view has been still for `SETTLE_MS`
 * and `QUIET_FRAMES`. Pans and zooms made by calls (`fit`, keys, scripts) then cost what a drag
 * costs. When the view settles, the renderer draws everything again and `onSettle` is called.
 */
export function createMotionMarker(cy: Core, clock: FrameClock, onSettle: () => void): MotionMarker {
  let isEnabled = false;
  let marker: AnimationManipulation | undefined;
  let lastChange = 0;
  let quietFrames = 0;
  let frame: number | undefined;

  const settle = () => {
    marker?.stop();
    marker = undefined;
    if (cy.destroyed()) return;
    cy.forceRender();
    onSettle();
  };
  const countFrame = () => {
    frame = undefined;
    if (!marker) return;
    quietFrames++;
    if (quietFrames >= QUIET_FRAMES && clock.now() - lastChange >= SETTLE_MS) settle();
    else frame = clock.requestFrame(countFrame);
  };
  const onViewport = () => {
    if (!isEnabled || cy.destroyed()) return;
    lastChange = clock.now();
    quietFrames = 0;
    // A marker that `cy.stop()` took off the viewport still says it plays: then start a new one.
    if (!marker?.playing() || !cy.animated()) marker = cy.animation({ duration: MARKER_MS }).play();
    frame ??= clock.requestFrame(countFrame);
  };
  const stop = () => {
    if (frame !== undefined) clock.cancelFrame(frame);
    frame = undefined;
    marker?.stop();
    marker = undefined;
  };
  cy.on('viewport', onViewport);
  return {
    setEnabled(next) {
      isEnabled = next;
      if (!next) stop();
    },
    dispose() {
      cy.off('viewport', onViewport);
      stop();
    },
  };
}
