import { processIo } from './cli/cli-io.ts';
import { runCli } from './cli/main.ts';

// The `netmap` command: bundled to dist/cli.js by `pnpm build`.
process.exitCode = await runCli(process.argv.slice(2), processIo);
