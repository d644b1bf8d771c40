import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { QueryError } from '@netmap/engine';
import type { EvaluationSource } from './evaluation-source.ts';
import { ModelHub } from './hub/model-hub.ts';
import { metricsRoutes } from './metrics/metrics-route.ts';
import { NetmapMetrics } from './metrics/netmap-metrics.ts';
import { healthRoutes } from './routes/health.ts';
import { modelRoutes } from './routes/model.ts';
import { modelFlowRoutes } from './routes/model-flows.ts';
import { objectRoutes } from './routes/objects.ts';
import { policyRoutes } from './routes/policies.ts';
import { queryRoutes } from './routes/queries.ts';
import { reportRoutes } from './routes/report.ts';
import { streamRoutes, type StreamOptions } from './routes/stream.ts';
import { webAppRoutes } from './routes/web-app.ts';
import { whatIfRoutes } from './routes/what-if.ts';
import { installAuth, isAuthEnabled, type AuthOptions } from './security/auth.ts';
import { installHostCheck } from './security/host-check.ts';
import { installSecurityHeaders } from './security/security-headers.ts';

/** How netmap's HTTP app is built. */
export interface AppOptions {
  source: EvaluationSource;
  /** `false` (the default) logs nothing; otherwise pino's JSON lines at this level (and to this stream). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  stream?: Omit<StreamOptions, 'hub' | 'observer'>;
  /** The built web app's folder, served from `/`. */
  webRoot?: string;
  /** Who may use it; without it, everyone who reaches it. */
  auth?: AuthOptions;
  /**
   * Host names answered without authentication besides localhost and IP addresses. Undefined
   * turns the Host check off (tests, and callers that check it themselves).
   */
  allowedHosts?: readonly string[];
  /** Where `/metrics` reads from (a fresh set by default). */
  metrics?: NetmapMetrics;
}

// The probes and scrapes arrive every few seconds: their request lines are logged only on warnings.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** netmap's HTTP app, not yet listening: tests drive it with `inject()`. */
export function buildApp(options: AppOptions): FastifyInstance {
  // Streams never end by themselves: closing the app must close them.
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // Bodies are small: the login form (with its own smaller limit) and what-if drafts (with their
    // own larger one) are the only routes that take one.
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
  });
  app.addHook('onRoute', (route) => {
    if (QUIET_ROUTES.has(route.url)) route.logLevel = 'warn';
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
  installSecurityHeaders(app);
  if (isAuthEnabled(options.auth)) installAuth(app, options.auth);
  else if (options.allowedHosts) installHostCheck(app, options.allowedHosts);
  const metrics = options.metrics ?? new NetmapMetrics();
  void app.register(healthRoutes, { source: options.source });
  void app.register(metricsRoutes, { metrics });
  void app.register(queryRoutes, { source: options.source });
  void app.register(objectRoutes, { source: options.source });
  void app.register(policyRoutes, { source: options.source });
  void app.register(reportRoutes, { source: options.source });
  void app.register(whatIfRoutes, { source: options.source });
  if (options.source instanceof ModelHub) {
    void app.register(modelRoutes, { hub: options.source });
    void app.register(modelFlowRoutes, { hub: options.source });
    void app.register(streamRoutes, { ...options.stream, hub: options.source, observer: metrics });
  }
  if (options.webRoot) void app.register(webAppRoutes, { root: options.webRoot });
  return app;
}

function loggerOptions(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  if (logger === true) return { level: 'info' };
  // Credentials never reach the log, should a serializer ever include headers.
  const redact = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
  return {
    level: logger.level,
    redact,
    ...(logger.stream ? { stream: logger.stream } : {}),
  } as FastifyServerOptions['logger'];
}
