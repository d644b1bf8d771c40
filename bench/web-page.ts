// The browser side of `pnpm bench:web`, bundled into the benchmark page: it draws a synthetic graph
// with the product's canvas and times layout and frames.
import { createWorkerLayout } from '../packages/graph-canvas/src/background-layout.ts';
import { bindGraphCanvas, createCytoscape } from '../packages/graph-canvas/src/canvas.ts';
import type { ExportOptions, GraphCanvas } from '../packages/graph-canvas/src/types.ts';
import { generateWebGraph, WEB_GRAPH_LEGEND, type WebGraphSize } from './web-graph.ts';
import './web-page-global.ts';

/** What the benchmark calls in the page. */
export interface WebBenchPage {
  /**
   * Draws a generated graph, laid out in a worker running `workerSource` as the app's canvas does,
   * and times it (see `WebDraw`).
   */
  draw(size: WebGraphSize, seed: number, workerSource: string): Promise<WebDraw>;
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

/** How long the first draw of a graph took. */
export interface WebDraw {
  /** `setElements`, which hands the layout to the worker. */
  setElementsMs: number;
  /** Until the laid-out graph is on the canvas. */
  laidOutMs: number;
  /** Until it is painted. */
  firstFrameMs: number;
  /** The longest the page's thread was busy at a stretch meanwhile (long tasks, 50 ms and up). */
  longestTaskMs: number;
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

/** Watches the page's long tasks from now on; `longest` reports the longest so far. */
function watchLongTasks(): { longest(): Promise<number> } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    async longest() {
      // Entries arrive after their task: give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    },
  };
}

/** Frame-to-frame times from a list of frame timestamps, without the first (which waited for work to start). */
function deltas(stamps: readonly number[]): number[] {
  return stamps.slice(2).map((stamp, i) => stamp - stamps[i + 1]!);
}

const page: WebBenchPage = {
  async draw(size, seed, workerSource) {
    canvas?.destroy();
    const container = document.getElementById('graph')!;
    const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    cy = createCytoscape(container);
    canvas = bindGraphCanvas(cy, { backgroundLayout: createWorkerLayout(() => new Worker(workerUrl)) });
    const elements = generateWebGraph(size, seed);
    const tasks = watchLongTasks();
    const laidOut = new Promise<void>((resolve) =>
      canvas!.on('layout', (progress) => progress.isDone && resolve()),
    );
    const start = performance.now();
    canvas.setElements(elements);
    const setElementsMs = performance.now() - start;
    // Graphs too small for the worker are shown at once.
    if (cy.elements().empty()) await laidOut;
    const laidOutMs = performance.now() - start;
    await nextFrame();
    await nextFrame();
    const firstFrameMs = performance.now() - start;
    return { setElementsMs, laidOutMs, firstFrameMs, longestTaskMs: await tasks.longest() };
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
