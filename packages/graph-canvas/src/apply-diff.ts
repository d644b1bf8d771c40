import type { Core, ElementDefinition } from 'cytoscape';
import type { RecordDiff } from './diff.ts';
import type { ElementRecord } from './element-records.ts';
import { collectionOf } from './collection-of.ts';
import type { Position } from './placement.ts';

const STRUCTURE = new Set(['id', 'parent', 'source', 'target']);

/**
 * Applies a difference to Cytoscape in an order that never leaves a dangling reference: nodes are
 * added before anything moves into them, children move out of parents before those go, and edges
 * come last. New nodes are added at `positions`; nothing else moves.
 */
export function applyRecordDiff(cy: Core, diff: RecordDiff, positions: ReadonlyMap<string, Position>): void {
  // An id that switched between node and edge is replaced outright.
  const replaced = diff.changed.filter((change) => change.previous.group !== change.next.group);
  const updated = diff.changed.filter((change) => change.previous.group === change.next.group);
  removeById(
    cy,
    replaced.map((change) => change.previous.data.id),
  );
  const added = [...diff.added, ...replaced.map((change) => change.next)];

  cy.add(added.filter(isNode).map((record) => definitionOf(record, positions)));
  for (const { previous, next } of updated) {
    if (next.group !== 'nodes' || previous.group !== 'nodes') continue;
    if (previous.data.parent !== next.data.parent) {
      cy.getElementById(next.data.id).move({ parent: next.data.parent ?? null });
    }
  }
  removeById(
    cy,
    diff.removed.map((record) => record.data.id),
  );
  for (const { previous, next } of updated) updateElement(cy, previous, next);
  cy.add(added.filter((record) => !isNode(record)).map((record) => definitionOf(record, positions)));
}

function updateElement(cy: Core, previous: ElementRecord, next: ElementRecord): void {
  if (next.group === 'edges' && previous.group === 'edges') {
    const { source, target } = next.data;
    if (previous.data.source !== source || previous.data.target !== target) {
      cy.getElementById(next.data.id).move({ source, target });
    }
  }
  // id, parent, source and target are structure, changed above; the rest is plain data.
  const plain = Object.fromEntries(Object.entries(next.data).filter(([key]) => !STRUCTURE.has(key)));
  cy.getElementById(next.data.id).data(plain);
}

function removeById(cy: Core, ids: readonly string[]): void {
  if (ids.length === 0) return;
  cy.remove(collectionOf(cy, ids));
}

function isNode(record: ElementRecord): boolean {
  return record.group === 'nodes';
}

function definitionOf(record: ElementRecord, positions: ReadonlyMap<string, Position>): ElementDefinition {
  const position = positions.get(record.data.id);
  return {
    group: record.group,
    data: { ...record.data },
    ...(record.group === 'nodes' && position ? { position: { ...position } } : {}),
  };
}
