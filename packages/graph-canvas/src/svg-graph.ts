import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { EdgeData, NodeData } from './element-records.ts';
import { estimateTextWidth, FRAME_FONT } from './export-frame.ts';
import { escapeXml } from './export-svg.ts';
import {
  COMPOUND_FILL_OPACITY,
  COMPOUND_FONT_SIZE,
  LABEL_BACKGROUND_OPACITY,
  NODE_FONT_SIZE,
  NODE_SIZE,
} from './style.ts';
import { arrowHeadPath, dashPattern, nodeShapePath } from './swatch-geometry.ts';
import type { LineStyle } from './types.ts';

const INK = '#1e293b';
const COMPOUND_INK = '#334155';
/** Sizes as the stylesheet draws them (see style.ts). */
const EDGE_FONT = 9;
const LINE_HEIGHT = 1.2;
/** Two edges between the same nodes in both directions are drawn this far apart. */
const PAIR_OFFSET = 3;
const DIMMED = ' opacity="0.15"';

/**
 * The graph as an SVG document drawn from its model (positions and data, no renderer): compound
 * boxes first, then edges as straight lines with arrowheads, then nodes, each with its label. Its
 * size and view box are the graph's bounding box, the same one an export frame is laid out for.
 */
export function renderGraphSvg(cy: Core): string {
  const box = cy.elements().boundingBox();
  const width = Math.ceil(box.w);
  const height = Math.ceil(box.h);
  const nodes = cy.nodes().toArray();
  const compounds = nodes.filter((node) => node.isParent());
  compounds.sort((a, b) => a.ancestors().length - b.ancestors().length);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(box.x1)} ${n(box.y1)} ${width} ${height}" overflow="visible" font-family="${escapeXml(FRAME_FONT)}">`,
    ...compounds.map(compoundSvg),
    ...cy.edges().map(edgeSvg),
    ...nodes.filter((node) => node.isChildless()).map(leafSvg),
    `</svg>`,
  ];
  return parts.join('\n');
}

function compoundSvg(node: NodeSingular): string {
  const data = node.data() as NodeData;
  const b = node.boundingBox({ includeLabels: false, includeOverlays: false });
  const path = nodeShapePath('round-rectangle', { x: b.x1, y: b.y1, width: b.w, height: b.h });
  const label = textLines(data.label, b.x1 + b.w / 2, b.y1 - 4, COMPOUND_FONT_SIZE, 'above');
  return [
    `<g${node.hasClass('dimmed') ? DIMMED : ''}>`,
    `<path d="${path}" fill="${escapeXml(data.color)}" fill-opacity="${COMPOUND_FILL_OPACITY}" stroke="${escapeXml(data.borderColor)}" stroke-opacity="0.8" stroke-width="${data.borderWidth}"${dashAttributes(data.borderStyle)}/>`,
    `<text font-size="${COMPOUND_FONT_SIZE}" font-weight="bold" fill="${COMPOUND_INK}" text-anchor="middle">${label}</text>`,
    `</g>`,
  ].join('');
}

function leafSvg(node: NodeSingular): string {
  const data = node.data() as NodeData;
  const { x, y } = node.position();
  const half = NODE_SIZE / 2;
  const path = nodeShapePath(data.shape, { x: x - half, y: y - half, width: NODE_SIZE, height: NODE_SIZE });
  const top = y + half + 4;
  return [
    `<g${node.hasClass('dimmed') ? DIMMED : ''}>`,
    `<path d="${path}" fill="${escapeXml(data.color)}" stroke="${escapeXml(data.borderColor)}" stroke-width="${data.borderWidth}"${dashAttributes(data.borderStyle)}/>`,
    labelBackground(data.label, x, top, NODE_FONT_SIZE, 1, LABEL_BACKGROUND_OPACITY),
    `<text font-size="${NODE_FONT_SIZE}" fill="${INK}" text-anchor="middle">${textLines(data.label, x, top, NODE_FONT_SIZE, 'below')}</text>`,
    `</g>`,
  ].join('');
}

function edgeSvg(edge: EdgeSingular): string {
  const data = edge.data() as EdgeData;
  const source = edge.source();
  const target = edge.target();
  const stroke = escapeXml(data.color);
  const arrowSize = data.arrow === 'triangle' ? 4 + 2.5 * data.width : 0;
  const attributes = `fill="none" stroke="${stroke}" stroke-width="${data.width}"${dashAttributes(data.lineStyle)}`;
  const parts = [`<g${edge.hasClass('dimmed') ? DIMMED : ''}>`];
  let middle: { x: number; y: number };
  if (source.same(target)) {
    // A loop: a curl over the node's top right corner, arriving at its right side.
    const { x, y } = source.position();
    const r = NODE_SIZE / 2;
    parts.push(
      `<path d="M${n(x)} ${n(y - r)}C${n(x)} ${n(y - 3 * r)} ${n(x + 3 * r)} ${n(y)} ${n(x + r + arrowSize)} ${n(y)}" ${attributes}/>`,
    );
    if (arrowSize > 0) parts.push(arrowHead(x + r, y, 180, arrowSize, stroke));
    middle = { x: x + 1.1 * r, y: y - 1.1 * r };
  } else {
    const from = source.position();
    const to = target.position();
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const ux = (to.x - from.x) / length;
    const uy = (to.y - from.y) / length;
    // Edges both ways between two nodes would lie on each other: each moves to its own left.
    const offset = hasReverse(edge) ? PAIR_OFFSET : 0;
    const ox = uy * offset;
    const oy = -ux * offset;
    const start = reach(source, ux, uy);
    const end = reach(target, -ux, -uy);
    const tip = { x: to.x - ux * end + ox, y: to.y - uy * end + oy };
    const x1 = from.x + ux * start + ox;
    const y1 = from.y + uy * start + oy;
    parts.push(
      `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(tip.x - ux * arrowSize)}" y2="${n(tip.y - uy * arrowSize)}" ${attributes}/>`,
    );
    if (arrowSize > 0)
      parts.push(arrowHead(tip.x, tip.y, (Math.atan2(uy, ux) * 180) / Math.PI, arrowSize, stroke));
    middle = { x: (x1 + tip.x) / 2, y: (y1 + tip.y) / 2 };
  }
  // The stylesheet leaves edge labels out of large graphs; the export does the same.
  const label = String(edge.style('label') ?? '');
  if (label !== '') {
    const top = middle.y - (EDGE_FONT * LINE_HEIGHT * label.split('\n').length) / 2;
    parts.push(labelBackground(label, middle.x, top, EDGE_FONT, 2, 0.9));
    parts.push(
      `<text font-size="${EDGE_FONT}" fill="${COMPOUND_INK}" text-anchor="middle">${textLines(label, middle.x, top, EDGE_FONT, 'below')}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** How far from a node's centre an edge leaving in direction (ux, uy) meets its border, roughly. */
function reach(node: NodeSingular, ux: number, uy: number): number {
  if (node.isChildless()) return NODE_SIZE / 2 + (node.data('borderWidth') as number) / 2;
  const b = node.boundingBox({ includeLabels: false, includeOverlays: false });
  return Math.min(b.w / 2 / Math.abs(ux || 1e-9), b.h / 2 / Math.abs(uy || 1e-9));
}

function hasReverse(edge: EdgeSingular): boolean {
  return edge.target().edgesTo(edge.source()).length > 0;
}

/** An arrowhead whose tip is at (x, y), pointing at `degrees`. */
function arrowHead(x: number, y: number, degrees: number, size: number, fill: string): string {
  return `<path d="${arrowHeadPath(0, 0, size)}" transform="translate(${n(x)} ${n(y)}) rotate(${n(degrees)})" fill="${fill}"/>`;
}

function dashAttributes(style: LineStyle): string {
  const dash = dashPattern(style);
  if (dash.length === 0) return '';
  return ` stroke-dasharray="${dash.join(' ')}"${style === 'dotted' ? ' stroke-linecap="round"' : ''}`;
}

/** Lines of text centred on x, starting at `edge` and going down (`below`) or up (`above`). */
function textLines(text: string, x: number, edge: number, size: number, from: 'below' | 'above'): string {
  const lines = text.split('\n');
  const step = size * LINE_HEIGHT;
  const first = from === 'below' ? edge + size * 0.9 : edge - (lines.length - 1) * step - size * 0.2;
  return lines
    .map((line, i) => `<tspan x="${n(x)}" y="${n(first + i * step)}">${escapeXml(line)}</tspan>`)
    .join('');
}

/** The white box behind a label, so that lines under it do not cross the text. */
function labelBackground(text: string, x: number, top: number, size: number, pad: number, opacity: number) {
  if (text === '') return '';
  const lines = text.split('\n');
  const width = Math.max(...lines.map((line) => estimateTextWidth(line, size, 'normal'))) * 0.9 + 2 * pad;
  const height = lines.length * size * LINE_HEIGHT + 2 * pad;
  return `<rect x="${n(x - width / 2)}" y="${n(top - pad)}" width="${n(width)}" height="${n(height)}" rx="2" fill="#ffffff" fill-opacity="${opacity}"/>`;
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
