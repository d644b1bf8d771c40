import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CanvasElements, CanvasEvents, GraphCanvas } from '@netmap/graph-canvas';
import { MapView } from './MapView.tsx';

/** The canvas MapView made, with its handlers, so a test can play the canvas's part. */
const made: { canvas?: GraphCanvas; handlers: Partial<CanvasEvents>; elements: CanvasElements[] } = {
  handlers: {},
  elements: [],
};

vi.mock('@netmap/graph-canvas', () => ({
  createGraphCanvas: () => {
    made.handlers = {};
    made.elements = [];
    made.canvas = {
      setElements: (elements: CanvasElements) => {
        made.elements.push(elements);
        return { added: [], removed: [], changed: [] };
      },
      setSelection: () => {},
      setHighlight: () => {},
      on: <E extends keyof CanvasEvents>(event: E, handler: CanvasEvents[E]) => {
        made.handlers[event] = handler;
        return () => delete made.handlers[event];
      },
      destroy: () => {},
    } as unknown as GraphCanvas;
    return made.canvas;
  },
}));

const elements: CanvasElements = {
  nodes: [{ id: 'a', label: 'frontend', visual: { shape: 'ellipse', color: '#fff' } }],
  edges: [],
};

function showMap() {
  return render(
    <MapView elements={elements} selected={null} highlight={null} onSelect={() => {}} onContext={() => {}} />,
  );
}

describe('MapView', () => {
  it('hands the elements to its canvas and lists the nodes for screen readers', () => {
    showMap();
    expect(made.elements).toEqual([elements]);
    expect(screen.getByRole('list', { name: 'Graph nodes' }).textContent).toBe('frontend');
  });

  it('says so while a large graph is laid out', () => {
    showMap();
    expect(screen.queryByText(/Laying out/)).toBeNull();
    act(() => made.handlers.layout?.({ nodes: 2040, isDone: false }));
    expect(screen.getByText('Laying out 2,040 nodes…')).toBeTruthy();
    act(() => made.handlers.layout?.({ nodes: 2040, isDone: true }));
    expect(screen.queryByText(/Laying out/)).toBeNull();
  });
});
