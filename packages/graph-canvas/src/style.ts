import type { StylesheetJson } from 'cytoscape';
import { DASHED, DOTTED } from './swatch-geometry.ts';

/** How much detail the stylesheet draws: `large` trades curves and edge labels for frame rate. */
export type StyleProfile = 'detailed' | 'large';

const FONT = '"DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif';
const INK = '#1e293b';
const SELECTED = '#2563eb';
const FLASH = '#f59e0b';

/** Font sizes of node labels and compound titles (exports draw them the same). */
export const NODE_FONT_SIZE = 11;
export const COMPOUND_FONT_SIZE = 14;
/** Node labels wrap at this width. */
export const NODE_LABEL_MAX_WIDTH = 150;
/**
 * Labels sit on a nearly opaque background: over edges and over each other in a dense namespace,
 * the label in front stays readable rather than mixing with what is behind it.
 */
export const LABEL_BACKGROUND_OPACITY = 0.9;
/**
 * A large graph's node labels show past a zoom of one half, small ones' past a quarter. (Cytoscape
 * compares `min-zoomed-font-size` with the font size times the zoom rounded up to a power of two.)
 */
const LARGE_MIN_FONT_SIZE = 8;

/** Leaf nodes are all one size, so the layout can treat them alike. */
export const NODE_SIZE = 30;
/** How strongly a compound node's box shows its colour: a light tint behind what it holds. */
export const COMPOUND_FILL_OPACITY = 0.08;
/** Space between a compound node's box and what it holds. */
export const COMPOUND_PADDING = 18;

/**
 * The stylesheet: looks come from each element's data (its visual), states from classes. Labels
 * disappear once zoomed out below a legible size, which also keeps large graphs fast.
 */
export function buildStylesheet(profile: StyleProfile): StylesheetJson {
  return [...elementStyles(profile), ...stateStyles()];
}

function elementStyles(profile: StyleProfile): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as 'ellipse',
        width: NODE_SIZE,
        height: NODE_SIZE,
        'background-color': 'data(color)',
        'border-color': 'data(borderColor)',
        'border-style': 'data(borderStyle)' as 'solid',
        'border-width': 'data(borderWidth)',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': NODE_FONT_SIZE,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_LABEL_MAX_WIDTH}px`,
        'line-height': 1.2,
        'text-background-color': '#ffffff',
        'text-background-opacity': LABEL_BACKGROUND_OPACITY,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        // Thousands of labels at a few pixels each are a grey blur: they show once legible.
        'min-zoomed-font-size': profile === 'detailed' ? 5 : LARGE_MIN_FONT_SIZE,
      },
    },
    {
      selector: ':parent',
      style: {
        shape: 'round-rectangle',
        'background-opacity': COMPOUND_FILL_OPACITY,
        'border-opacity': 0.8,
        padding: `${COMPOUND_PADDING}px`,
        'text-valign': 'top',
        'text-margin-y': -3,
        'font-size': COMPOUND_FONT_SIZE,
        'font-weight': 'bold',
        color: '#334155',
        // A namespace's name and counts on one or two lines, not four.
        'text-max-width': '320px',
        'text-background-opacity': 0,
        // Namespace names are what an overview is read by: they stay down to a zoom of an eighth.
        'min-zoomed-font-size': 3,
      },
    },
    { selector: 'edge', style: profile === 'detailed' ? detailedEdgeStyle() : largeEdgeStyle() },
    ...dashStyles(),
  ];
}

/** An edge's line and arrow, from its data. */
const EDGE_LINE = {
  width: 'data(width)',
  'line-color': 'data(color)',
  'line-style': 'data(lineStyle)' as 'solid',
  'target-arrow-shape': 'data(arrow)' as 'triangle',
  'target-arrow-color': 'data(color)',
  'arrow-scale': 0.8,
} as const;

function detailedEdgeStyle() {
  return {
    ...EDGE_LINE,
    'curve-style': 'bezier',
    label: 'data(label)',
    'font-family': FONT,
    'font-size': 9,
    color: '#334155',
    'text-background-color': '#ffffff',
    'text-background-opacity': 0.9,
    'text-background-padding': '2px',
    'text-background-shape': 'roundrectangle',
    // Port labels on every edge would bury the graph: they show once zoomed in past 1,
    // and always on the edges that are selected or highlighted.
    'min-zoomed-font-size': 14,
  } as const;
}

/**
 * Thousands of edges: straight, without labels, and no pointer events (Cytoscape would test each
 * edge under the pointer on every move). No more properties than that either: applying each one
 * to an element in a graph with compound nodes costs Cytoscape a walk through its neighbours.
 */
function largeEdgeStyle() {
  return { ...EDGE_LINE, 'curve-style': 'straight', events: 'no' } as const;
}

/** Dashes and dots drawn the same way as in exported legends (see `dashPattern`). */
function dashStyles(): StylesheetJson {
  return [
    { selector: 'edge[lineStyle = "dashed"]', style: { 'line-dash-pattern': [...DASHED] } },
    {
      selector: 'edge[lineStyle = "dotted"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [...DOTTED], 'line-cap': 'round' },
    },
    { selector: 'node[borderStyle = "dashed"]', style: { 'border-dash-pattern': [...DASHED] } },
    {
      selector: 'node[borderStyle = "dotted"]',
      style: { 'border-style': 'dashed', 'border-dash-pattern': [...DOTTED], 'border-cap': 'round' },
    },
  ];
}

function stateStyles(): StylesheetJson {
  return [
    { selector: '.dimmed', style: { opacity: 0.15 } },
    // The label of the node under the pointer, selected or highlighted comes to the front, and
    // shows even where the graph's labels are too small to draw.
    { selector: 'node.hovered', style: { 'z-index': 30, 'min-zoomed-font-size': 0 } },
    { selector: 'node.highlighted', style: { 'z-index': 10, 'min-zoomed-font-size': 0 } },
    { selector: 'edge.highlighted', style: { 'z-index': 10, 'min-zoomed-font-size': 0 } },
    {
      selector: 'node.selected',
      style: {
        'outline-width': 4,
        'outline-color': SELECTED,
        'outline-offset': 2,
        'outline-opacity': 1,
        'z-index': 20,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge.selected',
      style: {
        'underlay-color': SELECTED,
        'underlay-opacity': 0.35,
        'underlay-padding': 4,
        'z-index': 20,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: '.flash',
      style: { 'underlay-color': FLASH, 'underlay-opacity': 0.55, 'underlay-padding': 10 },
    },
    { selector: 'edge.flash', style: { 'underlay-padding': 5 } },
  ];
}
