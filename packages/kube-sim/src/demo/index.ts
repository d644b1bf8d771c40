import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubeObject } from '@netmap/model';
import { parseAllDocuments } from 'yaml';
import { materializeWorkloads } from './materialize.ts';

export { materializeWorkloads, type MaterializeOptions } from './materialize.ts';
export {
  applyDemoChange,
  startDemoChanges,
  DEBUG_POLICY,
  type DemoChange,
  type DemoChangesOptions,
} from './demo-changes.ts';
export { MAX_REPLICAS, MIN_REPLICAS } from './workload-changes.ts';
export { createRandom, type Random } from './random.ts';

/** The folder of the demo cluster's manifests: `packages/kube-sim/demo/`. */
export const DEMO_MANIFESTS_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/** The demo's manifests as written: Nodes and Namespaces first, then everything else in file order. */
export function readDemoManifests(directory: string = DEMO_MANIFESTS_DIR): KubeObject[] {
  const files = readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const objects = files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(directory, file), 'utf8'))
      .map((document) => document.toJS() as unknown)
      .filter((value): value is KubeObject => Boolean(value && typeof value === 'object' && 'kind' in value)),
  );
  const rank = (object: KubeObject) => (object.kind === 'Namespace' ? 0 : object.kind === 'Node' ? 1 : 2);
  return objects.sort((a, b) => rank(a) - rank(b));
}

/**
 * The demo cluster with what its controllers would have created: ready to seed `startKubeSim`.
 * `directory` names where the manifests are when they do not sit beside this package (a bundle).
 */
export function loadDemoCluster(options: { seed?: number; directory?: string } = {}): KubeObject[] {
  return materializeWorkloads(readDemoManifests(options.directory), { seed: options.seed ?? 1 });
}
export { seedDemoCluster } from './seed-demo.ts';
