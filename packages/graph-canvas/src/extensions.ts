import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

declare module 'cytoscape' {
  /** What `cy.svg()` (cytoscape-svg) takes. */
  interface SvgExportOptions {
    /** The whole graph (true) or the viewport (false, default). */
    full?: boolean;
    /** Multiplies the size; the renderer's pixel ratio is applied on top. */
    scale?: number;
    /** Background colour; transparent when left out. */
    bg?: string;
  }

  interface Core {
    /** An SVG document of the graph, once cytoscape-svg is registered. */
    svg(options?: SvgExportOptions): string;
  }
}

let isLayoutRegistered = false;
let svgExport: 'not loaded' | 'loading' | 'ready' | 'failed' = 'not loaded';

/** Registers the fcose layout with Cytoscape, once per page. */
export function registerLayout(): void {
  if (isLayoutRegistered) return;
  cytoscape.use(fcose);
  isLayoutRegistered = true;
}

/**
 * Starts loading the SVG export (cytoscape-svg), which touches `window` as soon as it is evaluated
 * and so is only loaded where there is one: by canvases on a page, in the background.
 */
export function loadSvgExport(): void {
  if (svgExport !== 'not loaded') return;
  svgExport = 'loading';
  import('cytoscape-svg').then(
    (module) => {
      cytoscape.use(module.default);
      svgExport = 'ready';
    },
    () => {
      svgExport = 'failed';
    },
  );
}

/** Throws unless `cy.svg()` can be called. */
export function assertSvgExportReady(): void {
  if (svgExport === 'ready') return;
  throw new Error(
    svgExport === 'failed'
      ? 'the SVG export could not be loaded'
      : svgExport === 'loading'
        ? 'the SVG export is still loading: try again in a moment'
        : 'the SVG export needs a canvas on a page',
  );
}
