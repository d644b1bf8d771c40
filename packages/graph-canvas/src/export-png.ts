import {
  FRAME_FONT,
  RULE_COLOR,
  TITLE_BAR_FILL,
  type ExportFrame,
  type FrameText,
  type MeasureText,
} from './export-frame.ts';
import { legendSwatch } from './legend-swatch.ts';

/** Text widths as a canvas with the frame's font draws them. */
export function canvasTextMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  return (text, size, weight) => {
    context.font = fontOf(size, weight);
    return context.measureText(text).width;
  };
}

/** Draws the frame at `scale` pixels per unit with the graph's image in its box, as a PNG. */
export async function composePng(
  frame: ExportFrame,
  graphImage: Blob | undefined,
  scale: number,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(frame.width * scale);
  canvas.height = Math.round(frame.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.scale(scale, scale);
  context.fillStyle = frame.background;
  context.fillRect(0, 0, frame.width, frame.height);
  drawTitleBar(context, frame);
  if (graphImage) {
    const bitmap = await createImageBitmap(graphImage);
    const { x, y, width, height } = frame.graph;
    context.drawImage(bitmap, x, y, width, height);
    bitmap.close();
  }
  drawLegend(context, frame);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
      'image/png',
    ),
  );
}

function drawTitleBar(context: CanvasRenderingContext2D, frame: ExportFrame): void {
  const bar = frame.titleBar;
  context.fillStyle = TITLE_BAR_FILL;
  context.fillRect(bar.x, bar.y, bar.width, bar.height);
  rule(context, bar.height, bar.width);
  drawText(context, frame.title);
  for (const line of frame.subtitle) drawText(context, line);
}

function drawLegend(context: CanvasRenderingContext2D, frame: ExportFrame): void {
  if (!frame.legendBar) return;
  rule(context, frame.legendBar.y, frame.legendBar.width);
  for (const item of frame.legend) {
    const swatch = legendSwatch(item.entry, item.swatch);
    context.save();
    context.setLineDash(swatch.dash);
    context.lineCap = swatch.dash.length > 0 ? 'round' : 'butt';
    context.lineWidth = swatch.strokeWidth;
    context.strokeStyle = swatch.stroke;
    if (swatch.kind === 'node') {
      const path = new Path2D(swatch.path);
      context.fillStyle = swatch.fill;
      context.globalAlpha = swatch.fillOpacity;
      context.fill(path);
      context.globalAlpha = 1;
      context.stroke(path);
    } else {
      context.beginPath();
      context.moveTo(swatch.line.x1, swatch.line.y1);
      context.lineTo(swatch.line.x2, swatch.line.y2);
      context.stroke();
      if (swatch.arrow) {
        context.fillStyle = swatch.stroke;
        context.fill(new Path2D(swatch.arrow));
      }
    }
    context.restore();
    drawText(context, item.label);
  }
}

function rule(context: CanvasRenderingContext2D, y: number, width: number): void {
  context.fillStyle = RULE_COLOR;
  context.fillRect(0, y - 0.5, width, 1);
}

function drawText(context: CanvasRenderingContext2D, line: FrameText): void {
  context.font = fontOf(line.size, line.weight);
  context.fillStyle = line.color;
  context.textBaseline = 'alphabetic';
  context.fillText(line.text, line.x, line.y);
}

function fontOf(size: number, weight: 'normal' | 'bold'): string {
  return `${weight} ${size}px ${FRAME_FONT}`;
}
