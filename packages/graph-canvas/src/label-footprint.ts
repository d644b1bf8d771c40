import { estimateTextWidth } from './export-frame.ts';
import { NODE_FONT_SIZE, NODE_LABEL_MAX_WIDTH, NODE_SIZE } from './style.ts';

/** The least room a leaf node takes: the node with a short label of two lines underneath. */
export const MIN_FOOTPRINT = { width: 80, height: 60 };
/** Space between neighbouring labels, and between node and label. */
const LABEL_GAP = 10;
/**
 * Neighbours' labels may overlap at their ends a little: full room for every label spreads a graph
 * so far that it is drawn smaller, and its labels with it.
 */
const WIDTH_SHARE = 0.75;
const LINE_HEIGHT = NODE_FONT_SIZE * 1.2;

/**
 * The room a leaf node takes in the layout: the node with its label underneath, as wide as its
 * widest line (nearly) and as tall as its lines (wrapped as the stylesheet wraps them). The headless
 * layout cannot measure text, so the label is estimated from its length.
 */
export function labelFootprint(label: string): { width: number; height: number } {
  let width = 0;
  let lines = 0;
  for (const line of label.split('\n')) {
    const lineWidth = estimateTextWidth(line, NODE_FONT_SIZE, 'normal');
    width = Math.max(width, Math.min(lineWidth, NODE_LABEL_MAX_WIDTH));
    lines += Math.max(1, Math.ceil(lineWidth / NODE_LABEL_MAX_WIDTH));
  }
  return {
    width: Math.max(MIN_FOOTPRINT.width, width * WIDTH_SHARE + LABEL_GAP),
    height: Math.max(MIN_FOOTPRINT.height, NODE_SIZE + LABEL_GAP + lines * LINE_HEIGHT),
  };
}
