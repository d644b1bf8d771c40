import type { Box } from './swatch-geometry.ts';
import type { ExportOptions, LegendEntry } from './types.ts';

/** One line of text; `y` is its baseline. */
export interface FrameText {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: 'normal' | 'bold';
  color: string;
}

/** A legend entry: its swatch and its label. */
export interface FrameLegendItem {
  entry: LegendEntry;
  swatch: Box;
  label: FrameText;
}

/** Where everything of an export goes, in graph units (a PNG multiplies them by its scale). */
export interface ExportFrame {
  width: number;
  height: number;
  background: string;
  titleBar: Box;
  title: FrameText;
  subtitle: FrameText[];
  graph: Box;
  /** The band the legend sits in; absent without legend entries. */
  legendBar?: Box;
  legend: FrameLegendItem[];
}

/** The width of a line of text at a font size, in the same units. */
export type MeasureText = (text: string, size: number, weight: 'normal' | 'bold') => number;

export const FRAME_FONT = '"DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif';
export const TITLE_BAR_FILL = '#f1f5f9';
export const RULE_COLOR = '#cbd5e1';

const MARGIN = 24;
const MIN_WIDTH = 560;
const TITLE = { size: 20, weight: 'bold', color: '#0f172a' } as const;
const SUBTITLE = { size: 13, weight: 'normal', color: '#475569', lineHeight: 19 } as const;
const LEGEND = { size: 12, weight: 'normal', color: '#1e293b', rowHeight: 26, gap: 8, spacing: 28 } as const;
const SWATCH = { width: 30, height: 16 } as const;

/**
 * An estimate of a line's width that errs wide (DejaVu Sans averages a little under 0.6 em), for
 * SVG, whose fonts are the viewer's; a PNG measures with its canvas instead.
 */
export function estimateTextWidth(text: string, size: number, weight: 'normal' | 'bold'): number {
  return text.length * size * (weight === 'bold' ? 0.66 : 0.6);
}

/**
 * Lays out an export: a title bar (title and subtitle lines) on top, the graph in the middle, the
 * legend in rows underneath; as wide as the widest of them and never narrower than MIN_WIDTH.
 */
export function layoutExportFrame(
  graph: { width: number; height: number },
  options: ExportOptions,
  measure: MeasureText = estimateTextWidth,
): ExportFrame {
  const subtitleLines = options.subtitle ?? [];
  const textWidths = [
    measure(options.title, TITLE.size, TITLE.weight),
    ...subtitleLines.map((line) => measure(line, SUBTITLE.size, SUBTITLE.weight)),
    ...options.legend.map((entry) => legendItemWidth(entry, measure)),
  ];
  const width = Math.ceil(
    Math.max(MIN_WIDTH, graph.width + 2 * MARGIN, ...textWidths.map((w) => w + 2 * MARGIN)),
  );

  const titleBaseline = MARGIN + baselineOffset(TITLE.size);
  const title: FrameText = { text: options.title, x: MARGIN, y: titleBaseline, ...TITLE };
  const subtitle = subtitleLines.map((text, i): FrameText => ({
    text,
    x: MARGIN,
    y: titleBaseline + 8 + (i + 1) * SUBTITLE.lineHeight,
    size: SUBTITLE.size,
    weight: SUBTITLE.weight,
    color: SUBTITLE.color,
  }));
  const titleBarHeight = (subtitle.at(-1)?.y ?? titleBaseline) + MARGIN * 0.75;
  const graphBox: Box = {
    x: (width - graph.width) / 2,
    y: titleBarHeight + MARGIN,
    width: graph.width,
    height: graph.height,
  };

  const legendTop = graphBox.y + graphBox.height + MARGIN;
  const { items, bottom } = layoutLegend(options.legend, width, legendTop + MARGIN * 0.75, measure);
  const height = Math.ceil(items.length > 0 ? bottom + MARGIN * 0.75 : legendTop);
  return {
    width,
    height,
    background: options.background ?? '#ffffff',
    titleBar: { x: 0, y: 0, width, height: titleBarHeight },
    title,
    subtitle,
    graph: graphBox,
    ...(items.length > 0 ? { legendBar: { x: 0, y: legendTop, width, height: height - legendTop } } : {}),
    legend: items,
  };
}

/** Legend entries left to right, wrapping into rows that fit the frame. */
function layoutLegend(
  entries: readonly LegendEntry[],
  frameWidth: number,
  top: number,
  measure: MeasureText,
): { items: FrameLegendItem[]; bottom: number } {
  const items: FrameLegendItem[] = [];
  let x = MARGIN;
  let rowTop = top;
  for (const entry of entries) {
    const itemWidth = legendItemWidth(entry, measure);
    if (x > MARGIN && x + itemWidth > frameWidth - MARGIN) {
      x = MARGIN;
      rowTop += LEGEND.rowHeight;
    }
    const swatch: Box = { x, y: rowTop + (LEGEND.rowHeight - SWATCH.height) / 2, ...SWATCH };
    const label: FrameText = {
      text: entry.label,
      x: x + SWATCH.width + LEGEND.gap,
      y: rowTop + LEGEND.rowHeight / 2 + LEGEND.size * 0.35,
      size: LEGEND.size,
      weight: LEGEND.weight,
      color: LEGEND.color,
    };
    items.push({ entry, swatch, label });
    x += itemWidth + LEGEND.spacing;
  }
  return { items, bottom: rowTop + (items.length > 0 ? LEGEND.rowHeight : 0) };
}

function legendItemWidth(entry: LegendEntry, measure: MeasureText): number {
  return SWATCH.width + LEGEND.gap + measure(entry.label, LEGEND.size, LEGEND.weight);
}

/** From the top of a line to its baseline, for a font of this size. */
function baselineOffset(size: number): number {
  return Math.round(size * 0.8);
}
