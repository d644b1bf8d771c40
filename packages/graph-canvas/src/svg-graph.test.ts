import { describe, expect, it } from 'vitest';
import { exportFramedSvg } from './export.ts';
import { renderGraphSvg } from './svg-graph.ts';
import { headlessCanvas, testEdge, testNode } from './test-elements.ts';
import type { CanvasElements } from './types.ts';

/** A namespace of three workloads (one of them a hexagon with a caption), and an outside one. */
function smallGraph(): CanvasElements {
  return {
    nodes: [
      testNode('shop', undefined, { visual: { shape: 'round-rectangle', color: '#e0e7ff' } }),
      testNode('shop/web', 'shop', { visual: { shape: 'ellipse', color: '#fca5a5' } }),
      testNode('shop/cart', 'shop', {
        label: '<script>alert(1)</script>',
        caption: 'Tom & Jerry',
        visual: { shape: 'hexagon', color: '#86efac', borderColor: '#dc2626', borderStyle: 'dotted' },
      }),
      testNode('shop/db', 'shop', { visual: { shape: 'diamond', color: '#fde68a' } }),
      testNode('internet', undefined, { visual: { shape: 'tag', color: '#cbd5e1' } }),
    ],
    edges: [
      testEdge('internet', 'shop/web', { label: 'TCP 443' }),
      testEdge('shop/web', 'shop/cart', { visual: { color: '#dc2626', lineStyle: 'dashed', width: 2 } }),
      testEdge('shop/cart', 'shop/db', { visual: { color: '#16a34a', lineStyle: 'solid', arrow: false } }),
    ],
  };
}

function renderedSmallGraph() {
  const { cy, canvas } = headlessCanvas();
  canvas.setElements(smallGraph());
  return { cy, canvas, svg: renderGraphSvg(cy) };
}

/** The names of the tags opened and closed in order must pair up like brackets. */
function isBalanced(xml: string): boolean {
  const stack: string[] = [];
  for (const piece of xml.split('<').slice(1)) {
    const tag = piece.slice(0, piece.indexOf('>'));
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    const name = tag.replace(/^\//, '').split(/[\s/]/)[0] ?? '';
    if (tag.startsWith('/')) {
      if (stack.pop() !== name) return false;
    } else if (!tag.endsWith('/')) stack.push(name);
  }
  return stack.length === 0;
}

describe('renderGraphSvg', () => {
  it('draws one shape per leaf node in its fill colour and a light box per compound', () => {
    const { svg } = renderedSmallGraph();
    for (const color of ['#fca5a5', '#86efac', '#fde68a', '#cbd5e1']) {
      expect(svg.match(new RegExp(`<path d="M[^"]+" fill="${color}" stroke=`, 'g'))).toHaveLength(1);
    }
    expect(svg.match(/fill-opacity="0.08"/g)).toHaveLength(1);
    expect(svg).toMatch(/<path d="M[^"]+" fill="#e0e7ff" fill-opacity="0.08"/);
    expect(svg.indexOf('#e0e7ff')).toBeLessThan(svg.indexOf('<line'));
    expect(svg).toMatch(/fill="#86efac" stroke="#dc2626" stroke-width="2.5" stroke-dasharray="0.5 3"/);
  });

  it('draws a line per edge in its colour and style, with arrowheads where asked', () => {
    const { svg } = renderedSmallGraph();
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(svg).toMatch(/<line [^>]*stroke="#dc2626" stroke-width="2" stroke-dasharray="6 3"/);
    expect(svg).toMatch(/<line [^>]*stroke="#16a34a" stroke-width="1.5"\/>/);
    expect(svg.match(/transform="translate\([^)]+\) rotate\([^)]+\)"/g)).toHaveLength(2);
  });

  it('stops edges at the node borders rather than at their centres', () => {
    const { cy, svg } = renderedSmallGraph();
    const web = cy.getElementById('shop/web').position();
    const line = /<line x1="([\d.-]+)" y1="([\d.-]+)"[^>]*stroke="#dc2626"/.exec(svg);
    const start = { x: Number(line?.[1]), y: Number(line?.[2]) };
    expect(Math.hypot(start.x - web.x, start.y - web.y)).toBeGreaterThan(14);
  });

  it('writes labels escaped, a caption on its own line, edge labels with a white box', () => {
    const { svg } = renderedSmallGraph();
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</tspan><tspan');
    expect(svg).toContain('>Tom &amp; Jerry</tspan>');
    expect(svg).toMatch(/<rect [^>]*fill="#ffffff" fill-opacity="0.9"\/><text [^>]*><tspan [^>]*>TCP 443</);
    expect(svg).toMatch(/font-weight="bold"[^>]*><tspan [^>]*>shop</);
  });

  it('is sized to the graph and well formed', () => {
    const { cy, svg } = renderedSmallGraph();
    const box = cy.elements().boundingBox();
    expect(svg).toContain(`width="${Math.ceil(box.w)}" height="${Math.ceil(box.h)}"`);
    expect(isBalanced(svg)).toBe(true);
    expect(isBalanced('<svg><g></svg>')).toBe(false);
  });
});

describe('exportFramedSvg', () => {
  it('frames the graph with its title and legend in one well-formed document', () => {
    const { cy } = renderedSmallGraph();
    const svg = exportFramedSvg(cy, {
      title: 'shop <prod>',
      legend: [{ label: 'Denied flow', edge: { color: '#dc2626', lineStyle: 'dashed' } }],
    });
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('shop &lt;prod&gt;');
    expect(svg).toContain('>Denied flow</text>');
    expect(svg).toContain('scale(1)"><svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg.match(/<line [^>]*stroke="#dc2626"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(isBalanced(svg)).toBe(true);
  });

  it('frames an empty graph too', () => {
    const { cy } = headlessCanvas();
    const svg = exportFramedSvg(cy, { title: 'empty', legend: [] });
    expect(svg).toContain('>empty</text>');
    expect(isBalanced(svg)).toBe(true);
  });
});
