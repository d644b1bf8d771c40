import type { FastifyInstance } from 'fastify';
import type { EvaluationSource } from '../evaluation-source.ts';

/** `/healthz` (the process answers) and `/readyz` (the source has been read). */
export async function healthRoutes(
  app: FastifyInstance,
  options: { source: EvaluationSource },
): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (!options.source.evaluation) return reply.code(503).send({ status: 'not ready' });
    return { status: 'ready' };
  });
}
