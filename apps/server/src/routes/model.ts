import type { FastifyInstance } from 'fastify';
import type { ModelHub } from '../hub/model-hub.ts';

/** `GET /api/v1/model`: the current topology with its epoch and version, as the stream's snapshot. */
export async function modelRoutes(app: FastifyInstance, options: { hub: ModelHub }): Promise<void> {
  app.get('/api/v1/model', async (_request, reply) => {
    const topology = options.hub.topology;
    if (!topology) return reply.code(503).send({ error: 'the source has not been read yet' });
    return topology;
  });
}
