declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  /** Registers `cy.svg()`, which draws the graph through the canvas renderer into SVG. */
  const register: Ext;
  export default register;
}
