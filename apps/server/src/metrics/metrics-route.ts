import type { FastifyInstance } from 'fastify';
import type { NetmapMetrics } from './netmap-metrics.ts';

/** `GET /metrics`: Prometheus text format. */
export async function metricsRoutes(
  app: FastifyInstance,
  options: { metrics: NetmapMetrics },
): Promise<void> {
  app.get('/metrics', async (_request, reply) => {
    const { contentType, text } = await options.metrics.exposition();
    return reply.type(contentType).send(text);
  });
}
