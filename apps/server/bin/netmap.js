#!/usr/bin/env node
// Starts the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('netmap: the CLI is not built yet; run "pnpm build" at the repository root');
  process.exit(2);
}
await import(cli.href);
