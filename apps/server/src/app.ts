import Fastify, { type FastifyInstance } from 'fastify';
import { QueryError } from '@netmap/engine';
import type { EvaluationSource } from './evaluation-source.ts';
import { ModelHub } from './hub/model-hub.ts';
import { healthRoutes } from './routes/health.ts';
import { modelRoutes } from './routes/model.ts';
import { modelFlowRoutes } from './routes/model-flows.ts';
import { objectRoutes } from './routes/objects.ts';
import { policyRoutes } from './routes/policies.ts';
import { queryRoutes } from './routes/queries.ts';
import { streamRoutes, type StreamOptions } from './routes/stream.ts';
import { webAppRoutes } from './routes/web-app.ts';

/** netmap's HTTP app, not yet listening: tests drive it with `inject()`. */
export function buildApp(options: {
  source: EvaluationSource;
  logger?: boolean;
  stream?: Omit<StreamOptions, 'hub'>;
  /** The built web app's folder, served from `/`. */
  webRoot?: string;
}): FastifyInstance {
  // Streams never end by themselves: closing the app must close them.
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
  });
  // A question about an object that is not there is the caller's mistake, not the server's.
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof QueryError) return reply.code(400).send({ error: error.message });
    // Fastify's own client errors (schema validation, bad JSON) keep their status and message.
    const { statusCode, message } = error as { statusCode?: number; message?: string };
    if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
      return reply.code(statusCode).send({ error: message });
    }
    app.log.error(error);
    return reply.code(500).send({ error: 'internal error' });
  });
  void app.register(healthRoutes, { source: options.source });
  void app.register(queryRoutes, { source: options.source });
  void app.register(objectRoutes, { source: options.source });
  void app.register(policyRoutes, { source: options.source });
  if (options.source instanceof ModelHub) {
    void app.register(modelRoutes, { hub: options.source });
    void app.register(modelFlowRoutes, { hub: options.source });
    void app.register(streamRoutes, { ...options.stream, hub: options.source });
  }
  if (options.webRoot) void app.register(webAppRoutes, { root: options.webRoot });
  return app;
}
