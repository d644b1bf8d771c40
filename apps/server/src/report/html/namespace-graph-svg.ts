import { layoutGraph, type GraphEdge, type GraphLayout, type GraphNode } from '../graph-layout.ts';
import { OUTSIDE, type MatrixCell, type NamespaceMatrix } from '../report-data.ts';
import { axisLabel, count, describePorts, describeReach } from '../report-text.ts';
import { html, svg, type SafeHtml } from './html-template.ts';

/** Port labels are drawn only while there are few enough edges for them to stay apart. */
const MAX_LABELLED_EDGES = 16;
const EDGE_STYLES = ['outside', 'all', 'some', 'unknown'] as const;
type EdgeStyle = (typeof EDGE_STYLES)[number];

/**
 * The namespaces and the outside as an inline SVG, with an arrow for each ordered pair that
 * connects: thick where every pair of workloads connects, thin where some do, red from outside,
 * dashed where only unknown verdicts remain. Self-contained: no fonts, images or scripts.
 */
export function renderNamespaceGraph(matrix: NamespaceMatrix): SafeHtml {
  const layout = layoutGraph(matrix);
  if (layout.nodes.length === 0) return html`<p class="muted">No namespace holds a workload.</p>`;
  const isLabelled = layout.mode === 'boxes' && layout.edges.length <= MAX_LABELLED_EDGES;
  const arrowSize = layout.mode === 'boxes' ? 7 : 5;
  const markers = EDGE_STYLES.map(
    (style) =>
      svg`<marker id="arrow-${style}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${arrowSize}" markerHeight="${arrowSize}" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path class="arrow arrow-${style}" d="M0,0 L10,5 L0,10 z"/></marker>`,
  );
  const nodes = layout.nodes.map((node) =>
    layout.mode === 'boxes' ? renderBox(node, layout) : renderDot(node),
  );
  const ringNote =
    layout.mode === 'ring'
      ? html`<p class="muted">
          With this many namespaces, a line joins two namespaces that connect in either direction or both; the
          matrix gives directions and ports.
        </p>`
      : '';
  const omitted =
    layout.omitted > 0
      ? html`<p class="muted">
          ${count(layout.omitted, 'namespace')} with the fewest connections are not drawn; the matrix lists
          every one.
        </p>`
      : '';
  return svg`<svg class="graph graph-${layout.mode}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="graph-title">
<title id="graph-title">Connections between namespaces and the outside</title>
<defs>${markers}</defs>
<g class="edges">${layout.edges.map((edge) => (layout.mode === 'boxes' ? renderEdge(edge) : renderLine(edge)))}</g>
${isLabelled ? svg`<g class="port-labels">${layout.edges.map(renderPortLabel)}</g>` : ''}
<g class="nodes">${nodes}</g>
</svg>${ringNote}${omitted}`;
}

function edgeStyle(cell: MatrixCell): EdgeStyle {
  if (cell.reach === 'none') return 'unknown';
  if (cell.from === OUTSIDE) return 'outside';
  return cell.reach;
}

/** The style of a line that stands for both directions: the more open of the two. */
function strongerStyle(a: EdgeStyle, b: EdgeStyle | undefined): EdgeStyle {
  if (!b) return a;
  return EDGE_STYLES.indexOf(a) <= EDGE_STYLES.indexOf(b) ? a : b;
}

function renderEdge(edge: GraphEdge): SafeHtml {
  const style = edgeStyle(edge.cell);
  const { start, control, end, cell } = edge;
  const path = `M${start.x},${start.y} Q${control.x},${control.y} ${end.x},${end.y}`;
  const title = `${axisLabel(cell.from)} → ${axisLabel(cell.to)}: ${describeReach(cell)}, ${describePorts(cell.ports)}`;
  return svg`<path class="edge edge-${style}" d="${path}" marker-end="url(#arrow-${style})"><title>${title}</title></path>`;
}

function renderLine(edge: GraphEdge): SafeHtml {
  const style = strongerStyle(edgeStyle(edge.cell), edge.reverse && edgeStyle(edge.reverse));
  const { start, control, end, cell, reverse } = edge;
  const path = `M${start.x},${start.y} Q${control.x},${control.y} ${end.x},${end.y}`;
  const title = `${axisLabel(cell.from)} ${reverse ? '↔' : '→'} ${axisLabel(cell.to)}`;
  return svg`<path class="edge edge-${style}" d="${path}"><title>${title}</title></path>`;
}

function renderPortLabel(edge: GraphEdge): SafeHtml {
  const { cell } = edge;
  const text =
    cell.reach === 'none' ? `? ${describePorts(cell.unknownPorts, 2)}` : describePorts(cell.ports, 2);
  return svg`<text class="port-label" x="${edge.labelAt.x}" y="${edge.labelAt.y}">${truncate(text, 28)}</text>`;
}

function renderBox(node: GraphNode, layout: GraphLayout): SafeHtml {
  const { width, height } = layout.box;
  const isOutside = node.name === OUTSIDE;
  const detail = isOutside
    ? 'addresses, Ingress routes'
    : `${count(node.workloads, 'workload')}${node.within === 'none' ? '' : ` · within: ${node.within}`}`;
  return svg`<g class="node${isOutside ? ' node-outside' : ''}"><title>${axisLabel(node.name)}</title><rect x="${node.x - width / 2}" y="${node.y - height / 2}" width="${width}" height="${height}" rx="6"/><text class="node-name" x="${node.x}" y="${node.y - 3}">${truncate(axisLabel(node.name), 21)}</text><text class="node-detail" x="${node.x}" y="${node.y + 12}">${detail}</text></g>`;
}

function renderDot(node: GraphNode): SafeHtml {
  const isOutside = node.name === OUTSIDE;
  // Names read outwards; on the left half they are turned over so that they never read upside down.
  const isLeft = node.angle > 90 && node.angle < 270;
  const radians = (node.angle * Math.PI) / 180;
  const x = Math.round((node.x + 9 * Math.cos(radians)) * 10) / 10;
  const y = Math.round((node.y + 9 * Math.sin(radians)) * 10) / 10;
  const rotation = isLeft ? node.angle - 180 : node.angle;
  return svg`<g class="node${isOutside ? ' node-outside' : ''}"><title>${axisLabel(node.name)}</title><circle cx="${node.x}" cy="${node.y}" r="${isOutside ? 6 : 3.5}"/><text class="ring-label" x="${x}" y="${y}" text-anchor="${isLeft ? 'end' : 'start'}" transform="rotate(${rotation} ${x} ${y})">${truncate(axisLabel(node.name), 24)}</text></g>`;
}

/** At most `max` characters, the last one an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
