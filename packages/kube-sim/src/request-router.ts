import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, authorize, verbOf, type AccessPolicy } from './access.ts';
import {
  AGGREGATED_DISCOVERY_TYPE,
  buildAggregatedDiscovery,
  buildCoreVersions,
  buildGroupList,
  buildResourceList,
  SIMULATED_VERSION,
} from './discovery.ts';
import type { Faults } from './faults.ts';
import { sendJson, sendStatus } from './http-io.ts';
import type { ObjectStore } from './object-store.ts';
import { parseRequestPath } from './request-path.ts';
import { handleResource } from './resource-handler.ts';
import { buildFailureStatus, KubeError } from './status.ts';
import { serveWatch } from './watch-stream.ts';

/** Everything a request is served from. */
export interface RouterContext {
  store: ObjectStore;
  faults: Faults;
  access: AccessPolicy;
  bookmarkIntervalMs: number;
}

const FAULT_REASONS = { 410: 'Expired', 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable' } as const;

/** Serves discovery: `/version`, `/api`, `/apis` and each group version, plain or aggregated. */
function serveDiscovery(message: IncomingMessage, response: ServerResponse, path: string): void {
  const aggregated = (message.headers.accept ?? '').includes('as=APIGroupDiscoveryList');
  if (path === '/version') return sendJson(response, 200, SIMULATED_VERSION);
  if ((path === '/api' || path === '/apis') && aggregated) {
    return sendJson(response, 200, buildAggregatedDiscovery(path === '/api'), { 'Content-Type': AGGREGATED_DISCOVERY_TYPE });
  }
  if (path === '/api') return sendJson(response, 200, buildCoreVersions(message.headers.host ?? '127.0.0.1'));
  if (path === '/apis') return sendJson(response, 200, buildGroupList());
  const list = buildResourceList(path.replace(/^\/apis?\//, ''));
  if (list) return sendJson(response, 200, list);
  throw new KubeError('NotFound', 'the server could not find the requested resource');
}

/** Serves one request: auth, injected faults, discovery, watch or a resource verb. */
async function route(context: RouterContext, message: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(message.url ?? '/', 'http://kube-sim');
  if (url.pathname === '/healthz' || url.pathname === '/readyz' || url.pathname === '/livez') {
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return;
  }
  authenticate(context.access, message.headers);
  const fault = context.faults.takeFailure(message.method ?? 'GET', url.pathname + url.search);
  if (fault) {
    const retry = fault.code === 429 || fault.code === 503 ? { 'Retry-After': String(fault.retryAfterSeconds) } : undefined;
    const reason = FAULT_REASONS[fault.code];
    const status = buildFailureStatus(reason, `injected fault: ${reason}`, retry ? { retryAfterSeconds: fault.retryAfterSeconds } : undefined, fault.code);
    return sendStatus(response, status, retry);
  }
  if (context.faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, context.faults.delayMs));
  const target = parseRequestPath(url.pathname);
  if (target.kind === 'discovery') return serveDiscovery(message, response, target.path);
  if (target.kind === 'unknown') throw new KubeError('NotFound', 'the server could not find the requested resource');
  const { type, namespace, name, subresource } = target;
  const watch = url.searchParams.get('watch');
  const isWatch = watch === 'true' || watch === '1';
  const verb = verbOf(message.method ?? 'GET', name !== undefined, isWatch);
  authorize(context.access, { verb, resource: type.resource, group: type.group, namespace, name });
  if (!isWatch) return handleResource(context.store, message, response, { type, namespace, name, subresource, query: url.searchParams });
  const timeout = Number(url.searchParams.get('timeoutSeconds') ?? 0);
  serveWatch(response, context.store, context.faults, {
    type,
    namespace,
    labelSelector: url.searchParams.get('labelSelector') ?? undefined,
    fieldSelector: url.searchParams.get('fieldSelector') ?? undefined,
    resourceVersion: url.searchParams.get('resourceVersion') ?? undefined,
    allowWatchBookmarks: url.searchParams.get('allowWatchBookmarks') === 'true',
    sendInitialEvents: url.searchParams.get('sendInitialEvents') === 'true',
    timeoutSeconds: timeout > 0 ? timeout : undefined,
    bookmarkIntervalMs: context.bookmarkIntervalMs,
  });
}

/** The `node:http` request listener of the simulator; errors become Status bodies. */
export function createRequestListener(context: RouterContext) {
  return (message: IncomingMessage, response: ServerResponse): void => {
    route(context, message, response).catch((error: unknown) => {
      const status =
        error instanceof KubeError ? error.toStatus() : buildFailureStatus('InternalError', `internal error: ${String(error)}`);
      if (response.headersSent) response.destroy();
      else sendStatus(response, status);
    });
  };
}
