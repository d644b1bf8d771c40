export type * from './types.ts';
export type { BackgroundLayout } from './background-layout.ts';
export { createGraphCanvas, type GraphCanvasOptions } from './canvas.ts';
