import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ModelHub } from './hub/model-hub.ts';
import { ManifestsSource } from './sources/manifests-source.ts';

/** Test helper: the folder of the online-shop example's manifests. */
export const ONLINE_SHOP = fileURLToPath(new URL('../examples/online-shop', import.meta.url));

/** Test helper: the app over the online-shop example, read and ready for `inject()`. */
export async function onlineShopApp(): Promise<FastifyInstance> {
  const source = new ManifestsSource([ONLINE_SHOP]);
  const hub = new ModelHub(source);
  await source.start((event) => hub.receive(event));
  const app = buildApp({ source: hub });
  await app.ready();
  return app;
}
