import { defineConfig } from '@playwright/test';

// Browser tests drive the real server in Chromium. Playwright cannot download browsers here:
// it uses the Chromium that scripts/find-chromium.js finds ($NETMAP_CHROMIUM or /usr/bin/chromium).
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.NETMAP_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
