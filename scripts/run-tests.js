// `pnpm test`: the licences of what netmap ships, every unit and integration test (Vitest), then
// the browser tests (Playwright) when a Chromium is available. Without one they are skipped loudly; with CI=true a missing browser fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const run = (command, args, env = process.env) =>
  spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' }).status ?? 1;

const licences = run('node', ['scripts/check-licenses.js']);
if (licences !== 0) process.exit(licences);

const unit = run('pnpm', ['exec', 'vitest', 'run']);
if (unit !== 0) process.exit(unit);

const specs = readdirSync('e2e').filter((file) => file.endsWith('.spec.ts'));
if (specs.length === 0) process.exit(0);
const chromium = findChromium();
if (!chromium) {
  const banner = [
    '',
    '#'.repeat(78),
    '#  BROWSER TESTS SKIPPED: no Chromium found.',
    '#  Install one (Debian/Ubuntu: sudo apt-get install chromium) or point',
    '#  NETMAP_CHROMIUM at a Chromium executable, then run pnpm test again.',
    '#'.repeat(78),
    '',
  ].join('\n');
  console.error(banner);
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
process.exit(run('pnpm', ['exec', 'playwright', 'test'], { ...process.env, NETMAP_CHROMIUM: chromium }));
