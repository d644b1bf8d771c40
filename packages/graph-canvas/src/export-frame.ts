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

/** The frame's sizes for a graph of ordinary size; a larger graph scales them all up alike. */
const BASE = {
  margin: 24,
  minWidth: 560,
  title: 20,
  subtitle: 13,
  subtitleLineHeight: 19,
  legend: 12,
  legendRowHeight: 26,
  legendGap: 8,
  legendSpacing: 28,
  swatchWidth: 30,
  swatchHeight: 16,
};
type Metrics = typeof BASE;
/**
 * Above this graph width (or 1,000 tall) the title and legend grow with the graph: an export is
 * looked at scaled to a page or a screen, where fixed-size text around a huge graph would vanish.
 */
const REFERENCE_WIDTH = 1400;
const REFERENCE_HEIGHT = 1000;

const COLORS = { title: '#0f172a', subtitle: '#475569', legend: '#1e293b' };

/**
 * An estimate of a line's width that errs wide (DejaVu Sans averages a little under 0.6 em), for
 * SVG, whose fonts are the viewer's; a PNG measures with its canvas instead.
 */
export function estimateTextWidth(text: string, size: number, weight: 'normal' | 'bold'): number {
  return text.length * size * (weight === 'bold' ? 0.66 : 0.6);
}

/**
 * Lays out an export: a title bar (title and subtitle lines) on top, the graph in the middle, the
 * legend in rows underneath; as wide as the widest of them and never narrower than the minimum.
 */
export function layoutExportFrame(
  graph: { width: number; height: number },
  options: ExportOptions,
  measure: MeasureText = estimateTextWidth,
): ExportFrame {
  const unit = Math.max(1, graph.width / REFERENCE_WIDTH, graph.height / REFERENCE_HEIGHT);
  const m = Object.fromEntries(Object.entries(BASE).map(([key, value]) => [key, value * unit])) as Metrics;
  const subtitleLines = options.subtitle ?? [];
  const textWidths = [
    measure(options.title, m.title, 'bold'),
    ...subtitleLines.map((line) => measure(line, m.subtitle, 'normal')),
    ...options.legend.map((entry) => legendItemWidth(entry, m, measure)),
  ];
  const width = Math.ceil(
    Math.max(m.minWidth, graph.width + 2 * m.margin, ...textWidths.map((w) => w + 2 * m.margin)),
  );

  const titleBaseline = m.margin + m.title * 0.8;
  const title = text(options.title, m.margin, titleBaseline, m.title, 'bold', COLORS.title);
  const subtitle = subtitleLines.map((line, i) =>
    text(
      line,
      m.margin,
      titleBaseline + 0.4 * m.title + (i + 1) * m.subtitleLineHeight,
      m.subtitle,
      'normal',
      COLORS.subtitle,
    ),
  );
  const titleBarHeight = (subtitle.at(-1)?.y ?? titleBaseline) + m.margin * 0.75;
  const graphBox: Box = {
    x: (width - graph.width) / 2,
    y: titleBarHeight + m.margin,
    width: graph.width,
    height: graph.height,
  };

  const legendTop = graphBox.y + graphBox.height + m.margin;
  const { items, bottom } = layoutLegend(options.legend, width, legendTop + m.margin * 0.75, m, measure);
  const height = Math.ceil(items.length > 0 ? bottom + m.margin * 0.75 : legendTop);
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
  m: Metrics,
  measure: MeasureText,
): { items: FrameLegendItem[]; bottom: number } {
  const items: FrameLegendItem[] = [];
  let x = m.margin;
  let rowTop = top;
  for (const entry of entries) {
    const itemWidth = legendItemWidth(entry, m, measure);
    if (x > m.margin && x + itemWidth > frameWidth - m.margin) {
      x = m.margin;
      rowTop += m.legendRowHeight;
    }
    const swatch: Box = {
      x,
      y: rowTop + (m.legendRowHeight - m.swatchHeight) / 2,
      width: m.swatchWidth,
      height: m.swatchHeight,
    };
    const baseline = rowTop + m.legendRowHeight / 2 + m.legend * 0.35;
    const label = text(
      entry.label,
      x + m.swatchWidth + m.legendGap,
      baseline,
      m.legend,
      'normal',
      COLORS.legend,
    );
    items.push({ entry, swatch, label });
    x += itemWidth + m.legendSpacing;
  }
  return { items, bottom: rowTop + (items.length > 0 ? m.legendRowHeight : 0) };
}

function legendItemWidth(entry: LegendEntry, m: Metrics, measure: MeasureText): number {
  return m.swatchWidth + m.legendGap + measure(entry.label, m.legend, 'normal');
}

function text(
  value: string,
  x: number,
  y: number,
  size: number,
  weight: 'normal' | 'bold',
  color: string,
): FrameText {
  return { text: value, x: round(x), y: round(y), size: round(size), weight, color };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
