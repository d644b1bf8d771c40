import { readFileSync } from 'node:fs';
import { parseAddressList } from './addresses.ts';
import type { AuthOptions } from './auth.ts';

/** The shortest access token accepted: guessing one must be hopeless. */
export const MIN_TOKEN_LENGTH = 16;

/** How the access token and the proxy were given: flags, and the environment. */
export interface AuthSettings {
  token?: string;
  tokenFile?: string;
  proxyHeader?: string;
  proxyAddresses?: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The authentication to enforce: the token from `--auth-token`, `--auth-token-file` or
 * `NETMAP_AUTH_TOKEN` (one of them), and the trusted proxy. Throws with a readable reason.
 */
export function resolveAuth(settings: AuthSettings): AuthOptions | undefined {
  const auth: AuthOptions = {};
  const token = readToken(settings);
  if (token !== undefined) auth.token = token;
  const { proxyHeader, proxyAddresses = [] } = settings;
  if ((proxyHeader === undefined) !== (proxyAddresses.length === 0))
    throw new Error(
      '--auth-proxy-header and --auth-proxy-address go together: the header is trusted only from those addresses',
    );
  if (proxyHeader !== undefined) {
    if (!/^[A-Za-z0-9-]+$/.test(proxyHeader))
      throw new Error(`--auth-proxy-header "${proxyHeader}" is not a header name`);
    try {
      parseAddressList(proxyAddresses);
    } catch (error) {
      throw new Error(`--auth-proxy-address: ${(error as Error).message}`, { cause: error });
    }
    auth.proxy = { header: proxyHeader, addresses: proxyAddresses };
  }
  return auth.token === undefined && auth.proxy === undefined ? undefined : auth;
}

function readToken(settings: AuthSettings): string | undefined {
  if (settings.token !== undefined && settings.tokenFile !== undefined)
    throw new Error('give the access token once: --auth-token or --auth-token-file');
  let token = settings.token;
  if (settings.tokenFile !== undefined) {
    try {
      token = readFileSync(settings.tokenFile, 'utf8');
    } catch (error) {
      throw new Error(
        `--auth-token-file: cannot read ${settings.tokenFile}: ${(error as NodeJS.ErrnoException).code ?? error}`,
        { cause: error },
      );
    }
  }
  token ??= settings.env.NETMAP_AUTH_TOKEN || undefined;
  if (token === undefined) return undefined;
  // A file or a Secret usually ends with a line break that is not part of the token.
  token = token.trim();
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))
    throw new Error(
      `the access token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -hex 32)`,
    );
  return token;
}
