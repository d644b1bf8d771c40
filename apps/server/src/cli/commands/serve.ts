import type { CliIo } from '../cli-io.ts';
import { ModelHub } from '../../hub/model-hub.ts';
import { ManifestError } from '../../manifests/index.ts';
import { startServer } from '../../server.ts';
import { createClusterSource } from '../../sources/cluster-source.ts';
import { DemoSource } from '../../sources/demo-source.ts';
import { NoClusterConfigured } from '../../sources/kube-config.ts';
import { ManifestsSource } from '../../sources/manifests-source.ts';
import type { ObjectSource } from '../../sources/object-source.ts';
import { ipBlockOption, parseCommand, portOption } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const SERVE_HELP = `Usage: netmap serve [--manifests PATH | --demo | --kubeconfig F --context C --namespace N] [options]

Serves netmap (HTTP API and topology stream) for one source:
  a live cluster, found as kubectl finds it (--kubeconfig, else $KUBECONFIG, else ~/.kube/config,
  else the pod's service account); manifests on disk (--manifests); or the embedded demo cluster
  (--demo, and the default when no cluster is configured).

Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --demo                        the embedded demo cluster, with small changes over time
  --demo-changes SECONDS        seconds between the demo's changes (default 5; 0 keeps it still)
  --demo-kubeconfig FILE        write a kubeconfig for the demo cluster to FILE, so that kubectl
                                can change it while you watch (the demo then takes changes from
                                anyone on this machine)
  --kubeconfig FILE             the kubeconfig to read
  --context NAME                the kubeconfig context to use
  --namespace NS                a namespace to read one by one where RBAC forbids cluster-wide
                                lists (repeatable)
  --host H                      address to listen on (default 127.0.0.1: this machine only)
  --port P                      port to listen on (default 8080)
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)

Endpoints: /api/v1/stream (SSE), /api/v1/model, /api/v1/can, /api/v1/who-can-reach,
/api/v1/reachable-from, /api/v1/matrix, /api/v1/flows, /api/v1/findings, /api/v1/status,
/healthz, /readyz.
`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

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
  help: { type: 'boolean', short: 'h' },
} as const;

/** `netmap serve`. */
export async function runServe(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseCommand(args, OPTIONS);
  if (values.help) return io.out(SERVE_HELP);
  const host = values.host ?? '127.0.0.1';
  const port = portOption(values.port ?? '8080', true)!;
  const source = chooseSource(values, io);
  const hub = new ModelHub(source, {
    engine: { ipBlockMatchesPods: ipBlockOption(values['ipblock-matches-pods']) },
  });
  try {
    await source.start((event) => hub.receive(event));
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(error.message);
    throw error;
  }
  if (!LOOPBACK.has(host)) {
    io.err(
      `netmap: warning: listening on ${host} without authentication: anyone who reaches it sees the network layout\n`,
    );
  }
  const { url } = await startServer({ source: hub, host, port, onClose: () => source.stop() });
  io.err(`netmap: serving ${source.description} at ${url}\n`);
  if (source instanceof DemoSource && values['demo-kubeconfig']) {
    io.err(
      `netmap: change the demo cluster with: kubectl --kubeconfig ${values['demo-kubeconfig']} get pods -A\n`,
    );
  }
}

type Values = ReturnType<typeof parseCommand<typeof OPTIONS>>['values'];

function chooseSource(values: Values, io: CliIo): ObjectSource {
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
  if (values.demo) return demoSource(values);
  try {
    const options: Parameters<typeof createClusterSource>[0] = {};
    if (values.kubeconfig !== undefined) options.kubeconfig = values.kubeconfig;
    if (values.context !== undefined) options.context = values.context;
    if (values.namespace !== undefined) options.namespaces = values.namespace;
    return createClusterSource(options);
  } catch (error) {
    if (error instanceof NoClusterConfigured && !isCluster) {
      io.err('netmap: no cluster configured: serving the embedded demo cluster (see netmap serve --help)\n');
      return demoSource(values);
    }
    throw new UsageError((error as Error).message);
  }
}

function demoSource(values: Values): DemoSource {
  const seconds = values['demo-changes'] ?? '5';
  if (!/^[0-9]+(\.[0-9]+)?$/.test(seconds))
    throw new UsageError(`--demo-changes: "${seconds}" is not a number of seconds`);
  const options: ConstructorParameters<typeof DemoSource>[0] = { changeIntervalMs: Number(seconds) * 1000 };
  if (values['demo-kubeconfig'] !== undefined) options.kubeconfigPath = values['demo-kubeconfig'];
  return new DemoSource(options);
}
