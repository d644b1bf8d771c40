import { createHmac } from 'node:crypto';
import { isSameSecret } from './constant-time.ts';

/** The cookie the login page sets: HttpOnly, SameSite=Strict, so EventSource sends it and other sites cannot. */
export const SESSION_COOKIE = 'netmap_session';

/** How long a login lasts. */
export const SESSION_SECONDS = 12 * 60 * 60;

const signature = (token: string, expiresAt: number) =>
  createHmac('sha256', token).update(`netmap-session:${expiresAt}`).digest('base64url');

/**
 * A session value `<expiresAt>.<HMAC of it keyed by the access token>`: it does not reveal the token,
 * expires by itself, and every session ends when the token changes. No server-side state.
 */
export function createSession(token: string, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + SESSION_SECONDS;
  return `${expiresAt}.${signature(token, expiresAt)}`;
}

/** Whether a session value was made with this token and has not expired. */
export function isValidSession(value: string, token: string, now = Date.now()): boolean {
  const match = /^([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt * 1000 <= now) return false;
  return isSameSecret(match[2]!, signature(token, expiresAt));
}

/** The value of one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A `Set-Cookie` value for the session (or one that clears it, with `value` empty). */
export function sessionCookieHeader(value: string, isSecure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${value === '' ? 0 : SESSION_SECONDS}`,
  ];
  if (isSecure) attributes.push('Secure');
  return attributes.join('; ');
}
