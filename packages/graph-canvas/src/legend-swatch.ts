import { borderWidthOf, DEFAULT_BORDER } from './element-records.ts';
import { COMPOUND_FILL_OPACITY } from './style.ts';
import { arrowHeadPath, dashPattern, nodeShapePath, type Box } from './swatch-geometry.ts';
import type { LegendEntry } from './types.ts';

/** What to draw for one legend entry, the same for SVG and canvas. */
export type LegendSwatch =
  | {
      kind: 'node';
      path: string;
      fill: string;
      /** 1 for a node; a compound's box is a light tint. */
      fillOpacity: number;
      stroke: string;
      strokeWidth: number;
      dash: number[];
    }
  | {
      kind: 'edge';
      line: { x1: number; y1: number; x2: number; y2: number };
      stroke: string;
      strokeWidth: number;
      dash: number[];
      /** The arrowhead, when the edge has one. */
      arrow?: string;
    };

/** A compound's tint, a little stronger than on the canvas so that a small swatch shows it. */
const COMPOUND_LEGEND_FILL_OPACITY = Math.min(1, COMPOUND_FILL_OPACITY * 2);

/** The swatch height that line widths and dashes are drawn for; a taller swatch scales them. */
const BASE_HEIGHT = 16;

/** A node entry draws its shape in a square in the middle of the box; an edge entry a line across it. */
export function legendSwatch(entry: LegendEntry, box: Box): LegendSwatch {
  const scale = box.height / BASE_HEIGHT;
  const scaled = (values: number[]) => values.map((value) => value * scale);
  if ('node' in entry) {
    const side = Math.min(box.width, box.height);
    const square = {
      x: box.x + (box.width - side) / 2,
      y: box.y + (box.height - side) / 2,
      width: side,
      height: side,
    };
    const { node } = entry;
    const isCompound = entry.compound === true;
    return {
      kind: 'node',
      path: isCompound ? nodeShapePath('round-rectangle', box) : nodeShapePath(node.shape, square),
      fill: node.color,
      fillOpacity: isCompound ? COMPOUND_LEGEND_FILL_OPACITY : 1,
      stroke: node.borderColor ?? DEFAULT_BORDER,
      strokeWidth: (isCompound ? 1 : Math.min(borderWidthOf(node), 2)) * scale,
      dash: scaled(dashPattern(node.borderStyle ?? 'solid')),
    };
  }
  const { edge } = entry;
  const y = box.y + box.height / 2;
  const strokeWidth = (edge.width ?? 1.5) * scale;
  const hasArrow = edge.arrow !== false;
  const arrowSize = 5 * scale + strokeWidth;
  const end = box.x + box.width;
  return {
    kind: 'edge',
    line: { x1: box.x, y1: y, x2: hasArrow ? end - arrowSize + 1 : end, y2: y },
    stroke: edge.color,
    strokeWidth,
    dash: scaled(dashPattern(edge.lineStyle)),
    ...(hasArrow ? { arrow: arrowHeadPath(end, y, arrowSize) } : {}),
  };
}
