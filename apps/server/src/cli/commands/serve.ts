import type { FastifyInstance } from 'fastify';
import type { CliIo } from '../cli-io.ts';
import { ModelHub } from '../../hub/model-hub.ts';
import { ManifestError } from '../../manifests/index.ts';
import { meterHub } from '../../metrics/meter-source.ts';
import { NetmapMetrics } from '../../metrics/netmap-metrics.ts';
import { isLoopbackHost } from '../../security/addresses.ts';
import { resolveAuth } from '../../security/auth-config.ts';
import type { AuthOptions } from '../../security/auth.ts';
import { startServer, type SignalSource } from '../../server.ts';
import { createClusterSource, type WatchObserver } from '../../sources/cluster-source.ts';
import { DemoSource } from '../../sources/demo-source.ts';
import { NoClusterConfigured } from '../../sources/kube-config.ts';
import { ManifestsSource } from '../../sources/manifests-source.ts';
import type { ObjectSource } from '../../sources/object-source.ts';
import { ipBlockOption, parseCommand, portOption } from '../options.ts';
import { UsageError } from '../usage-error.ts';
import { SERVE_HELP } from './serve-help.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const OPTIONS = {
  manifests: { type: 'string', multiple: true },
  demo: { type: 'boolean' },
  'demo-changes': { type: 'string' },
  'demo-kubeconfig': { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string', multiple: true },
  host: { type: 'string' },
  port: { type: 'string' },
  'ipblock-matches-pods': { type: 'string' },
  'auth-token': { type: 'string' },
  'auth-token-file': { type: 'string' },
  'auth-proxy-header': { type: 'string' },
  'auth-proxy-address': { type: 'string', multiple: true },
  'allowed-host': { type: 'string', multiple: true },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseCommand<typeof OPTIONS>>['values'];

/** What `serve` reads from its process: tests pass their own. */
export interface ServeContext {
  env: NodeJS.ProcessEnv;
  /** Where `~/.kube/config` is looked for (the user's home by default). */
  homeDir?: string;
  exit?: (code: number) => void;
  signals?: SignalSource;
  /** Where the JSON log lines go (stdout by default). */
  logStream?: { write(line: string): void };
}

/** `netmap serve`. */
export async function runServe(args: readonly string[], io: CliIo): Promise<void> {
  await serve(args, io, { env: process.env });
}

/** Starts the server for `netmap serve` arguments; returns it, or nothing for `--help`. */
export async function serve(
  args: readonly string[],
  io: CliIo,
  context: ServeContext,
): Promise<{ app: FastifyInstance; url: string } | undefined> {
  const { values } = parseCommand(args, OPTIONS);
  if (values.help) return void io.out(SERVE_HELP);
  const host = values.host ?? '127.0.0.1';
  const port = portOption(values.port ?? '8080', true)!;
  const logLevel = values['log-level'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const auth = authOf(values, context.env, io);
  const metrics = new NetmapMetrics({ processMetrics: true });
  const source = chooseSource(values, io, context, metrics);
  const hub = new ModelHub(source, {
    engine: { ipBlockMatchesPods: ipBlockOption(values['ipblock-matches-pods']) },
  });
  try {
    await source.start(meterHub(hub, metrics));
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(error.message);
    throw error;
  }
  if (!auth && !isLoopbackHost(host)) {
    io.err(
      `netmap: warning: listening on ${host} without authentication: anyone who reaches it sees the network layout (see --auth-token)\n`,
    );
  }
  const server = await startServer({
    source: hub,
    host,
    port,
    logger: { level: logLevel, ...(context.logStream ? { stream: context.logStream } : {}) },
    ...(auth ? { auth } : {}),
    allowedHosts: values['allowed-host'] ?? [],
    metrics,
    ...(context.exit ? { exit: context.exit } : {}),
    ...(context.signals ? { signals: context.signals } : {}),
    onClose: async () => {
      hub.close();
      await source.stop();
    },
  });
  io.err(`netmap: serving ${source.description} at ${server.url}\n`);
  if (source instanceof DemoSource && values['demo-kubeconfig']) {
    io.err(
      `netmap: change the demo cluster with: kubectl --kubeconfig ${values['demo-kubeconfig']} get pods -A\n`,
    );
  }
  return server;
}

function authOf(values: Values, env: NodeJS.ProcessEnv, io: CliIo): AuthOptions | undefined {
  try {
    const auth = resolveAuth({
      token: values['auth-token'],
      tokenFile: values['auth-token-file'],
      proxyHeader: values['auth-proxy-header'],
      proxyAddresses: values['auth-proxy-address'],
      env,
    });
    if (values['auth-token'] !== undefined)
      io.err(
        'netmap: note: --auth-token shows in the process list; prefer --auth-token-file or NETMAP_AUTH_TOKEN\n',
      );
    return auth;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function chooseSource(
  values: Values,
  io: CliIo,
  context: ServeContext,
  observer: WatchObserver,
): ObjectSource {
  const isCluster =
    values.kubeconfig !== undefined || values.context !== undefined || values.namespace !== undefined;
  const chosen = [values.manifests !== undefined, values.demo === true, isCluster].filter(Boolean).length;
  if (chosen > 1)
    throw new UsageError(
      'choose one source: --manifests, --demo, or a cluster (--kubeconfig/--context/--namespace)',
    );
  if (!values.demo && (values['demo-changes'] !== undefined || values['demo-kubeconfig'] !== undefined))
    throw new UsageError('--demo-changes and --demo-kubeconfig go with --demo');
  if (values.manifests) return new ManifestsSource(values.manifests, { watch: true });
  if (values.demo) return demoSource(values, observer);
  const { env } = context;
  try {
    const options: Parameters<typeof createClusterSource>[0] = { env, observer };
    if (context.homeDir !== undefined) options.homeDir = context.homeDir;
    if (env.NETMAP_SERVICE_ACCOUNT_DIR) options.serviceAccountDir = env.NETMAP_SERVICE_ACCOUNT_DIR;
    if (values.kubeconfig !== undefined) options.kubeconfig = values.kubeconfig;
    if (values.context !== undefined) options.context = values.context;
    if (values.namespace !== undefined) options.namespaces = values.namespace;
    return createClusterSource(options);
  } catch (error) {
    if (!(error instanceof NoClusterConfigured) || isCluster) throw new UsageError((error as Error).message);
    // In a pod, a missing service-account token is a deployment mistake: never show demo data there.
    if (env.KUBERNETES_SERVICE_HOST)
      throw new UsageError(
        'running in a pod without a service-account token: mount one (automountServiceAccountToken: true), or pass --demo',
      );
    io.err('netmap: no cluster configured: serving the embedded demo cluster (see netmap serve --help)\n');
    return demoSource(values, observer);
  }
}

function demoSource(values: Values, observer: WatchObserver): DemoSource {
  const seconds = values['demo-changes'] ?? '5';
  if (!/^[0-9]+(\.[0-9]+)?$/.test(seconds))
    throw new UsageError(`--demo-changes: "${seconds}" is not a number of seconds`);
  const options: ConstructorParameters<typeof DemoSource>[0] = {
    changeIntervalMs: Number(seconds) * 1000,
    observer,
  };
  if (values['demo-kubeconfig'] !== undefined) options.kubeconfigPath = values['demo-kubeconfig'];
  return new DemoSource(options);
}
