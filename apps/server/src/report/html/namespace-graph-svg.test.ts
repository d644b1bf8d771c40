import { describe, expect, it } from 'vitest';
import { OUTSIDE, type MatrixCell, type NamespaceMatrix } from '../report-data.ts';
import { renderNamespaceGraph, truncate } from './namespace-graph-svg.ts';

const LONG = 'a-namespace-with-a-name-far-too-long-for-its-box';

function matrix(cells: MatrixCell[], names: string[]): NamespaceMatrix {
  return { namespaces: names, workloads: Object.fromEntries(names.map((n) => [n, 3])), cells };
}

const base = { connected: 1, pairs: 2, unknownPorts: [] as string[] };
const few = matrix(
  [
    { ...base, from: OUTSIDE, to: 'web', reach: 'some', ports: ['TCP 443'] },
    { ...base, from: 'web', to: LONG, reach: 'all', ports: ['TCP 5432', 'TCP 6379', 'UDP 53'] },
    { ...base, from: LONG, to: 'web', reach: 'none', connected: 0, ports: [], unknownPorts: ['TCP 80'] },
    { ...base, from: LONG, to: LONG, reach: 'none', connected: 0, ports: [] },
  ],
  [OUTSIDE, LONG, 'web'],
);

describe('renderNamespaceGraph', () => {
  const svg = renderNamespaceGraph(few).text;

  it('draws a box per node and an arrow per connected pair, styled by how much connects', () => {
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg.match(/class="edge edge-outside"/g)).toHaveLength(1);
    expect(svg.match(/class="edge edge-all"/g)).toHaveLength(1);
    expect(svg.match(/class="edge edge-unknown"/g)).toHaveLength(1);
    expect(svg).toContain('marker-end="url(#arrow-all)"');
  });

  it('labels the arrows with their ports while there are few, and unknown ports with a question mark', () => {
    expect(svg).toContain('>TCP 443</text>');
    expect(svg).toContain('>TCP 5432, TCP 6379, +1 more</text>');
    expect(svg).toContain('>? TCP 80</text>');
  });

  it('cuts long names with an ellipsis and keeps the whole name in a title', () => {
    expect(svg).toContain(`>${truncate(LONG, 21)}</text>`);
    expect(truncate(LONG, 21)).toHaveLength(21);
    expect(truncate(LONG, 21).endsWith('…')).toBe(true);
    expect(svg).toContain(`<title>${LONG}</title>`);
  });

  it('leaves the port labels out when arrows are many', () => {
    const names = Array.from({ length: 7 }, (_, i) => `ns-${i}`);
    const cells = names.flatMap((from) =>
      names
        .filter((to) => to !== from)
        .map((to): MatrixCell => ({ ...base, from, to, reach: 'all', ports: 'all' })),
    );
    const busy = renderNamespaceGraph(matrix(cells, names)).text;
    expect(busy.match(/class="edge /g)).toHaveLength(42);
    expect(busy).not.toContain('port-label');
  });

  it('says so when there is nothing to draw', () => {
    expect(renderNamespaceGraph(matrix([], [])).text).toContain('No namespace');
  });
});
