import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The one inline style the page may apply: Cytoscape's renderer adds this `<style>` element to the
 * document head unless one with its id exists (cytoscape's BRp.init). Allowed by its hash, so no
 * other inline style can be.
 */
export const CYTOSCAPE_CONTAINER_STYLE = '.__________cytoscape_container { position: relative; }';
const styleHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page may load only its own scripts, styles, images and connections: no inline script, no
 * other origin, no framing. Exports are drawn to canvases and downloaded as `data:`/`blob:` URLs.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", styleHash(CYTOSCAPE_CONTAINER_STYLE)],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // netmap is often reached over plain HTTP (kubectl port-forward): upgrading would break it.
  upgradeInsecureRequests: null,
};

/** CSP, nosniff, no referrer, no framing, same-origin resource policy: helmet's headers, tuned for netmap. */
export function installSecurityHeaders(app: FastifyInstance): void {
  // Registered on the app itself (helmet is not encapsulated), so it covers every route.
  void app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // HSTS belongs to whatever terminates TLS in front of netmap; over HTTP browsers ignore it.
    strictTransportSecurity: false,
  });
}
