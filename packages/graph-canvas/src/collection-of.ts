import type { CollectionReturnValue, Core } from 'cytoscape';

/** The elements with these ids that are on the canvas, as one collection. */
export function collectionOf(cy: Core, ids: readonly string[]): CollectionReturnValue {
  const collection = cy.collection();
  for (const id of ids) collection.merge(cy.getElementById(id));
  return collection;
}
