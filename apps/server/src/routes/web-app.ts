import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Where the built web app is: beside a bundled server (`dist/web`), else in the web app's own
 * build folder when the server runs from source.
 */
export function findWebRoot(): string | undefined {
  const candidates = [new URL('./web/', import.meta.url), new URL('../../../web/dist/', import.meta.url)];
  return candidates.map((url) => fileURLToPath(url)).find((dir) => existsSync(`${dir}index.html`));
}

/** Serves the web app; paths that are not files get its page, so links into views load. */
export async function webAppRoutes(app: FastifyInstance, options: { root: string }): Promise<void> {
  await app.register(fastifyStatic, { root: options.root, index: 'index.html', wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/')) {
      return reply.code(404).send({ error: `no such route: ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
}
