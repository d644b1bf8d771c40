import type { CliIo } from '../cli-io.ts';
import { ModelHub } from '../../hub/model-hub.ts';
import { ManifestsSource } from '../../sources/manifests-source.ts';
import { ManifestError } from '../../manifests/index.ts';
import { startServer } from '../../server.ts';
import { ipBlockOption, manifestsOption, parseCommand, portOption } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const SERVE_HELP = `Usage: netmap serve --manifests PATH [--host H] [--port P] [options]

Serves netmap's HTTP API over the given manifests.

Options:
  --manifests PATH              file or directory of YAML/JSON manifests (repeatable)
  --host H                      address to listen on (default 127.0.0.1: this machine only)
  --port P                      port to listen on (default 8080)
  --ipblock-matches-pods=B      whether ipBlocks match pod IPs (default true)

Endpoints: /healthz, /readyz, /api/v1/status, /api/v1/can, /api/v1/who-can-reach,
/api/v1/reachable-from, /api/v1/matrix, /api/v1/flows, /api/v1/findings.
`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `netmap serve`. */
export async function runServe(args: readonly string[], io: CliIo): Promise<void> {
  const { values } = parseCommand(args, {
    manifests: { type: 'string', multiple: true },
    host: { type: 'string' },
    port: { type: 'string' },
    'ipblock-matches-pods': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return io.out(SERVE_HELP);
  const host = values.host ?? '127.0.0.1';
  const port = portOption(values.port ?? '8080', true)!;
  const source = new ManifestsSource(manifestsOption(values.manifests));
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
  const { url } = await startServer({ source: hub, host, port });
  io.err(`netmap: serving ${source.description} at ${url}\n`);
}
