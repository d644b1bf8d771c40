import { FRAME_FONT, RULE_COLOR, TITLE_BAR_FILL, type ExportFrame, type FrameText } from './export-frame.ts';
import { legendSwatch } from './legend-swatch.ts';

/** Text made safe for XML content and attribute values; characters XML cannot hold are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * A standalone SVG document: the frame's title bar and legend as SVG elements around the graph's
 * own SVG, which is nested as it is and scaled to the frame's graph box.
 */
export function composeSvg(frame: ExportFrame, graphSvg: string): string {
  const { width, height } = frame;
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FRAME_FONT)}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(frame.background)}"/>`,
    ...titleBar(frame),
    embedGraph(frame, graphSvg),
    ...legend(frame),
    `</svg>`,
  ];
  return `${parts.join('\n')}\n`;
}

function titleBar(frame: ExportFrame): string[] {
  const bar = frame.titleBar;
  return [
    `<rect x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}" fill="${TITLE_BAR_FILL}"/>`,
    `<line x1="0" y1="${bar.height}" x2="${bar.width}" y2="${bar.height}" stroke="${RULE_COLOR}" stroke-width="1"/>`,
    text(frame.title),
    ...frame.subtitle.map(text),
  ];
}

function legend(frame: ExportFrame): string[] {
  const bar = frame.legendBar;
  if (!bar) return [];
  const parts = [
    `<line x1="0" y1="${bar.y}" x2="${bar.width}" y2="${bar.y}" stroke="${RULE_COLOR}" stroke-width="1"/>`,
  ];
  for (const item of frame.legend) {
    const swatch = legendSwatch(item.entry, item.swatch);
    const dash =
      swatch.dash.length > 0 ? ` stroke-dasharray="${swatch.dash.join(' ')}" stroke-linecap="round"` : '';
    if (swatch.kind === 'node') {
      const opacity = swatch.fillOpacity < 1 ? ` fill-opacity="${swatch.fillOpacity}"` : '';
      parts.push(
        `<path d="${swatch.path}" fill="${escapeXml(swatch.fill)}"${opacity} stroke="${escapeXml(swatch.stroke)}" stroke-width="${swatch.strokeWidth}"${dash}/>`,
      );
    } else {
      const { x1, y1, x2, y2 } = swatch.line;
      const stroke = escapeXml(swatch.stroke);
      parts.push(
        `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${stroke}" stroke-width="${swatch.strokeWidth}"${dash}/>`,
      );
      if (swatch.arrow) parts.push(`<path d="${swatch.arrow}" fill="${stroke}"/>`);
    }
    parts.push(text(item.label));
  }
  return parts;
}

function text(line: FrameText): string {
  const weight = line.weight === 'bold' ? ' font-weight="bold"' : '';
  return `<text x="${line.x}" y="${line.y}" font-size="${line.size}"${weight} fill="${line.color}">${escapeXml(line.text)}</text>`;
}

/** The graph's SVG nested in the frame, without its XML prolog, scaled from its own size to the box. */
function embedGraph(frame: ExportFrame, graphSvg: string): string {
  const body = graphSvg
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^\s*<!DOCTYPE[^>]*>/i, '')
    .trim();
  const ownWidth = Number.parseFloat(/^<svg\b[^>]*\bwidth="([\d.]+)/.exec(body)?.[1] ?? '');
  const scale = ownWidth > 0 ? frame.graph.width / ownWidth : 1;
  return `<g transform="translate(${frame.graph.x} ${frame.graph.y}) scale(${scale})">${body}</g>`;
}
