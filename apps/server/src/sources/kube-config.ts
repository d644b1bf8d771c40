import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

/** Where the cluster configuration comes from: the `--kubeconfig` and `--context` flags. */
export interface ClusterConfigOptions {
  kubeconfig?: string;
  context?: string;
  /** The environment, home directory and service-account directory to read (the process's by default). */
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  serviceAccountDir?: string;
}

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function fromFile(path: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromFile(path);
  return config;
}

/** Merges kubeconfig files as kubectl does: the first file to set a name (or current-context) wins. */
function mergeFirstWins(configs: KubeConfig[]): KubeConfig {
  const firstByName = <T extends { name: string }>(lists: T[][]): T[] => {
    const byName = new Map<string, T>();
    for (const item of lists.flat()) if (!byName.has(item.name)) byName.set(item.name, item);
    return [...byName.values()];
  };
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: firstByName(configs.map((c) => c.clusters)),
    users: firstByName(configs.map((c) => c.users)),
    contexts: firstByName(configs.map((c) => c.contexts)),
    currentContext: configs.map((c) => c.currentContext).find((name) => name) ?? '',
  });
  return merged;
}

/** The pod's service account, when running in a cluster (KUBERNETES_SERVICE_HOST/PORT and a token file). */
function inClusterConfig(env: NodeJS.ProcessEnv, dir: string): KubeConfig | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  const tokenFile = join(dir, 'token');
  if (!host || !port || !existsSync(tokenFile)) return undefined;
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [
      {
        name: 'in-cluster',
        server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
        caFile: join(dir, 'ca.crt'),
        skipTLSVerify: false,
      },
    ],
    // A token file, re-read as it rotates (bound service-account tokens expire).
    users: [{ name: 'in-cluster', authProvider: { name: 'tokenFile', config: { tokenFile } } }],
    contexts: [{ name: 'in-cluster', cluster: 'in-cluster', user: 'in-cluster' }],
    currentContext: 'in-cluster',
  });
  return config;
}

/** Raised when kubectl would find no cluster at all: netmap serve then runs the demo. */
export class NoClusterConfigured extends Error {
  constructor() {
    super(
      'no cluster configured: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run netmap in a pod with a service account',
    );
  }
}

/** kubectl's order: `--kubeconfig`, else the `KUBECONFIG` list (missing files skipped), else `~/.kube/config`, else in-cluster. */
function resolveConfig(options: ClusterConfigOptions): KubeConfig {
  const env = options.env ?? process.env;
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) throw new Error(`kubeconfig ${options.kubeconfig} does not exist`);
    return fromFile(options.kubeconfig);
  }
  const listed = (env.KUBECONFIG ?? '').split(delimiter).filter((path) => path !== '');
  const files =
    listed.length > 0
      ? listed.filter((path) => existsSync(path))
      : [join(options.homeDir ?? homedir(), '.kube', 'config')].filter((path) => existsSync(path));
  if (files.length > 0) return mergeFirstWins(files.map(fromFile));
  const inCluster = inClusterConfig(env, options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR);
  if (inCluster) return inCluster;
  throw new NoClusterConfigured();
}

/**
 * client-node 1.x refuses `http:` servers unless insecure-skip-tls-verify is set; kubectl accepts
 * them (e.g. `kubectl proxy` at http://127.0.0.1:8001). There is no TLS to verify on them anyway.
 */
function allowPlainHttp(config: KubeConfig): void {
  config.clusters = config.clusters.map((cluster) =>
    cluster.server.startsWith('http:') ? { ...cluster, skipTLSVerify: true } : cluster,
  );
}

/** Loads the cluster configuration exactly as kubectl resolves it, with `--context` selecting a context. */
export function loadClusterConfig(options: ClusterConfigOptions = {}): KubeConfig {
  const config = resolveConfig(options);
  const names = config.contexts.map((c) => c.name);
  const available =
    names.length > 0 ? `available contexts: ${names.join(', ')}` : 'the kubeconfig defines no context';
  if (options.context !== undefined) {
    if (!names.includes(options.context))
      throw new Error(`context "${options.context}" does not exist; ${available}`);
    config.setCurrentContext(options.context);
  }
  allowPlainHttp(config);
  const context = config.getContextObject(config.currentContext);
  if (!context) throw new Error(`no current context: pass --context (${available})`);
  if (!config.getCurrentCluster())
    throw new Error(
      `context "${context.name}" names cluster "${context.cluster}", which the kubeconfig does not define`,
    );
  return config;
}
