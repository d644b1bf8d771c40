import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { hostNameOf } from './addresses.ts';
import { PUBLIC_PATHS, pathOf } from './public-paths.ts';

/**
 * Answers only requests whose `Host` is an IP address, `localhost`, or a name in `allowedHosts`.
 * Without authentication this is what stops DNS rebinding: a web page whose name is made to
 * resolve to 127.0.0.1 (or to a `kubectl port-forward`) would otherwise read the whole map.
 */
export function installHostCheck(app: FastifyInstance, allowedHosts: readonly string[]): void {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    if (PUBLIC_PATHS.has(pathOf(request.url))) return;
    const host = hostNameOf(request.headers.host);
    if (host === 'localhost' || isIP(host) !== 0 || allowed.has(host)) return;
    return reply.code(403).send({
      error: `the Host "${host}" is not allowed: without authentication netmap answers only to localhost and IP addresses (a guard against DNS rebinding); serve it with --allowed-host ${host || 'NAME'}, or turn on authentication`,
    });
  });
}
