import { borderWidthOf, DEFAULT_BORDER } from './element-records.ts';
import { arrowHeadPath, dashPattern, nodeShapePath, type Box } from './swatch-geometry.ts';
import type { LegendEntry } from './types.ts';

/** What to draw for one legend entry, the same for SVG and canvas. */
export type LegendSwatch =
  | { kind: 'node'; path: string; fill: string; stroke: string; strokeWidth: number; dash: number[] }
  | {
      kind: 'edge';
      line: { x1: number; y1: number; x2: number; y2: number };
      stroke: string;
      strokeWidth: number;
      dash: number[];
      /** The arrowhead, when the edge has one. */
      arrow?: string;
    };

/** A node entry draws its shape in a square in the middle of the box; an edge entry a line across it. */
export function legendSwatch(entry: LegendEntry, box: Box): LegendSwatch {
  if ('node' in entry) {
    const side = Math.min(box.width, box.height);
    const square = {
      x: box.x + (box.width - side) / 2,
      y: box.y + (box.height - side) / 2,
      width: side,
      height: side,
    };
    const { node } = entry;
    return {
      kind: 'node',
      path: nodeShapePath(node.shape, square),
      fill: node.color,
      stroke: node.borderColor ?? DEFAULT_BORDER,
      strokeWidth: Math.min(borderWidthOf(node), 2),
      dash: dashPattern(node.borderStyle ?? 'solid'),
    };
  }
  const { edge } = entry;
  const y = box.y + box.height / 2;
  const strokeWidth = edge.width ?? 1.5;
  const hasArrow = edge.arrow !== false;
  const arrowSize = 5 + strokeWidth;
  const end = box.x + box.width;
  return {
    kind: 'edge',
    line: { x1: box.x, y1: y, x2: hasArrow ? end - arrowSize + 1 : end, y2: y },
    stroke: edge.color,
    strokeWidth,
    dash: dashPattern(edge.lineStyle),
    ...(hasArrow ? { arrow: arrowHeadPath(end, y, arrowSize) } : {}),
  };
}
