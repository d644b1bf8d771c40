import { afterEach, describe, expect, it, vi } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { fakeClock } from './fake-clock.ts';
import { createMotionMarker } from './viewport-motion.ts';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

function marked() {
  cy = cytoscape({ headless: true, styleEnabled: true });
  const time = fakeClock();
  const onSettle = vi.fn();
  const marker = createMotionMarker(cy, time.clock, onSettle);
  marker.setEnabled(true);
  return { cy, time, onSettle, marker };
}

describe('createMotionMarker', () => {
  it('makes a pan by a call count as motion until the view has been still for a while', () => {
    const { cy, time, onSettle } = marked();
    expect(cy.animated()).toBe(false);
    for (let i = 0; i < 20; i++) {
      cy.panBy({ x: 5, y: 0 });
      expect(cy.animated()).toBe(true);
      time.frame();
    }
    for (let i = 0; i < 6; i++) time.frame();
    expect(onSettle).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) time.frame();
    expect(onSettle).toHaveBeenCalledTimes(1);
  });

  it('does not take one slow frame for stillness', () => {
    const { cy, time, onSettle } = marked();
    cy.panBy({ x: 5, y: 0 });
    time.frame(300);
    expect(onSettle).not.toHaveBeenCalled();
    time.frame();
    time.frame();
    expect(onSettle).toHaveBeenCalledTimes(1);
  });

  it('starts a new marker when something stopped every viewport animation', () => {
    const { cy } = marked();
    cy.panBy({ x: 5, y: 0 });
    cy.stop();
    expect(cy.animated()).toBe(false);
    cy.panBy({ x: 5, y: 0 });
    expect(cy.animated()).toBe(true);
  });

  it('marks nothing once turned off', () => {
    const { cy, time, onSettle, marker } = marked();
    marker.setEnabled(false);
    cy.panBy({ x: 5, y: 0 });
    for (let i = 0; i < 10; i++) time.frame();
    expect(cy.animated()).toBe(false);
    expect(onSettle).not.toHaveBeenCalled();
  });
});
