import { OUTSIDE, type MatrixCell, type ReportData } from '../report-data.ts';
import { axisLabel, describePorts, describeReach } from '../report-text.ts';
import { html, type SafeHtml } from './html-template.ts';
import { LIST_LIMITS, moreNote, takeFirst } from './list-limits.ts';
import { renderNamespaceGraph } from './namespace-graph-svg.ts';

/** Up to this many rows and columns fit a page's width as a grid with ports; then with dots alone. */
const MAX_GRID = 14;
const MAX_COMPACT_GRID = 50;
/** Past this many columns, their headings are written vertically. */
const MAX_HORIZONTAL_HEADINGS = 7;

/** The drawing of namespaces and the outside, with its legend. */
export function renderGraphSection(data: ReportData): SafeHtml {
  return html`<section id="map">
    <h2>Namespace map</h2>
    <p>
      Which namespaces can open connections to which, as the NetworkPolicies allow. The outside stands for
      addresses beyond the cluster and the traffic of Ingress routes.
    </p>
    <div class="figure">${renderNamespaceGraph(data.matrix)}</div>
    <div class="legend">
      <span><i class="swatch swatch-all"></i>every pair of workloads connects</span>
      <span><i class="swatch swatch-some"></i>some pairs connect</span>
      <span><i class="swatch swatch-outside"></i>from outside the cluster</span>
      <span><i class="swatch swatch-unknown"></i>depends on facts the input lacks</span>
    </div>
  </section>`;
}

/** The namespace-to-namespace reachability matrix, and each connected pair with its ports. */
export function renderMatrixSection(data: ReportData): SafeHtml {
  const { matrix } = data;
  const connected = matrix.cells.filter((c) => c.reach !== 'none' || c.unknownPorts.length > 0);
  const { shown: listed, rest } = takeFirst(connected, LIST_LIMITS.connectedPairs);
  const size = matrix.namespaces.length;
  return html`<section id="matrix">
    <h2>Reachability between namespaces</h2>
    <p>
      Rows are where connections start, columns where they end. <i class="dot dot-all"></i> every workload of
      the row reaches every workload of the column (on some port); <i class="dot dot-some"></i> some pairs of
      workloads connect; an empty cell: none. A namespace's own cell counts pairs of its different workloads;
      ? marks ports whose verdict depends on facts the input lacks.
    </p>
    ${
      size <= MAX_COMPACT_GRID
        ? renderGrid(data, size > MAX_GRID)
        : html`<p class="muted">
            ${size} rows and columns are too many for a grid: the connected pairs are listed below.
          </p>`
    }
    <h3>Connected pairs</h3>
    ${
      listed.length === 0
        ? html`<p class="muted">No namespace can open a connection to another.</p>`
        : html`<table>
            <thead>
              <tr>
                <th class="col-name">From</th>
                <th class="col-name">To</th>
                <th class="col-reach">Workloads that connect</th>
                <th>Ports</th>
                <th class="col-unknown">Unknown</th>
              </tr>
            </thead>
            <tbody>
              ${listed.map(
                (c) =>
                  html`<tr>
                    <td>${axisLabel(c.from)}</td>
                    <td>${axisLabel(c.to)}</td>
                    <td>${describeReach(c)}</td>
                    <td>${c.reach === 'none' ? '' : describePorts(c.ports)}</td>
                    <td>${c.unknownPorts.length === 0 ? '' : describePorts(c.unknownPorts)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${moreNote(rest, 'connected pair')}
  </section>`;
}

function renderGrid(data: ReportData, isCompact: boolean): SafeHtml {
  const { namespaces, cells } = data.matrix;
  const isVertical = namespaces.length > MAX_HORIZONTAL_HEADINGS;
  const byPair = new Map(cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  const cell = (from: string, to: string) =>
    renderCell(byPair.get(`${from}\u0000${to}`), from === to, isCompact);
  return html`<table class="matrix${isCompact ? ' compact' : ''}">
    <thead>
      <tr>
        <th class="corner">from ↓ to →</th>
        ${namespaces.map(
          (name) =>
            html`<th scope="col">
              ${isVertical ? html`<span class="vertical">${axisLabel(name)}</span>` : axisLabel(name)}
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${namespaces.map(
        (from) =>
          html`<tr>
            <th scope="row">${axisLabel(from)}</th>
            ${namespaces.map((to) => cell(from, to))}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderCell(cell: MatrixCell | undefined, isSelf: boolean, isCompact: boolean): SafeHtml {
  if (!cell) return html`<td class="self"></td>`;
  const classes = [`reach-${cell.reach}`, isSelf ? 'self' : '', cell.from === OUTSIDE ? 'from-outside' : '']
    .filter(Boolean)
    .join(' ');
  const title = `${axisLabel(cell.from)} → ${axisLabel(cell.to)}: ${describeReach(cell)}`;
  const hasUnknown = cell.unknownPorts.length > 0;
  // A compact grid has room for the dot alone; the list below gives the ports.
  const ports = isCompact
    ? hasUnknown && cell.reach === 'none'
      ? '?'
      : ''
    : `${cell.reach === 'none' ? '' : describePorts(cell.ports, 2)}${hasUnknown ? ` ? ${describePorts(cell.unknownPorts, 1)}` : ''}`;
  const dot =
    cell.reach === 'none' ? (cell.pairs === 0 ? '–' : '') : html`<i class="dot dot-${cell.reach}"></i>`;
  return html`<td class="${classes}" title="${title}">
    ${dot}${ports ? html`<span class="ports">${ports}</span>` : ''}
  </td>`;
}
