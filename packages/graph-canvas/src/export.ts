import type { Core } from 'cytoscape';
import { estimateTextWidth, layoutExportFrame } from './export-frame.ts';
import { canvasTextMeasure, composePng } from './export-png.ts';
import { composeSvg } from './export-svg.ts';
import { renderGraphSvg } from './svg-graph.ts';
import type { ExportOptions } from './types.ts';

/**
 * The largest PNG made: browsers refuse canvases far beyond 16,384 pixels a side, and 64 M pixels
 * (8,000 square) is already more than a printed page can show while encoding in seconds.
 */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64_000_000;

/** The whole graph as a framed PNG: title bar, graph at print resolution, legend. */
export async function exportFramedPng(cy: Core, options: ExportOptions): Promise<Blob> {
  const graph = graphSize(cy);
  const frame = layoutExportFrame(graph, options, canvasTextMeasure());
  const scale = fittingScale(frame, options.scale ?? 2);
  const image =
    graph.width > 0 && graph.height > 0
      ? withEveryLabel(cy, () =>
          cy.png({
            output: 'blob-promise',
            full: true,
            bg: frame.background,
            // Sizes rather than `scale`, so that the screen's pixel ratio does not multiply them.
            maxWidth: graph.width * scale,
            maxHeight: graph.height * scale,
          }),
        )
      : undefined;
  return composePng(frame, await image, scale);
}

/** The whole graph as a framed SVG document. */
export function exportFramedSvg(cy: Core, options: ExportOptions): string {
  const graph = graphSize(cy);
  const frame = layoutExportFrame(graph, options, estimateTextWidth);
  const svg = graph.width > 0 && graph.height > 0 ? renderGraphSvg(cy) : '';
  return composeSvg(frame, svg);
}

/** The scale asked for, lowered where the image would be too large for the browser to draw. */
export function fittingScale(size: { width: number; height: number }, wanted: number): number {
  const bySide = MAX_SIDE / Math.max(size.width, size.height, 1);
  const byArea = Math.sqrt(MAX_PIXELS / Math.max(size.width * size.height, 1));
  return Math.min(wanted, bySide, byArea);
}

function graphSize(cy: Core): { width: number; height: number } {
  if (cy.elements().empty()) return { width: 0, height: 0 };
  const box = cy.elements().boundingBox();
  return { width: Math.ceil(box.w), height: Math.ceil(box.h) };
}

/**
 * Runs an export at zoom 1: Cytoscape leaves out labels that are small at the current zoom, and an
 * export of a zoomed-out view would lose them all. The view is put back before anything redraws.
 */
function withEveryLabel<T>(cy: Core, run: () => T): T {
  const zoom = cy.zoom();
  const pan = cy.pan();
  cy.viewport({ zoom: 1, pan });
  try {
    return run();
  } finally {
    cy.viewport({ zoom, pan });
  }
}
