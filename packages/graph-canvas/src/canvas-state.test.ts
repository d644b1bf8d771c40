import { afterEach, describe, expect, it, vi } from 'vitest';
import { headlessCanvas, testNode, threeNamespaces } from './test-elements.ts';
import type { GraphCanvas } from './types.ts';

let canvas: GraphCanvas | undefined;
afterEach(() => {
  canvas?.destroy();
  vi.useRealTimers();
});

function drawn() {
  const made = headlessCanvas();
  canvas = made.canvas;
  made.canvas.setElements(threeNamespaces());
  const withClass = (name: string) =>
    made.cy
      .elements(`.${name}`)
      .map((element) => element.id())
      .sort();
  return { ...made, withClass };
}

describe('setSelection', () => {
  it('marks exactly the given elements, replacing the previous selection', () => {
    const { canvas, withClass } = drawn();
    canvas.setSelection(['alpha/w0', 'alpha/w0>alpha/w1']);
    expect(withClass('selected')).toEqual(['alpha/w0', 'alpha/w0>alpha/w1']);
    canvas.setSelection(['beta']);
    expect(withClass('selected')).toEqual(['beta']);
    canvas.setSelection([]);
    expect(withClass('selected')).toEqual([]);
  });

  it('selects an element that arrives after it was asked for', () => {
    const { canvas, withClass } = drawn();
    canvas.setSelection(['late']);
    const elements = threeNamespaces();
    canvas.setElements({ ...elements, nodes: [...elements.nodes, testNode('late')] });
    expect(withClass('selected')).toEqual(['late']);
  });
});

describe('setHighlight', () => {
  it('highlights exactly the given ids, keeps their parents undimmed and dims the rest', () => {
    const { cy, canvas, withClass } = drawn();
    canvas.setHighlight(['alpha/w0', 'beta/w0', 'alpha/w0>beta/w0']);
    expect(withClass('highlighted')).toEqual(['alpha/w0', 'alpha/w0>beta/w0', 'beta/w0']);
    const undimmed = cy
      .elements()
      .filter((element) => !element.hasClass('dimmed'))
      .map((element) => element.id())
      .sort();
    expect(undimmed).toEqual(['alpha', 'alpha/w0', 'alpha/w0>beta/w0', 'beta', 'beta/w0']);
  });

  it('clears both classes with null', () => {
    const { canvas, withClass } = drawn();
    canvas.setHighlight(['gamma/w1']);
    canvas.setHighlight(null);
    expect(withClass('highlighted')).toEqual([]);
    expect(withClass('dimmed')).toEqual([]);
  });

  it('dims elements that arrive while a highlight is on', () => {
    const { canvas, withClass } = drawn();
    canvas.setHighlight(['gamma/w1']);
    const elements = threeNamespaces();
    canvas.setElements({ ...elements, nodes: [...elements.nodes, testNode('late')] });
    expect(withClass('dimmed')).toContain('late');
  });
});

describe('flash', () => {
  it('pulses the class on and off and removes it within about a second', () => {
    vi.useFakeTimers();
    const { canvas, withClass } = drawn();
    canvas.flash(['alpha/w1', 'alpha/w1>alpha/w2']);
    expect(withClass('flash')).toEqual(['alpha/w1', 'alpha/w1>alpha/w2']);
    vi.advanceTimersByTime(400);
    expect(withClass('flash')).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(withClass('flash')).toEqual(['alpha/w1', 'alpha/w1>alpha/w2']);
    vi.advanceTimersByTime(500);
    expect(withClass('flash')).toEqual([]);
  });

  it('lets a later flash of the same element run its full course', () => {
    vi.useFakeTimers();
    const { canvas, withClass } = drawn();
    canvas.flash(['beta/w2']);
    vi.advanceTimersByTime(900);
    canvas.flash(['beta/w2']);
    vi.advanceTimersByTime(200);
    expect(withClass('flash')).toEqual(['beta/w2']);
    vi.advanceTimersByTime(1000);
    expect(withClass('flash')).toEqual([]);
  });

  it('stops pulsing when the canvas is destroyed', () => {
    vi.useFakeTimers();
    const { canvas } = drawn();
    canvas.flash(['beta/w2']);
    canvas.destroy();
    expect(() => vi.advanceTimersByTime(2000)).not.toThrow();
  });
});

describe('events', () => {
  it('selects what was tapped, and nothing on a tap on the background', () => {
    const { cy, canvas } = drawn();
    const selected: (string | null)[] = [];
    canvas.on('select', (id) => selected.push(id));
    cy.getElementById('alpha/w1').emit('tap');
    cy.getElementById('alpha/w0>beta/w0').emit('tap');
    cy.emit('tap');
    expect(selected).toEqual(['alpha/w1', 'alpha/w0>beta/w0', null]);
  });

  it('asks for a node’s actions on a right click, at its page position', () => {
    const { cy, canvas } = drawn();
    const asked: [string, { x: number; y: number }][] = [];
    canvas.on('context', (id, position) => asked.push([id, position]));
    const node = cy.getElementById('beta/w3');
    node.emit('cxttap');
    cy.getElementById('alpha/w0>beta/w0').emit('cxttap');
    expect(asked).toEqual([['beta/w3', node.renderedPosition()]]);
  });

  it('brings the label of the node under the pointer to the front, even when too small to show', () => {
    const { cy, withClass } = drawn();
    const node = cy.getElementById('beta/w2');
    node.emit('mouseover');
    expect(withClass('hovered')).toEqual(['beta/w2']);
    expect(node.style('min-zoomed-font-size')).toBe('0px');
    expect(Number(node.style('z-index'))).toBeGreaterThan(
      Number(cy.getElementById('beta/w1').style('z-index')),
    );
    node.emit('mouseout');
    expect(withClass('hovered')).toEqual([]);
  });

  it('stops calling a handler once it unsubscribed', () => {
    const { cy, canvas } = drawn();
    const calls: (string | null)[] = [];
    const off = canvas.on('select', (id) => calls.push(id));
    cy.getElementById('beta').emit('tap');
    off();
    cy.getElementById('gamma').emit('tap');
    expect(calls).toEqual(['beta']);
  });
});
