// The browser side of `pnpm bench:web`, bundled into the benchmark page: it draws a synthetic graph
// with the product's canvas and times layout and frames.
import { bindGraphCanvas, createCytoscape } from '../packages/graph-canvas/src/canvas.ts';
import type { ExportOptions, GraphCanvas } from '../packages/graph-canvas/src/types.ts';
import { generateWebGraph, WEB_GRAPH_LEGEND, type WebGraphSize } from './web-graph.ts';
import './web-page-global.ts';

/** What the benchmark calls in the page. */
export interface WebBenchPage {
  /** Draws a generated graph; `layoutMs` times `setElements`, `firstFrameMs` until it is painted. */
  draw(size: WebGraphSize, seed: number): Promise<{ layoutMs: number; firstFrameMs: number }>;
  /** Frame times while the page pans or zooms by itself, one step per frame. */
  animate(motion: 'pan' | 'zoom', frames: number): Promise<number[]>;
  /** Zooms to 1 around the middle of the graph, where labels show. */
  closeUp(): void;
  /** Starts timing frames (while the benchmark drives the mouse)… */
  startRecording(): void;
  /** …and stops, returning the frame times. */
  stopRecording(): number[];
  /** Exports the graph framed as PNG and as SVG, timed; with `isKept` the files come back too. */
  exportFramed(isKept: boolean): Promise<WebExport>;
}

/** The two exports of one graph: how long each took and how large it is. */
export interface WebExport {
  pngMs: number;
  svgMs: number;
  pngBytes: number;
  svgBytes: number;
  /** The PNG as base64, and the SVG document, when asked to keep them. */
  png?: string;
  svg?: string;
}

let cy: ReturnType<typeof createCytoscape> | undefined;
let canvas: GraphCanvas | undefined;
let recording: { times: number[]; isOn: boolean } | undefined;

/** What the exports carry: a title bar and a legend of what the generated graph draws. */
const EXPORT_FRAME: ExportOptions = {
  title: 'netmap — synthetic benchmark cluster',
  subtitle: ['Namespaces as boxes; workloads, Services, Ingresses and external networks as nodes', 'Seeded'],
  legend: WEB_GRAPH_LEGEND,
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Frame-to-frame times from a list of frame timestamps, without the first (which waited for work to start). */
function deltas(stamps: readonly number[]): number[] {
  return stamps.slice(2).map((stamp, i) => stamp - stamps[i + 1]!);
}

const page: WebBenchPage = {
  async draw(size, seed) {
    canvas?.destroy();
    const container = document.getElementById('graph')!;
    cy = createCytoscape(container);
    canvas = bindGraphCanvas(cy);
    const elements = generateWebGraph(size, seed);
    const start = performance.now();
    canvas.setElements(elements);
    const layoutMs = performance.now() - start;
    await nextFrame();
    await nextFrame();
    return { layoutMs, firstFrameMs: performance.now() - start };
  },
  async animate(motion, frames) {
    const graph = cy!;
    const middle = { x: graph.width() / 2, y: graph.height() / 2 };
    const stamps: number[] = [];
    for (let i = 0; i < frames; i++) {
      stamps.push(await nextFrame());
      if (motion === 'pan') graph.panBy({ x: i < frames / 2 ? 6 : -6, y: i < frames / 2 ? 4 : -4 });
      else graph.zoom({ level: graph.zoom() * (i < frames / 2 ? 1.02 : 1 / 1.02), renderedPosition: middle });
    }
    stamps.push(await nextFrame());
    return deltas(stamps);
  },
  closeUp() {
    const graph = cy!;
    graph.zoom({ level: 1, renderedPosition: { x: graph.width() / 2, y: graph.height() / 2 } });
  },
  startRecording() {
    const state = { times: [] as number[], isOn: true };
    recording = state;
    const tick = (stamp: number) => {
      state.times.push(stamp);
      if (state.isOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },
  stopRecording() {
    if (!recording) return [];
    recording.isOn = false;
    return deltas(recording.times);
  },
  async exportFramed(isKept) {
    const graph = canvas!;
    let start = performance.now();
    const png = await graph.exportPng(EXPORT_FRAME);
    const pngMs = performance.now() - start;
    start = performance.now();
    const svg = graph.exportSvg(EXPORT_FRAME);
    const svgMs = performance.now() - start;
    const result: WebExport = { pngMs, svgMs, pngBytes: png.size, svgBytes: svg.length };
    if (!isKept) return result;
    const bytes = new Uint8Array(await png.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ...result, png: btoa(binary), svg };
  },
};

window.netmapBench = page;
