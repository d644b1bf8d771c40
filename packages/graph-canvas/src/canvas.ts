import cytoscape, { type Core } from 'cytoscape';
import { applyRecordDiff } from './apply-diff.ts';
import { bindCanvasEvents } from './canvas-events.ts';
import { collectionOf } from './collection-of.ts';
import { diffRecords } from './diff.ts';
import { toElementRecords, type ElementRecord } from './element-records.ts';
import { createEmitter } from './emitter.ts';
import { exportFramedPng, exportFramedSvg } from './export.ts';
import { loadSvgExport } from './extensions.ts';
import { createFlasher } from './flash.ts';
import { computeLayout } from './layout.ts';
import { positionsForNewNodes } from './new-node-positions.ts';
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

const FIT_PADDING = 30;

/**
 * A Cytoscape canvas in `container`, or a headless one (no drawing, no exports) without it, as
 * in tests.
 */
export function createGraphCanvas(
  container: HTMLElement | undefined,
  options: GraphCanvasOptions = {},
): GraphCanvas {
  if (container) loadSvgExport();
  const cy = cytoscape({
    ...(container ? { container } : { headless: true, styleEnabled: true }),
    style: buildStylesheet('detailed'),
    autounselectify: true,
    boxSelectionEnabled: false,
    ...renderOptions(),
  });
  return bindGraphCanvas(cy, options);
}

/** The canvas behaviour on a Cytoscape instance the caller made (tests make a headless one). */
export function bindGraphCanvas(cy: Core, options: GraphCanvasOptions = {}): GraphCanvas {
  const seed = options.seed ?? 1;
  const emitter = createEmitter<CanvasEvents>();
  const flasher = createFlasher(cy);
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
  const restyle = () => {
    const wanted = styleProfileFor(cy.nodes().length, cy.edges().length);
    if (wanted === profile) return;
    profile = wanted;
    cy.style(buildStylesheet(profile));
  };

  return {
    setElements(elements) {
      if (cy.destroyed()) return { added: [], removed: [], changed: [] };
      const next = toElementRecords(elements);
      const diff = diffRecords(records, next);
      const isFirstLayout = cy.nodes().empty() && diff.added.some((record) => record.group === 'nodes');
      const positions = isFirstLayout
        ? computeLayout(next.values(), seed)
        : positionsForNewNodes(cy, next, diff.added);
      cy.batch(() => {
        applyRecordDiff(cy, diff, positions);
        if (selection.length > 0) applySelection(cy, selection);
        if (highlight !== null) applyHighlight(cy, highlight);
      });
      records = next;
      restyle();
      if (isFirstLayout) cy.fit(undefined, FIT_PADDING);
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
      if (target.nonempty()) cy.fit(target, FIT_PADDING);
    },
    async relayout() {
      if (cy.destroyed()) return;
      const positions = computeLayout(records.values(), seed);
      cy.batch(() => placeAll(positions));
      cy.fit(undefined, FIT_PADDING);
    },
    exportPng: (exportOptions) => exportFramedPng(cy, exportOptions),
    exportSvg: (exportOptions) => exportFramedSvg(cy, exportOptions),
    on: (event, handler) => emitter.on(event, handler),
    destroy() {
      if (cy.destroyed()) return;
      flasher.dispose();
      emitter.clear();
      cy.destroy();
    },
  };
}
