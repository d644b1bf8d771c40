import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './support.ts';

// A shared deployment with an access token: its own server, beside the demo the other specs use.
const PORT = Number(process.env.NETMAP_E2E_PORT ?? 18480) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOKEN = 'e2e-access-token-0123456789';
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  const tokenFile = join(mkdtempSync(join(tmpdir(), 'netmap-e2e-auth-')), 'token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  const args = [
    'serve',
    '--demo',
    '--demo-changes',
    '0',
    '--port',
    `${PORT}`,
    '--auth-token-file',
    tokenFile,
  ];
  server = spawn(process.execPath, ['apps/server/bin/netmap.js', ...args], { stdio: 'ignore' });
  await expect
    .poll(async () => (await fetch(`${ORIGIN}/readyz`).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
});

test('a browser signs in with the access token, and is sent back to sign in when the session ends', async ({
  page,
  context,
}) => {
  await page.goto(`${ORIGIN}/?g=flat`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Access token').fill('not-the-token-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That is not the access token.')).toBeVisible();

  await page.getByLabel('Access token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/?g=flat`);
  await expect(page.getByTestId('connection')).toContainText('Live');

  // The session cookie goes (signed out elsewhere, expired): the page asks to sign in, keeping the view.
  await context.clearCookies();
  await expect(page).toHaveURL(/\/login\?next=%2F%3Fg%3Dflat$/, { timeout: 15_000 });
});
