import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.ts';

// Browser tests drive the real server in demo mode in Chromium. Playwright cannot download browsers
// here: it uses the Chromium that scripts/find-chromium.js finds ($NETMAP_CHROMIUM or /usr/bin/chromium).
const PORT = Number(process.env.NETMAP_E2E_PORT ?? 18480);
// The demo writes a kubeconfig here, so that tests change the cluster with kubectl as a user would.
// Set once in the runner; its workers inherit it.
process.env.NETMAP_E2E_KUBECONFIG ??= join(tmpdir(), `netmap-e2e-${process.pid}`, 'kubeconfig');
mkdirSync(join(process.env.NETMAP_E2E_KUBECONFIG, '..'), { recursive: true });

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  webServer: {
    command: `node apps/server/bin/netmap.js serve --demo --demo-changes 0 --demo-kubeconfig "${process.env.NETMAP_E2E_KUBECONFIG}" --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
    launchOptions: chromiumLaunchOptions,
  },
});
