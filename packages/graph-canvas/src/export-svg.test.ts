import { describe, expect, it } from 'vitest';
import { layoutExportFrame } from './export-frame.ts';
import { composeSvg, escapeXml } from './export-svg.ts';
import type { ExportOptions } from './types.ts';

const graphSvg =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><circle cx="10" cy="10" r="5"/></svg>';

describe('escapeXml', () => {
  it('escapes markup and quotes and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
});

describe('composeSvg', () => {
  const options: ExportOptions = {
    title: 'cluster <prod> & "friends"',
    subtitle: ['filters: app=web & tier=<front>'],
    legend: [
      { label: 'Pods <5>', node: { shape: 'hexagon', color: '#a5b4fc', borderStyle: 'dotted' } },
      { label: 'Flow', edge: { color: '#16a34a', lineStyle: 'dashed' } },
    ],
  };
  const frame = layoutExportFrame({ width: 400, height: 300 }, options);
  const svg = composeSvg(frame, graphSvg);

  it('is one well-formed document with every caller text escaped', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/<\?xml/g)).toHaveLength(1);
    expect(svg).toContain('cluster &lt;prod&gt; &amp; &quot;friends&quot;');
    expect(svg).toContain('filters: app=web &amp; tier=&lt;front&gt;');
    expect(svg).toContain('Pods &lt;5&gt;');
    expect(svg).not.toContain('<prod>');
    expect(svg).toContain(`width="${frame.width}" height="${frame.height}"`);
  });

  it('nests the graph in its box, scaled from its own size', () => {
    expect(svg).toContain(
      `<g transform="translate(${frame.graph.x} ${frame.graph.y}) scale(1)"><svg xmlns="http://www.w3.org/2000/svg" width="400"`,
    );
    const doubled = composeSvg(
      frame,
      graphSvg.replace('width="400" height="300"', 'width="800" height="600"'),
    );
    expect(doubled).toContain('scale(0.5)');
  });

  it('draws legend swatches in their shape, colour and line style', () => {
    expect(svg).toMatch(
      /<path d="M[^"]+" fill="#a5b4fc" stroke="#64748b" stroke-width="2" stroke-dasharray="0.5 3"/,
    );
    expect(svg).toMatch(/<line [^>]*stroke="#16a34a" stroke-width="1.5" stroke-dasharray="6 3"/);
  });
});
