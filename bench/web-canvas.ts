import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import './web-page-global.ts';
import type { WebGraphSize } from './web-graph.ts';
import { parseWebBenchOptions } from './web-options.ts';
import { formatFrames, formatLayout, TARGET_FRAME_MS, type WebSizeResult } from './web-report.ts';

const VIEWPORT = { width: 1280, height: 800 };
const FRAMES = 120;
const SEED = 20_261_127;
const SCREENSHOT = 'test-results/bench-web.png';
const CLOSE_UP = 'test-results/bench-web-close-up.png';

/** `pnpm bench:web [-- --sizes 500:2000,2000:10000] [--json]`: layout and frame times in Chromium. */
async function main(): Promise<void> {
  const options = parseWebBenchOptions(process.argv.slice(2), process.env);
  const script = await bundlePage();
  const browser = await chromium.launch({
    executablePath: process.env.NETMAP_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const results: WebSizeResult[] = [];
  try {
    for (const [index, size] of options.sizes.entries()) {
      console.error(`benchmarking the canvas at ${size.nodes} nodes, ${size.edges} edges…`);
      const isLargest = index === options.sizes.length - 1;
      results.push(await measureSize(browser, script, size, options.runs, isLargest));
    }
  } finally {
    await browser.close();
  }
  if (options.isJson) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(`\nFirst draw (fcose layout included), medians\n\n${formatLayout(results)}\n`);
  console.log(`Frames while the view moves (every frame of every run)\n\n${formatFrames(results)}\n`);
  console.log(`Budget: ${TARGET_FRAME_MS} ms a frame at p95. Screenshots: ${SCREENSHOT}, ${CLOSE_UP}`);
}

/** The page's script: the canvas package and the graph generator, bundled for the browser. */
async function bundlePage(): Promise<string> {
  const output = await build({
    entryPoints: [fileURLToPath(new URL('./web-page.ts', import.meta.url))],
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
  script: string,
  size: WebGraphSize,
  runs: number,
  isScreenshotTaken: boolean,
): Promise<WebSizeResult> {
  const result: WebSizeResult = { ...size, runs, layoutMs: [], firstFrameMs: [], motions: [] };
  const pool = (motion: string, frames: number[]) => {
    const found = result.motions.find((m) => m.motion === motion);
    if (found) found.frames.push(...frames);
    else result.motions.push({ motion, frames: [...frames] });
  };
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser, script);
    try {
      const drawn = await page.evaluate(([s, seed]) => window.netmapBench.draw(s, seed), [
        size,
        SEED,
      ] as const);
      result.layoutMs.push(drawn.layoutMs);
      result.firstFrameMs.push(drawn.firstFrameMs);
      if (run === 0 && isScreenshotTaken) {
        mkdirSync('test-results', { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
      }
      pool('pan, whole graph', await page.evaluate((n) => window.netmapBench.animate('pan', n), FRAMES));
      pool('zoom, whole graph', await page.evaluate((n) => window.netmapBench.animate('zoom', n), FRAMES));
      pool('mouse drag', await recordWhile(page, () => dragAcross(page)));
      pool('mouse wheel', await recordWhile(page, () => wheelInAndOut(page)));
      await page.evaluate(() => window.netmapBench.closeUp());
      if (run === 0 && isScreenshotTaken) await page.screenshot({ path: CLOSE_UP });
      pool('pan, zoom 1', await page.evaluate((n) => window.netmapBench.animate('pan', n), FRAMES));
      pool('mouse drag, zoom 1', await recordWhile(page, () => dragAcross(page)));
    } finally {
      await page.close();
    }
  }
  return result;
}

async function openPage(browser: Browser, script: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.setContent(
    `<!doctype html><html><body style="margin:0"><div id="graph" style="width:${VIEWPORT.width}px;height:${VIEWPORT.height}px"></div></body></html>`,
  );
  await page.addScriptTag({ content: script });
  return page;
}

/** Frame times while `act` drives the mouse. */
async function recordWhile(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => window.netmapBench.startRecording());
  await act();
  return page.evaluate(() => window.netmapBench.stopRecording());
}

/** A drag over the background: a user panning. */
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
