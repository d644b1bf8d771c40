import type { Core, NodeSingular } from 'cytoscape';

/** Marks exactly these elements `selected`. */
export function applySelection(cy: Core, ids: readonly string[]): void {
  cy.batch(() => {
    cy.elements('.selected').removeClass('selected');
    for (const id of ids) cy.getElementById(id).addClass('selected');
  });
}

/**
 * Marks exactly these elements `highlighted` and dims the others, except the compound nodes that
 * hold a highlighted node: a compound's opacity also fades what it holds. `null` clears both.
 */
export function applyHighlight(cy: Core, ids: readonly string[] | null): void {
  cy.batch(() => {
    cy.elements().removeClass('highlighted dimmed');
    if (ids === null) return;
    const highlighted = new Set<string>();
    const holders = new Set<string>();
    for (const id of ids) {
      const element = cy.getElementById(id);
      if (element.empty()) continue;
      highlighted.add(id);
      if (element.isNode()) (element as NodeSingular).ancestors().forEach((a) => void holders.add(a.id()));
    }
    cy.elements().forEach((element) => {
      const id = element.id();
      if (highlighted.has(id)) element.addClass('highlighted');
      else if (!holders.has(id)) element.addClass('dimmed');
    });
  });
}
