// Bundles the CLI (and its workspace packages) into one file Node runs directly.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

// Workspace packages are bundled (they export TypeScript); npm dependencies stay in node_modules.
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@netmap/'));

await build({
  entryPoints: { cli: 'src/netmap-cli.ts' },
  outdir: 'dist',
  bundle: true,
  external,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies still call require() for Node built-ins.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});

// The demo cluster's manifests travel with the bundle (the demo source looks for them beside it).
cpSync('../../packages/kube-sim/demo', 'dist/demo', { recursive: true });

// So is the built web app, which the server serves from the same port.
if (existsSync('../web/dist/index.html')) cpSync('../web/dist', 'dist/web', { recursive: true });
