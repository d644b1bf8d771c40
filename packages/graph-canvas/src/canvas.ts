import cytoscape, { type Core } from 'cytoscape';
import { applyRecordDiff } from './apply-diff.ts';
import { bindCanvasEvents } from './canvas-events.ts';
import { collectionOf } from './collection-of.ts';
import { diffRecords } from './diff.ts';
import { toElementRecords, type ElementRecord } from './element-records.ts';
import { createEmitter } from './emitter.ts';
import { exportFramedPng, exportFramedSvg } from './export.ts';
import { fitTo } from './fit.ts';
import { createFlasher } from './flash.ts';
import { computeLayout } from './layout.ts';
import { positionsForNewNodes } from './new-node-positions.ts';
import { createMotionDetail } from './motion-detail.ts';
import { renderOptions, styleProfileFor } from './performance.ts';
import type { Position } from './placement.ts';
import { applyHighlight, applySelection } from './state-classes.ts';
import { buildStylesheet, type StyleProfile } from './style.ts';
import type { CanvasEvents, GraphCanvas } from './types.ts';

/** How a canvas is made. */
export interface GraphCanvasOptions {
  /** Seeds the layout's random source (default 1): the same seed and elements, the same picture. */
  seed?: number;
}

/**
 * A Cytoscape canvas in `container`, or a headless one (no drawing, no exports) without it, as
 * in tests.
 */
export function createGraphCanvas(
  container: HTMLElement | undefined,
  options: GraphCanvasOptions = {},
): GraphCanvas {
  return bindGraphCanvas(createCytoscape(container), options);
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
  const emitter = createEmitter<CanvasEvents>();
  const flasher = createFlasher(cy);
  const motion = createMotionDetail(cy);
  let records = new Map<string, ElementRecord>();
  let selection: readonly string[] = [];
  let highlight: readonly string[] | null = null;
  let profile: StyleProfile = 'detailed';
  bindCanvasEvents(cy, emitter);

  const placeAll = (positions: ReadonlyMap<string, Position>) => {
    cy.nodes()
      .filter((node) => node.isChildless())
      .positions((node) => positions.get(node.id()) ?? node.position());
  };
  /** Switches the stylesheet before elements come in, so that no element is styled twice. */
  const restyleFor = (next: ReadonlyMap<string, ElementRecord>) => {
    let nodes = 0;
    for (const record of next.values()) if (record.group === 'nodes') nodes++;
    const wanted = styleProfileFor(nodes, next.size - nodes);
    if (wanted === profile) return;
    profile = wanted;
    cy.style(buildStylesheet(profile));
  };

  return {
    setElements(elements) {
      if (cy.destroyed()) return { added: [], removed: [], changed: [] };
      const next = toElementRecords(elements);
      const diff = diffRecords(records, next);
      const isFreshLayout = isMostlyNew(cy.nodes().length, next, diff.added);
      const positions = isFreshLayout
        ? computeLayout(next.values(), seed)
        : positionsForNewNodes(cy, next, diff.added);
      restyleFor(next);
      cy.batch(() => {
        applyRecordDiff(cy, diff, positions);
        if (isFreshLayout) placeAll(positions);
        if (selection.length > 0) applySelection(cy, selection);
        if (highlight !== null) applyHighlight(cy, highlight);
      });
      records = next;
      if (isFreshLayout) fitTo(cy, cy.elements());
      motion.update(profile);
      const ids = (list: readonly ElementRecord[]) => list.map((record) => record.data.id);
      return {
        added: ids(diff.added),
        removed: ids(diff.removed),
        changed: diff.changed.map((change) => change.next.data.id),
      };
    },
    setSelection(ids) {
      selection = [...ids];
      if (!cy.destroyed()) applySelection(cy, selection);
    },
    setHighlight(ids) {
      highlight = ids === null ? null : [...ids];
      if (!cy.destroyed()) applyHighlight(cy, highlight);
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
      if (cy.destroyed()) return;
      const positions = computeLayout(records.values(), seed);
      cy.batch(() => placeAll(positions));
      fitTo(cy, cy.elements());
      motion.update(profile);
    },
    exportPng: (exportOptions) => exportFramedPng(cy, exportOptions),
    exportSvg: (exportOptions) => exportFramedSvg(cy, exportOptions),
    on: (event, handler) => emitter.on(event, handler),
    destroy() {
      if (cy.destroyed()) return;
      flasher.dispose();
      motion.dispose();
      emitter.clear();
      cy.destroy();
    },
  };
}

/**
 * Whether a new element set is mostly new nodes (the first one, or another grouping or filter):
 * then it is laid out afresh, since placing most nodes beside the few that stay makes a heap. A
 * live change adds a few nodes and keeps everything else where it is.
 */
function isMostlyNew(
  shownNodes: number,
  next: Map<string, ElementRecord>,
  added: readonly ElementRecord[],
): boolean {
  const addedNodes = added.filter((record) => record.group === 'nodes').length;
  if (addedNodes === 0) return false;
  if (shownNodes === 0) return true;
  let nextNodes = 0;
  for (const record of next.values()) if (record.group === 'nodes') nextNodes++;
  return addedNodes > nextNodes / 2;
}
