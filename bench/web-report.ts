import { median } from './measure.ts';
import { count, formatTable, ms } from './table-format.ts';
import type { WebGraphSize } from './web-graph.ts';
import type { WebDraw } from './web-page.ts';

/** The frame budget for panning and zooming. */
export const TARGET_FRAME_MS = 50;

/** Frame times of one way of moving the view, pooled over the runs. */
export interface MotionResult {
  motion: string;
  frames: number[];
}

/** Everything measured at one size. */
export interface WebSizeResult extends WebGraphSize {
  runs: number;
  draws: WebDraw[];
  motions: MotionResult[];
  exports?: { pngMs: number; svgMs: number; pngBytes: number; svgBytes: number };
}

/** The value below which `share` of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** Whether every mouse-driven motion stays within the frame budget at p95. */
export function isUserTargetMet(results: readonly WebSizeResult[]): boolean {
  return results.every((r) =>
    r.motions
      .filter((m) => m.motion.startsWith('mouse'))
      .every((m) => percentile(m.frames, 0.95) < TARGET_FRAME_MS),
  );
}

/** First draw: medians over the runs. */
export function formatLayout(results: readonly WebSizeResult[]): string {
  const of = (r: WebSizeResult, figure: keyof WebDraw) => ms(median(r.draws.map((draw) => draw[figure])));
  return formatTable(
    ['nodes', 'edges', 'runs', 'setElements ms', 'laid out ms', 'until painted ms', 'longest task ms'],
    results.map((r) => [
      count(r.nodes),
      count(r.edges),
      String(r.runs),
      of(r, 'setElementsMs'),
      of(r, 'laidOutMs'),
      of(r, 'firstFrameMs'),
      of(r, 'longestTaskMs'),
    ]),
  );
}

/** Frame times: median and p95 of every frame of every run, against the budget. */
export function formatFrames(results: readonly WebSizeResult[]): string {
  const rows = results.flatMap((r) =>
    r.motions.map((m) => {
      const p95 = percentile(m.frames, 0.95);
      return [
        `${count(r.nodes)} / ${count(r.edges)}`,
        m.motion,
        String(m.frames.length),
        ms(median(m.frames)),
        ms(p95),
        ms(Math.max(...m.frames)),
        p95 < TARGET_FRAME_MS ? 'PASS' : 'MISS',
      ];
    }),
  );
  return formatTable(
    ['nodes / edges', 'motion', 'frames', 'median ms', 'p95 ms', 'max ms', `p95 < ${TARGET_FRAME_MS} ms`],
    rows,
  );
}

/** Export times and sizes, from the first run of each size. */
export function formatExports(results: readonly WebSizeResult[]): string {
  const rows = results.map((r) => {
    const e = r.exports;
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    return [
      `${count(r.nodes)} / ${count(r.edges)}`,
      e ? ms(e.pngMs) : '',
      e ? mb(e.pngBytes) : '',
      e ? ms(e.svgMs) : '',
      e ? mb(e.svgBytes) : '',
    ];
  });
  return formatTable(['nodes / edges', 'PNG ms', 'PNG MB', 'SVG ms', 'SVG MB'], rows);
}
