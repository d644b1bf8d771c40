/**
 * What a canvas draws, in terms of shapes and colours only: the canvas knows nothing of what the
 * nodes stand for. The app maps its own model to these elements and draws its legend from the
 * same visuals.
 */

export type NodeShape =
  'round-rectangle' | 'rectangle' | 'ellipse' | 'diamond' | 'hexagon' | 'triangle' | 'tag';
export type LineStyle = 'solid' | 'dashed' | 'dotted';

/** How a node looks. */
export interface NodeVisual {
  shape: NodeShape;
  /** Fill colour (CSS colour). */
  color: string;
  /** Border colour and style; a warning state is usually a red dashed border. */
  borderColor?: string;
  borderStyle?: LineStyle;
}

/** How an edge looks. */
export interface EdgeVisual {
  color: string;
  lineStyle: LineStyle;
  /** Line width in pixels (default 1.5). */
  width?: number;
  /** Arrow at the target end (default true). */
  arrow?: boolean;
}

export interface CanvasNode {
  id: string;
  /** The compound node this one sits in. */
  parent?: string;
  label: string;
  /** A second, smaller line under the label (e.g. a count or a type). */
  caption?: string;
  visual: NodeVisual;
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  visual: EdgeVisual;
}

export interface CanvasElements {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/**
 * One row of a legend drawn into exports. A `compound` node entry is drawn as the canvas draws
 * compound nodes: a light box, not a solid shape.
 */
export type LegendEntry =
  { label: string; node: NodeVisual; compound?: boolean } | { label: string; edge: EdgeVisual };

/** What an export carries besides the graph, so that it stands alone in a document. */
export interface ExportOptions {
  /** Title bar: e.g. the cluster and the time of the data. */
  title: string;
  /** Smaller lines under the title, e.g. the active filters. */
  subtitle?: string[];
  legend: LegendEntry[];
  /** Pixels per graph unit for PNG (default 2, print resolution). */
  scale?: number;
  background?: string;
}

/** What the user did on the canvas. */
export interface CanvasEvents {
  /** A node or edge was tapped; `null` when the background was. */
  select: (id: string | null) => void;
  /** A node was opened for actions (right click or long press), at page coordinates. */
  context: (id: string, position: { x: number; y: number }) => void;
  /** A large graph is being laid out off the page's thread (shown empty meanwhile), or is done. */
  layout: (progress: LayoutProgress) => void;
}

/** Where a background layout stands. */
export interface LayoutProgress {
  /** How many nodes (compound ones included) it lays out. */
  nodes: number;
  isDone: boolean;
}

/**
 * A graph on screen. The caller owns the truth and hands over whole element sets; the canvas
 * applies only the difference, so positions stay put and new nodes appear near their neighbours.
 */
export interface GraphCanvas {
  /**
   * Shows exactly these elements. The first call lays the graph out (deterministically); a large
   * graph is laid out off the page's thread and shows when done (see the `layout` event).
   */
  setElements(elements: CanvasElements): { added: string[]; removed: string[]; changed: string[] };
  /** Marks these elements as selected (replacing the selection). */
  setSelection(ids: readonly string[]): void;
  /** Emphasises these elements and dims the rest; `null` clears it. */
  setHighlight(ids: readonly string[] | null): void;
  /** Briefly flashes these elements (e.g. what a live change touched). */
  flash(ids: readonly string[]): void;
  /** Fits the view to these elements, or to everything. */
  fit(ids?: readonly string[]): void;
  /** Lays everything out again from scratch (deterministic for the same elements); resolves when shown. */
  relayout(): Promise<void>;
  exportPng(options: ExportOptions): Promise<Blob>;
  exportSvg(options: ExportOptions): string;
  on<E extends keyof CanvasEvents>(event: E, handler: CanvasEvents[E]): () => void;
  destroy(): void;
}
