// Bundles the CLI (and its workspace packages) into one file Node runs directly.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/netmap-cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies still call require() for Node built-ins.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
