import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { EvaluationSource } from './evaluation-source.ts';
import { findWebRoot } from './routes/web-app.ts';

/** Listens on host:port and closes cleanly on SIGTERM or SIGINT. Returns the app and its URL. */
export async function startServer(options: {
  source: EvaluationSource;
  host: string;
  port: number;
  /** Stops what feeds the app (watches, the embedded simulator) when the server closes. */
  onClose?: () => Promise<void>;
}): Promise<{ app: FastifyInstance; url: string }> {
  const webRoot = findWebRoot();
  const app = buildApp({ source: options.source, logger: true, webRoot });
  if (options.onClose) app.addHook('onClose', options.onClose);
  const url = await app.listen({ host: options.host, port: options.port });
  if (!webRoot) app.log.warn('the web app is not built (pnpm build): only the API is served');
  const close = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  return { app, url };
}
