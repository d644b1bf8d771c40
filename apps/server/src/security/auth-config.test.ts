import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAuth } from './auth-config.ts';

const TOKEN = '0123456789abcdef0123';
const tokenFile = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'netmap-token-')), 'token');
  writeFileSync(path, text);
  return path;
};

describe('resolveAuth', () => {
  it('is off with nothing configured', () => expect(resolveAuth({ env: {} })).toBeUndefined());

  it('takes the token from the flag, a file (trimmed) or NETMAP_AUTH_TOKEN', () => {
    expect(resolveAuth({ token: TOKEN, env: {} })).toEqual({ token: TOKEN });
    expect(resolveAuth({ tokenFile: tokenFile(`${TOKEN}\n`), env: {} })).toEqual({ token: TOKEN });
    expect(resolveAuth({ env: { NETMAP_AUTH_TOKEN: TOKEN } })).toEqual({ token: TOKEN });
    // A flag wins over the environment.
    expect(resolveAuth({ token: `${TOKEN}x`, env: { NETMAP_AUTH_TOKEN: TOKEN } })).toEqual({
      token: `${TOKEN}x`,
    });
  });

  it.each([
    [{ token: 'short' }, /at least 16 characters/],
    [{ token: `${TOKEN} ${TOKEN}` }, /without spaces/],
    [{ token: TOKEN, tokenFile: '/x' }, /once/],
    [{ tokenFile: '/nonexistent/netmap-token' }, /cannot read .*ENOENT/],
    [{ proxyHeader: 'X-Forwarded-User' }, /go together/],
    [{ proxyAddresses: ['10.0.0.1'] }, /go together/],
    [{ proxyHeader: 'X User', proxyAddresses: ['10.0.0.1'] }, /not a header name/],
    [{ proxyHeader: 'X-User', proxyAddresses: ['proxy'] }, /--auth-proxy-address: "proxy"/],
  ])('refuses %j', (settings, message) =>
    expect(() => resolveAuth({ ...settings, env: {} })).toThrow(message),
  );

  it('trusts a proxy header from the given addresses', () => {
    expect(
      resolveAuth({ proxyHeader: 'X-Forwarded-User', proxyAddresses: ['10.0.0.0/24'], env: {} }),
    ).toEqual({
      proxy: { header: 'X-Forwarded-User', addresses: ['10.0.0.0/24'] },
    });
  });
});
