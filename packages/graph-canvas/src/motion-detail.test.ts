import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { fakeClock } from './fake-clock.ts';
import { createMotionDetail } from './motion-detail.ts';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

/** A canvas whose frames the test draws: a pan, then its frame, drawn in `ms`. */
function moving() {
  cy = cytoscape({ headless: true, styleEnabled: true });
  const time = fakeClock();
  const state = { isHidden: false };
  const detail = createMotionDetail(cy, time.clock, (isHidden) => (state.isHidden = isHidden));
  const draw = (ms: number) => {
    time.wait(ms);
    cy!.emit('render');
    time.frame();
  };
  const pan = (ms: number) => {
    cy!.panBy({ x: 5, y: 0 });
    draw(ms);
  };
  /** Frames without a change, each drawn in `ms`, as the renderer draws once the view settles. */
  const settle = (ms: number) => {
    for (let i = 0; i < 12; i++) draw(ms);
  };
  return { cy, detail, state, pan, settle };
}

describe('createMotionDetail', () => {
  it('keeps edges while frames are fast', () => {
    const { state, pan } = moving();
    for (let i = 0; i < 5; i++) pan(10);
    expect(state.isHidden).toBe(false);
  });

  it('leaves edges out of motion after a slow frame, until a settled picture is fast again', () => {
    const { state, pan, settle } = moving();
    pan(10);
    pan(120);
    expect(state.isHidden).toBe(true);
    settle(200);
    pan(10);
    expect(state.isHidden).toBe(true);
    settle(10);
    expect(state.isHidden).toBe(false);
  });

  it('leaves edges of a large graph out of motion when zoomed in too far to cache it', () => {
    const { cy, detail, state } = moving();
    cy.add([
      { group: 'nodes', data: { id: 'a' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b' }, position: { x: 7000, y: 7000 } },
    ]);
    cy.zoom(0.1);
    detail.update('large');
    expect(state.isHidden).toBe(false);
    cy.zoom(1);
    expect(state.isHidden).toBe(true);
    detail.update('detailed');
    expect(state.isHidden).toBe(false);
  });
});
