import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serve, type ServeContext } from './commands/serve.ts';
import { UsageError } from './usage-error.ts';
import { freePort } from '../free-port.ts';

const ONLINE_SHOP = fileURLToPath(new URL('../../examples/online-shop', import.meta.url));
const TOKEN = 'correct-horse-battery-staple';

let running: FastifyInstance | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Runs `netmap serve` in-process with its own environment, signals, exit and log. */
async function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const err: string[] = [];
  const log: string[] = [];
  const signals = new EventEmitter();
  const exit = vi.fn<(code: number) => void>();
  const context: ServeContext = {
    env,
    homeDir: mkdtempSync(join(tmpdir(), 'netmap-home-')),
    signals,
    exit,
    logStream: { write: (line) => void log.push(line) },
  };
  const io = { out: () => {}, err: (text: string) => void err.push(text) };
  const server = await serve([...args, '--port', String(await freePort())], io, context);
  running = server?.app;
  return { ...server!, err, log, signals, exit };
}

describe('netmap serve', () => {
  it('logs JSON lines at the chosen level, and leaves probes out of the info log', async () => {
    const { url, log } = await start(['--manifests', ONLINE_SHOP, '--log-level', 'info']);
    await fetch(`${url}/healthz`);
    await fetch(`${url}/api/v1/status`);
    const lines = log.map(
      (line) => JSON.parse(line) as { level: number; msg: string; req?: { url: string } },
    );
    expect(lines.find((line) => line.msg.startsWith('Server listening'))?.level).toBe(30);
    expect(lines.some((line) => line.req?.url === '/api/v1/status')).toBe(true);
    expect(lines.some((line) => line.req?.url === '/healthz')).toBe(false);
  });

  it('closes streams and the source on SIGTERM, then exits 0', async () => {
    const { url, signals, exit, log } = await start(['--manifests', ONLINE_SHOP]);
    const stream = await fetch(`${url}/api/v1/stream`);
    const reader = stream.body!.getReader();
    await reader.read();
    signals.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0), { timeout: 5000 });
    // The stream has ended: reading on finishes (or fails) instead of hanging.
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })().catch(() => 'ended'),
    ).resolves.toBe('ended');
    expect(log.join('')).toContain('shutting down');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    running = undefined;
  });

  it('asks for the token once auth is on, taking it from NETMAP_AUTH_TOKEN', async () => {
    const { url, err } = await start(['--manifests', ONLINE_SHOP], { NETMAP_AUTH_TOKEN: TOKEN });
    expect((await fetch(`${url}/api/v1/status`)).status).toBe(401);
    const response = await fetch(`${url}/api/v1/status`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(err.join('')).not.toContain('warning');
  });

  it('answers only to localhost, IP addresses and --allowed-host names without auth', async () => {
    const { url } = await start(['--manifests', ONLINE_SHOP, '--allowed-host', 'netmap.test']);
    // fetch() sets Host itself: send it the way a rebound browser page would, with node:http.
    const withHost = (host: string) =>
      new Promise<number | undefined>((resolve, reject) =>
        get(`${url}/api/v1/status`, { headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).on('error', reject),
      );
    expect(await withHost('netmap.test')).toBe(200);
    expect(await withHost('localhost:8080')).toBe(200);
    expect(await withHost('rebound.example')).toBe(403);
  });

  it.each([
    [['--log-level', 'loud'], /--log-level must be one of/],
    [['--auth-token', 'short'], /at least 16 characters/],
    [['--auth-proxy-header', 'X-User'], /go together/],
  ])('refuses %j', async (args, message) => {
    await expect(start(['--manifests', ONLINE_SHOP, ...args])).rejects.toThrow(message);
  });

  it('refuses to show the demo in a pod that has no service-account token', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'netmap-sa-'));
    const env = {
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      NETMAP_SERVICE_ACCOUNT_DIR: empty,
    };
    const attempt = start([], env);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(/running in a pod without a service-account token/);
  });
});
