import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import type { WebGraphSize } from './web-graph.ts';
import { parseWebBenchOptions } from './web-options.ts';
import './web-page-global.ts';
import {
  formatExports,
  formatFrames,
  formatLayout,
  isUserTargetMet,
  TARGET_FRAME_MS,
  type WebSizeResult,
} from './web-report.ts';

const VIEWPORT = { width: 1280, height: 800 };
const FRAMES = 120;
const SEED = 20_261_127;
const OUTPUT = 'test-results';
const SCREENSHOT = `${OUTPUT}/bench-web.png`;
const CLOSE_UP = `${OUTPUT}/bench-web-close-up.png`;
const EXPORT = `${OUTPUT}/bench-web-export`;

/**
 * `pnpm bench:web [-- --sizes 500:2000,1000:5000,2000:10000] [--json]` (BENCH_RUNS=3): the graph
 * canvas in Debian's Chromium ($NETMAP_CHROMIUM): the first draw (laid out in a worker), frames
 * while the view moves by script and by mouse, and the framed exports. Saves screenshots of the largest graph and the exports of the
 * smallest under test-results/.
 */
async function main(): Promise<void> {
  const options = parseWebBenchOptions(process.argv.slice(2), process.env);
  const script = await bundle('./web-page.ts');
  const workerSource = await bundle('../packages/graph-canvas/src/layout-worker.ts');
  const loadBefore = loadavg()[0]!;
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results: WebSizeResult[] = [];
  try {
    mkdirSync(OUTPUT, { recursive: true });
    for (const [index, size] of options.sizes.entries()) {
      console.error(`benchmarking the canvas at ${size.nodes} nodes, ${size.edges} edges…`);
      const keeps = { screenshots: index === options.sizes.length - 1, exports: index === 0 };
      results.push(await measureSize(browser, { script, workerSource }, size, options.runs, keeps));
    }
  } finally {
    await browser.close();
  }
  if (options.isJson) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(`\nFirst draw (fcose layout in a worker), medians\n\n${formatLayout(results)}\n`);
  console.log(`Frames while the view moves (every frame of every run)\n\n${formatFrames(results)}\n`);
  console.log(`Framed exports (first run)\n\n${formatExports(results)}\n`);
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
  console.log(`Machine: ${load}; frame times are wall-clock time, so a busy machine inflates them.`);
  console.log(
    `Panning and zooming by mouse within ${TARGET_FRAME_MS} ms a frame at p95: ${isUserTargetMet(results) ? 'yes' : 'NO'}`,
  );
  console.log(`Screenshots: ${SCREENSHOT}, ${CLOSE_UP}; exports: ${EXPORT}.png, ${EXPORT}.svg`);
}

/**
 * A script for the browser: the page's (the canvas package and the graph generator) or the layout
 * worker's, which the page starts from a blob as the app starts the one its bundler made.
 */
async function bundle(entry: string): Promise<string> {
  const output = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return output.outputFiles[0]!.text;
}

async function measureSize(
  browser: Browser,
  scripts: { script: string; workerSource: string },
  size: WebGraphSize,
  runs: number,
  keeps: { screenshots: boolean; exports: boolean },
): Promise<WebSizeResult> {
  const result: WebSizeResult = { ...size, runs, draws: [], motions: [] };
  const pool = (motion: string, frames: number[]) => {
    const found = result.motions.find((m) => m.motion === motion);
    if (found) found.frames.push(...frames);
    else result.motions.push({ motion, frames: [...frames] });
  };
  const animate = (page: Page, motion: 'pan' | 'zoom') =>
    page.evaluate(([m, n]) => window.netmapBench.animate(m, n), [motion, FRAMES] as const);
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser, scripts.script);
    try {
      result.draws.push(
        await page.evaluate(([s, seed, worker]) => window.netmapBench.draw(s, seed, worker), [
          size,
          SEED,
          scripts.workerSource,
        ] as const),
      );
      if (run === 0 && keeps.screenshots) await settledScreenshot(page, SCREENSHOT);
      pool('script pan, whole graph', await animate(page, 'pan'));
      pool('script zoom, whole graph', await animate(page, 'zoom'));
      pool('mouse drag, whole graph', await recordWhile(page, () => dragAcross(page)));
      pool('mouse wheel, whole graph', await recordWhile(page, () => wheelInAndOut(page)));
      await page.evaluate(() => window.netmapBench.closeUp());
      if (run === 0 && keeps.screenshots) await settledScreenshot(page, CLOSE_UP);
      pool('script pan, zoom 1', await animate(page, 'pan'));
      pool('mouse drag, zoom 1', await recordWhile(page, () => dragAcross(page)));
      if (run === 0) {
        const exported = await page.evaluate(
          (isKept) => window.netmapBench.exportFramed(isKept),
          keeps.exports,
        );
        const { png, svg, ...figures } = exported;
        result.exports = figures;
        if (png) writeFileSync(`${EXPORT}.png`, Buffer.from(png, 'base64'));
        if (svg) writeFileSync(`${EXPORT}.svg`, svg);
      }
    } finally {
      await page.close();
    }
  }
  return result;
}

async function openPage(browser: Browser, script: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const { width, height } = VIEWPORT;
  await page.setContent(
    `<!doctype html><html><body style="margin:0"><div id="graph" style="width:${width}px;height:${height}px"></div></body></html>`,
  );
  await page.addScriptTag({ content: script });
  return page;
}

/**
 * A screenshot once the canvas has settled: after a wheel zoom it shows a scaled snapshot for a
 * moment, and sharper textures of what is in view follow the first frame.
 */
async function settledScreenshot(page: Page, path: string): Promise<void> {
  await page.waitForTimeout(1000);
  await page.screenshot({ path });
}

/** Frame times while `act` drives the mouse. */
async function recordWhile(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => window.netmapBench.startRecording());
  await act();
  return page.evaluate(() => window.netmapBench.stopRecording());
}

/** A drag over the graph and back: a user panning. */
async function dragAcross(page: Page): Promise<void> {
  await page.mouse.move(40, 40);
  await page.mouse.down();
  await page.mouse.move(640, 440, { steps: FRAMES / 2 });
  await page.mouse.move(40, 40, { steps: FRAMES / 2 });
  await page.mouse.up();
}

/** Wheel steps in, then out, over the middle: a user zooming. */
async function wheelInAndOut(page: Page): Promise<void> {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  for (let i = 0; i < FRAMES; i++) {
    await page.mouse.wheel(0, i < FRAMES / 2 ? -40 : 40);
    await page.waitForTimeout(16);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
