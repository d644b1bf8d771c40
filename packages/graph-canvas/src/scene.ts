import type { Core } from 'cytoscape';
import { applyRecordDiff } from './apply-diff.ts';
import { diffRecords } from './diff.ts';
import type { ElementRecord } from './element-records.ts';
import { fitTo } from './fit.ts';
import { countNodes } from './layout-plan.ts';
import { createMotionDetail } from './motion-detail.ts';
import { styleProfileFor } from './performance.ts';
import type { Position } from './placement.ts';
import { applyHighlight, applySelection } from './state-classes.ts';
import { buildStylesheet, type StyleProfile } from './style.ts';

/** What the Cytoscape instance shows, and the states asked of it. */
export interface Scene {
  /** The element set on the canvas. */
  shown(): ReadonlyMap<string, ElementRecord>;
  /**
   * Shows exactly `next`: new nodes go to `positions`; laid out afresh (`isFresh`), every node
   * goes there and the view fits the graph.
   */
  show(
    next: ReadonlyMap<string, ElementRecord>,
    positions: ReadonlyMap<string, Position>,
    isFresh: boolean,
  ): void;
  /** Shows nothing, as while a new layout is computed. */
  clear(): void;
  select(ids: readonly string[]): void;
  highlight(ids: readonly string[] | null): void;
  dispose(): void;
}

/**
 * The canvas's side of Cytoscape: applies element sets by their difference, with the stylesheet
 * for their size switched first (so that no element is styled twice), and keeps the selection and
 * highlight asked for, applying them to elements as they come.
 */
export function createScene(cy: Core): Scene {
  const motion = createMotionDetail(cy);
  let shown: ReadonlyMap<string, ElementRecord> = new Map();
  let selection: readonly string[] = [];
  let highlight: readonly string[] | null = null;
  let profile: StyleProfile = 'detailed';

  const restyleFor = (next: ReadonlyMap<string, ElementRecord>) => {
    const nodes = countNodes(next);
    const wanted = styleProfileFor(nodes, next.size - nodes);
    if (wanted === profile) return;
    profile = wanted;
    cy.style(buildStylesheet(profile));
  };
  const placeAll = (positions: ReadonlyMap<string, Position>) => {
    cy.nodes()
      .filter((node) => node.isChildless())
      .positions((node) => positions.get(node.id()) ?? node.position());
  };

  return {
    shown: () => shown,
    show(next, positions, isFresh) {
      if (cy.destroyed()) return;
      restyleFor(next);
      const diff = diffRecords(shown, next);
      cy.batch(() => {
        applyRecordDiff(cy, diff, positions);
        if (isFresh) placeAll(positions);
        if (selection.length > 0) applySelection(cy, selection);
        if (highlight !== null) applyHighlight(cy, highlight);
      });
      shown = next;
      if (isFresh) fitTo(cy, cy.elements());
      motion.update(profile);
    },
    clear() {
      if (cy.destroyed()) return;
      cy.elements().remove();
      shown = new Map();
    },
    select(ids) {
      selection = [...ids];
      if (!cy.destroyed()) applySelection(cy, selection);
    },
    highlight(ids) {
      highlight = ids === null ? null : [...ids];
      if (!cy.destroyed()) applyHighlight(cy, highlight);
    },
    dispose() {
      motion.dispose();
    },
  };
}
