import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isListed, parseAddressList } from './addresses.ts';
import { isSameSecret } from './constant-time.ts';
import { LOGIN_CSS, loginPage, safeNext } from './login-page.ts';
import { PUBLIC_PATHS, pathOf } from './public-paths.ts';
import {
  SESSION_COOKIE,
  createSession,
  isValidSession,
  readCookie,
  sessionCookieHeader,
} from './session-cookie.ts';

/** Who may use netmap when it is shared. Without either, everyone who reaches it may. */
export interface AuthOptions {
  /** An access token: sent as `Authorization: Bearer <token>`, or entered once on the login page. */
  token?: string;
  /** An authenticating proxy: `header` (e.g. `X-Forwarded-User`) is trusted only on connections from `addresses`. */
  proxy?: { header: string; addresses: readonly string[] };
}

/** Whether any authentication is configured. */
export const isAuthEnabled = (auth: AuthOptions | undefined): auth is AuthOptions =>
  auth?.token !== undefined || auth?.proxy !== undefined;

const LoginBody = Type.Object({
  token: Type.String({ maxLength: 1024 }),
  next: Type.Optional(Type.String({ maxLength: 2048 })),
});

/**
 * Refuses every request but the probes' and the login page's unless it carries the token (header
 * or session cookie) or comes from the trusted proxy with its user header. Browsers asking for a
 * page are sent to the login page; API callers get 401.
 */
export function installAuth(app: FastifyInstance, auth: AuthOptions): void {
  const proxyAddresses = auth.proxy ? parseAddressList(auth.proxy.addresses) : undefined;
  const proxyHeader = auth.proxy?.header.toLowerCase();
  const isFromProxy = (request: FastifyRequest) =>
    proxyAddresses !== undefined && isListed(proxyAddresses, request.socket.remoteAddress);

  const isAuthenticated = (request: FastifyRequest): boolean => {
    if (isFromProxy(request) && proxyHeader) {
      const user = request.headers[proxyHeader];
      if (typeof user === 'string' && user.trim() !== '') return true;
    }
    if (auth.token === undefined) return false;
    const authorization = request.headers.authorization ?? '';
    if (/^Bearer /i.test(authorization) && isSameSecret(authorization.slice(7).trim(), auth.token))
      return true;
    const session = readCookie(request.headers.cookie, SESSION_COOKIE);
    return session !== undefined && isValidSession(session, auth.token);
  };

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    if (PUBLIC_PATHS.has(path) || path === '/logout' || isAuthenticated(request)) return;
    const wantsPage = request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '');
    if (auth.token !== undefined && wantsPage && !path.startsWith('/api/') && path !== '/metrics') {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (auth.token !== undefined) void reply.header('www-authenticate', 'Bearer realm="netmap"');
    return reply
      .code(401)
      .send({ error: 'authentication required: send Authorization: Bearer <token>, or sign in at /login' });
  });

  if (auth.token !== undefined) installLogin(app, auth.token, isFromProxy);
}

function installLogin(
  instance: FastifyInstance,
  token: string,
  isFromProxy: (request: FastifyRequest) => boolean,
): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Browsers post the login form as application/x-www-form-urlencoded; nothing else takes a body.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  // Secure only where the browser reached netmap over TLS (directly, or through the trusted proxy).
  const isSecure = (request: FastifyRequest) =>
    request.protocol === 'https' ||
    (isFromProxy(request) && request.headers['x-forwarded-proto'] === 'https');

  app.get('/login.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(LOGIN_CSS));
  app.get(
    '/login',
    { schema: { querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2048 })) }) } },
    async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(loginPage({ next: safeNext(request.query.next) })),
  );
  app.post('/login', { schema: { body: LoginBody }, bodyLimit: 4096 }, async (request, reply) => {
    const next = safeNext(request.body.next);
    if (!isSameSecret(request.body.token, token)) {
      request.log.warn({ remoteAddress: request.socket.remoteAddress }, 'login refused: wrong access token');
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(loginPage({ next, error: 'That is not the access token.' }));
    }
    void reply.header('set-cookie', sessionCookieHeader(createSession(token), isSecure(request)));
    return reply.redirect(next, 303);
  });
  app.post('/logout', async (request, reply) => {
    void reply.header('set-cookie', sessionCookieHeader('', isSecure(request)));
    return reply.redirect('/login', 303);
  });
}
