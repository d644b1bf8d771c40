import { describe, expect, it } from 'vitest';
import {
  SESSION_SECONDS,
  createSession,
  isValidSession,
  readCookie,
  sessionCookieHeader,
} from './session-cookie.ts';

const TOKEN = 'a-long-enough-access-token';

describe('session cookie', () => {
  it('accepts a session made with the token until it expires', () => {
    const now = Date.UTC(2026, 0, 1);
    const session = createSession(TOKEN, now);
    expect(session).not.toContain(TOKEN);
    expect(isValidSession(session, TOKEN, now + 1000)).toBe(true);
    expect(isValidSession(session, TOKEN, now + SESSION_SECONDS * 1000)).toBe(false);
  });

  it('refuses a session of another token, a changed expiry or a malformed value', () => {
    const session = createSession(TOKEN);
    expect(isValidSession(session, `${TOKEN}-rotated`)).toBe(false);
    const [expiresAt, signature] = session.split('.');
    expect(isValidSession(`${Number(expiresAt) + 3600}.${signature}`, TOKEN)).toBe(false);
    for (const value of ['', '.', `${expiresAt}.`, `${expiresAt}.${signature}x`, 'x'.repeat(5000)])
      expect(isValidSession(value, TOKEN)).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; netmap_session=v.x=y; b=2', 'netmap_session')).toBe('v.x=y');
    expect(readCookie('a=1', 'netmap_session')).toBeUndefined();
    expect(readCookie(undefined, 'netmap_session')).toBeUndefined();
  });

  it('sets HttpOnly, SameSite=Strict cookies, Secure only over TLS, and clears with Max-Age=0', () => {
    expect(sessionCookieHeader('v', false)).toBe(
      `netmap_session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}`,
    );
    expect(sessionCookieHeader('v', true)).toMatch(/; Secure$/);
    expect(sessionCookieHeader('', false)).toMatch(/^netmap_session=; .*Max-Age=0$/);
  });
});
