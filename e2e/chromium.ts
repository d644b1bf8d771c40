/**
 * How browser tests and the browser benchmark start Chromium. Playwright cannot download browsers
 * here: it drives the one scripts/find-chromium.js finds ($NETMAP_CHROMIUM or Debian's /usr/bin/chromium).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.NETMAP_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
