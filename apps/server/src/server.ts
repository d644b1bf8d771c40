import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';
import { findWebRoot } from './routes/web-app.ts';

/** How the listening server starts and stops. */
export interface ServerOptions extends Omit<AppOptions, 'webRoot'> {
  host: string;
  port: number;
  /** Stops what feeds the app (watches, the embedded simulator) when the server closes. */
  onClose?: () => Promise<void>;
  /** Ends the process after a signal; `process.exit` by default (tests pass their own). */
  exit?: (code: number) => void;
  /** Longest a graceful shutdown may take before the process exits anyway (default 10 s). */
  shutdownGraceMs?: number;
  /** Where SIGTERM and SIGINT come from: the process by default (tests pass an emitter). */
  signals?: SignalSource;
}

/** The part of `process` that delivers signals. */
export type SignalSource = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Listens on host:port. On SIGTERM or SIGINT it stops taking connections, ends every stream,
 * stops the source's watches, then exits; a second signal or the grace period forces the exit.
 */
export async function startServer(options: ServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const webRoot = findWebRoot();
  const {
    host,
    port,
    onClose,
    exit = (code) => process.exit(code),
    shutdownGraceMs = 10_000,
    signals = process,
    ...appOptions
  } = options;
  const app = buildApp({ ...appOptions, ...(webRoot ? { webRoot } : {}) });
  if (onClose) app.addHook('onClose', onClose);
  installShutdown(app, { exit, graceMs: shutdownGraceMs, signals });
  let url: string;
  try {
    url = await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  if (!webRoot) app.log.warn('the web app is not built (pnpm build): only the API is served');
  return { app, url };
}

function installShutdown(
  app: FastifyInstance,
  { exit, graceMs, signals }: { exit: (code: number) => void; graceMs: number; signals: SignalSource },
): void {
  let isClosing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (isClosing) {
      app.log.warn({ signal }, 'second signal: exiting at once');
      return exit(1);
    }
    isClosing = true;
    app.log.info({ signal }, 'shutting down: closing streams and stopping watches');
    const timer = setTimeout(() => {
      app.log.error({ graceMs }, 'shutdown took too long: exiting');
      exit(1);
    }, graceMs);
    timer.unref();
    app.close().then(
      () => {
        clearTimeout(timer);
        app.log.info('shut down');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        app.log.error(error, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of SIGNALS) signals.on(signal, shutdown);
  // An app closed otherwise (tests, embedding) leaves no handlers behind.
  app.addHook('onClose', async () => {
    for (const signal of SIGNALS) signals.off(signal, shutdown);
  });
}
