export type * from './types.ts';
export { createGraphCanvas, type GraphCanvasOptions } from './canvas.ts';
