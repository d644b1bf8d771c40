import type { LineStyle, NodeShape } from './types.ts';

/** A rectangle in frame coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Corners of the polygon shapes as fractions of their box, as Cytoscape draws them. */
const POLYGONS: Partial<Record<NodeShape, readonly (readonly [number, number])[]>> = {
  rectangle: [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ],
  diamond: [
    [0.5, 0],
    [1, 0.5],
    [0.5, 1],
    [0, 0.5],
  ],
  hexagon: [
    [0, 0.5],
    [0.25, 0],
    [0.75, 0],
    [1, 0.5],
    [0.75, 1],
    [0.25, 1],
  ],
  triangle: [
    [0.5, 0],
    [1, 1],
    [0, 1],
  ],
  tag: [
    [0, 0],
    [0.625, 0],
    [1, 0.5],
    [0.625, 1],
    [0, 1],
  ],
};

/** An SVG path (also valid for `Path2D`) of a node shape filling the box. */
export function nodeShapePath(shape: NodeShape, box: Box): string {
  const { x, y, width: w, height: h } = box;
  if (shape === 'ellipse') {
    const rx = w / 2;
    const ry = h / 2;
    return `M${n(x)} ${n(y + ry)}A${n(rx)} ${n(ry)} 0 1 0 ${n(x + w)} ${n(y + ry)}A${n(rx)} ${n(ry)} 0 1 0 ${n(x)} ${n(y + ry)}Z`;
  }
  if (shape === 'round-rectangle') {
    // Cytoscape's corners: a quarter of the shorter side, at most 8 (a compound's box stays square-ish).
    const r = Math.min(w / 4, h / 4, 8);
    return (
      `M${n(x + r)} ${n(y)}H${n(x + w - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w)} ${n(y + r)}` +
      `V${n(y + h - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + w - r)} ${n(y + h)}` +
      `H${n(x + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + h - r)}` +
      `V${n(y + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)}Z`
    );
  }
  const corners = POLYGONS[shape] ?? POLYGONS.rectangle!;
  return `${corners.map(([fx, fy], i) => `${i === 0 ? 'M' : 'L'}${n(x + fx * w)} ${n(y + fy * h)}`).join('')}Z`;
}

/**
 * The dash pattern of a line style, the same in the graph, its legend and both exports: dotted
 * lines are short dashes with round caps, so they read as dots at any width.
 */
export function dashPattern(style: LineStyle): number[] {
  return style === 'dashed' ? [...DASHED] : style === 'dotted' ? [...DOTTED] : [];
}
export const DASHED = [6, 3] as const;
export const DOTTED = [0.5, 3] as const;

/** The arrowhead at the right end of a legend line that ends at (x, y). */
export function arrowHeadPath(x: number, y: number, size: number): string {
  return `M${n(x)} ${n(y)}L${n(x - size)} ${n(y - size / 2)}L${n(x - size)} ${n(y + size / 2)}Z`;
}

/** Numbers short enough for a path, without trailing zeros. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
