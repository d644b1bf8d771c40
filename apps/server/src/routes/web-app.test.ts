import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { detectCni } from '@netmap/engine';
import { buildApp } from '../app.ts';

const root = mkdtempSync(join(tmpdir(), 'netmap-web-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>netmap</title>');
writeFileSync(join(root, 'app.js'), 'console.log(1)');
afterAll(() => rmSync(root, { recursive: true }));

const app = buildApp({
  source: {
    evaluation: undefined,
    status: { kind: 'manifests', description: '', synced: false, problems: {}, cni: detectCni([]) },
  },
  webRoot: root,
});
afterAll(() => app.close());

it('serves the web app, its files, and its page for any view path', async () => {
  const page = await app.inject('/');
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('<title>netmap</title>');
  expect((await app.inject('/app.js')).body).toBe('console.log(1)');
  const view = await app.inject('/?ns=shop&selected=shop%2Ffrontend');
  expect(view.body).toContain('<title>netmap</title>');
  expect((await app.inject('/some/deep/link')).body).toContain('<title>netmap</title>');
});

it('answers unknown API routes with a 404 in JSON, not the page', async () => {
  const response = await app.inject('/api/v1/nothing-here?x=1');
  expect(response.statusCode).toBe(404);
  expect(response.json()).toEqual({ error: 'no such route: GET /api/v1/nothing-here' });
  expect((await app.inject({ method: 'POST', url: '/' })).statusCode).toBe(404);
});
