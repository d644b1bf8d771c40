import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { Emitter } from './emitter.ts';
import type { CanvasEvents } from './types.ts';

/**
 * Turns Cytoscape's pointer events into the canvas's own: a tap on an element selects it, a tap on
 * the background clears the selection, and a right click (or a long press on a touch screen) on a
 * node asks for its actions at the pointer's page coordinates. A node under the pointer is marked
 * `hovered`.
 */
export function bindCanvasEvents(cy: Core, emitter: Emitter<CanvasEvents>): void {
  cy.on('tap', (event) => {
    if (event.target === cy) emitter.emit('select', null);
  });
  cy.on('tap', 'node, edge', (event) => emitter.emit('select', event.target.id() as string));
  cy.on('cxttap', 'node', (event) =>
    emitter.emit('context', event.target.id() as string, pagePosition(cy, event)),
  );
  cy.on('taphold', 'node', (event) => {
    if (isTouch(event)) emitter.emit('context', event.target.id() as string, pagePosition(cy, event));
  });
  // The node under the pointer shows its label in front (see the stylesheet's `hovered`).
  cy.on('mouseover', 'node', (event) => void event.target.addClass('hovered'));
  cy.on('mouseout', 'node', (event) => void event.target.removeClass('hovered'));
}

/** Where the event happened on the page: the container's place plus the position within it. */
function pagePosition(cy: Core, event: EventObject): { x: number; y: number } {
  const within = event.renderedPosition ?? (event.target as NodeSingular).renderedPosition();
  const container = cy.container();
  if (!container) return { x: within.x, y: within.y };
  const rect = container.getBoundingClientRect();
  const view = container.ownerDocument.defaultView;
  return {
    x: rect.left + (view?.scrollX ?? 0) + within.x,
    y: rect.top + (view?.scrollY ?? 0) + within.y,
  };
}

function isTouch(event: EventObject): boolean {
  return event.originalEvent?.type.startsWith('touch') ?? false;
}
