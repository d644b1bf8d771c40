import cytoscape, { type Core } from 'cytoscape';
import type { BackgroundLayout } from './background-layout.ts';
import { bindCanvasEvents } from './canvas-events.ts';
import { collectionOf } from './collection-of.ts';
import { diffRecords } from './diff.ts';
import { toElementRecords, type ElementRecord } from './element-records.ts';
import { createEmitter } from './emitter.ts';
import { exportFramedPng, exportFramedSvg } from './export.ts';
import { fitTo } from './fit.ts';
import { createFlasher } from './flash.ts';
import { computeLayout } from './layout.ts';
import { countNodes, isMostlyNew } from './layout-plan.ts';
import { defaultBackgroundLayout } from './layout-worker-default.ts';
import { positionsForNewNodes } from './new-node-positions.ts';
import { renderOptions } from './performance.ts';
import { createScene } from './scene.ts';
import { buildStylesheet } from './style.ts';
import type { CanvasEvents, GraphCanvas } from './types.ts';

/** How a canvas is made. */
export interface GraphCanvasOptions {
  /** Seeds the layout's random source (default 1): the same seed and elements, the same picture. */
  seed?: number;
  /**
   * Where large graphs are laid out off the page's thread; `null` lays everything out in the page.
   * By default a canvas on screen uses a Web Worker, a headless one none.
   */
  backgroundLayout?: BackgroundLayout | null;
}

/**
 * A Cytoscape canvas in `container`, or a headless one (no drawing, no exports) without it, as
 * in tests.
 */
export function createGraphCanvas(
  container: HTMLElement | undefined,
  options: GraphCanvasOptions = {},
): GraphCanvas {
  const backgroundLayout = options.backgroundLayout ?? (container ? defaultBackgroundLayout() : null);
  return bindGraphCanvas(createCytoscape(container), { ...options, backgroundLayout });
}

/** The Cytoscape instance a canvas draws with: its stylesheet, interaction and renderer settings. */
export function createCytoscape(container: HTMLElement | undefined): Core {
  return cytoscape({
    ...(container ? { container } : { headless: true, styleEnabled: true }),
    style: buildStylesheet('detailed'),
    // The caller owns the selection: a tap is reported, and marked only when the caller says so.
    autounselectify: true,
    boxSelectionEnabled: false,
    ...renderOptions(),
  });
}

/** The canvas behaviour on a Cytoscape instance the caller made (tests make a headless one). */
export function bindGraphCanvas(cy: Core, options: GraphCanvasOptions = {}): GraphCanvas {
  const seed = options.seed ?? 1;
  const background = options.backgroundLayout ?? null;
  const emitter = createEmitter<CanvasEvents>();
  const flasher = createFlasher(cy);
  const scene = createScene(cy);
  // What the caller asked for last; the scene shows it, unless a background layout is on its way.
  let records = new Map<string, ElementRecord>();
  let pending: { records: Map<string, ElementRecord>; done: Promise<void> } | undefined;
  let jobs = 0;
  bindCanvasEvents(cy, emitter);

  /** Shows `records` as they stand, new nodes placed beside the ones shown. */
  const placeNew = () => {
    const added = diffRecords(scene.shown(), records).added;
    scene.show(records, positionsForNewNodes(cy, records, added), false);
  };
  /** Lays `laidOut` out off the page's thread, showing nothing meanwhile, then shows `records`. */
  const layOutInBackground = (laidOut: Map<string, ElementRecord>, runner: BackgroundLayout) => {
    const job = ++jobs;
    const nodes = countNodes(laidOut);
    scene.clear();
    emitter.emit('layout', { nodes, isDone: false });
    const done = runner.run([...laidOut.values()], seed).then(
      (positions) => {
        if (job !== jobs || cy.destroyed()) return;
        pending = undefined;
        scene.show(laidOut, positions, true);
        if (records !== laidOut) placeNew();
        emitter.emit('layout', { nodes, isDone: true });
      },
      () => {}, // only once destroyed
    );
    pending = { records: laidOut, done };
  };
  /** Lays the caller's set out afresh: large graphs in the background, if the canvas has one. */
  const layOutAfresh = () => {
    if (background && countNodes(records) >= background.minNodes) {
      layOutInBackground(records, background);
      return;
    }
    if (pending) {
      jobs++;
      emitter.emit('layout', { nodes: countNodes(pending.records), isDone: true });
      pending = undefined;
    }
    scene.show(records, computeLayout(records.values(), seed), true);
  };

  return {
    setElements(elements) {
      if (cy.destroyed()) return { added: [], removed: [], changed: [] };
      const next = toElementRecords(elements);
      const reported = diffRecords(records, next);
      records = next;
      // Compared with what is shown, or with what is being laid out.
      const base = pending?.records ?? scene.shown();
      if (isMostlyNew(countNodes(base), next, diffRecords(base, next).added)) layOutAfresh();
      else if (!pending) placeNew();
      const ids = (list: readonly ElementRecord[]) => list.map((record) => record.data.id);
      return {
        added: ids(reported.added),
        removed: ids(reported.removed),
        changed: reported.changed.map((change) => change.next.data.id),
      };
    },
    setSelection(ids) {
      scene.select(ids);
    },
    setHighlight(ids) {
      scene.highlight(ids);
    },
    flash(ids) {
      if (!cy.destroyed()) flasher.flash(ids);
    },
    fit(ids) {
      if (cy.destroyed()) return;
      const target = ids ? collectionOf(cy, ids) : cy.elements();
      fitTo(cy, target);
    },
    async relayout() {
      if (cy.destroyed() || records.size === 0) return;
      layOutAfresh();
      await pending?.done;
    },
    exportPng: (exportOptions) => exportFramedPng(cy, exportOptions),
    exportSvg: (exportOptions) => exportFramedSvg(cy, exportOptions),
    on: (event, handler) => emitter.on(event, handler),
    destroy() {
      if (cy.destroyed()) return;
      jobs++;
      background?.dispose();
      flasher.dispose();
      scene.dispose();
      emitter.clear();
      cy.destroy();
    },
  };
}
