import { afterEach, describe, expect, it } from 'vitest';
import type { BackgroundLayout } from './background-layout.ts';
import type { ElementRecord } from './element-records.ts';
import { computeLayout } from './layout.ts';
import { headlessCanvas, positionsOf, testEdge, testNode, threeNamespaces } from './test-elements.ts';
import type { GraphCanvas, LayoutProgress } from './types.ts';

/** A background layout that answers when the test says so, with the layout the page would compute. */
function manualLayout() {
  const jobs: { records: readonly ElementRecord[]; seed: number; answer: () => void }[] = [];
  let isDisposed = false;
  const layout: BackgroundLayout = {
    minNodes: 5,
    run: (records, seed) =>
      new Promise((resolve) =>
        jobs.push({ records, seed, answer: () => resolve(computeLayout(records, seed)) }),
      ),
    dispose: () => void (isDisposed = true),
  };
  return { layout, jobs, isDisposed: () => isDisposed };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const open: GraphCanvas[] = [];
afterEach(() => open.splice(0).forEach((canvas) => canvas.destroy()));

function backgroundCanvas() {
  const manual = manualLayout();
  const made = headlessCanvas(undefined, manual.layout);
  open.push(made.canvas);
  const progress: LayoutProgress[] = [];
  made.canvas.on('layout', (step) => progress.push(step));
  return { ...made, ...manual, progress };
}

function inPageCanvas() {
  const made = headlessCanvas();
  open.push(made.canvas);
  return made;
}

describe('a large graph laid out in the background', () => {
  it('shows nothing until its layout is done, then the very picture a layout in the page gives', async () => {
    const { cy, canvas, jobs, progress } = backgroundCanvas();
    const result = canvas.setElements(threeNamespaces());
    expect(result.added).toHaveLength(29);
    expect(cy.elements()).toHaveLength(0);
    expect(progress).toEqual([{ nodes: 15, isDone: false }]);
    jobs[0]!.answer();
    await settled();
    expect(progress).toEqual([
      { nodes: 15, isDone: false },
      { nodes: 15, isDone: true },
    ]);
    const inPage = inPageCanvas();
    inPage.canvas.setElements(threeNamespaces());
    expect(positionsOf(cy)).toEqual(positionsOf(inPage.cy));
  });

  it('places what changed meanwhile beside the laid-out nodes, and applies the selection asked for', async () => {
    const { cy, canvas, jobs } = backgroundCanvas();
    const elements = threeNamespaces();
    canvas.setElements(elements);
    canvas.setSelection(['gamma/w1']);
    canvas.setElements({
      nodes: [...elements.nodes, testNode('loner')],
      edges: [...elements.edges, testEdge('loner', 'gamma/w1')],
    });
    expect(jobs).toHaveLength(1);
    jobs[0]!.answer();
    await settled();
    const inPage = inPageCanvas();
    inPage.canvas.setElements(elements);
    const { loner, ...laidOut } = positionsOf(cy);
    expect(laidOut).toEqual(positionsOf(inPage.cy));
    expect(loner).toBeDefined();
    expect(cy.getElementById('gamma/w1').hasClass('selected')).toBe(true);
  });

  it('drops a layout overtaken by a mostly new set', async () => {
    const { cy, canvas, jobs } = backgroundCanvas();
    canvas.setElements(threeNamespaces());
    const other = { nodes: Array.from({ length: 6 }, (_, i) => testNode(`n${i}`)), edges: [] };
    canvas.setElements(other);
    expect(jobs).toHaveLength(2);
    jobs[1]!.answer();
    await settled();
    jobs[0]!.answer();
    await settled();
    expect(cy.nodes().map((node) => node.id())).toEqual(other.nodes.map((node) => node.id));
  });

  it('lays a small graph out in the page at once, ending a layout on its way', async () => {
    const { cy, canvas, jobs, progress } = backgroundCanvas();
    canvas.setElements(threeNamespaces());
    canvas.setElements({ nodes: [testNode('a'), testNode('b')], edges: [testEdge('a', 'b')] });
    expect(cy.nodes()).toHaveLength(2);
    expect(progress.at(-1)).toEqual({ nodes: 15, isDone: true });
    jobs[0]!.answer();
    await settled();
    expect(cy.nodes()).toHaveLength(2);
  });

  it('relays out in the background too, and resolves once shown', async () => {
    const { cy, canvas, jobs } = backgroundCanvas();
    canvas.setElements(threeNamespaces());
    jobs[0]!.answer();
    await settled();
    const before = positionsOf(cy);
    const relaid = canvas.relayout();
    expect(cy.elements()).toHaveLength(0);
    jobs[1]!.answer();
    await relaid;
    expect(positionsOf(cy)).toEqual(before);
  });

  it('lets its layout go when destroyed', () => {
    const { canvas, isDisposed } = backgroundCanvas();
    canvas.setElements(threeNamespaces());
    canvas.destroy();
    expect(isDisposed()).toBe(true);
  });
});
