import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

let isLayoutRegistered = false;

/** Registers the fcose layout with Cytoscape, once per page. */
export function registerLayout(): void {
  if (isLayoutRegistered) return;
  cytoscape.use(fcose);
  isLayoutRegistered = true;
}
