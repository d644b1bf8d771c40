// Finds the Chromium that browser tests drive: $NETMAP_CHROMIUM, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';

/** Path of a Chromium executable, or undefined when none is installed. */
export function findChromium() {
  const candidates = [process.env.NETMAP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}
