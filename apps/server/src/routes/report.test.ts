import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCni, evaluateCluster } from '@netmap/engine';
import { buildApp } from '../app.ts';
import { onlineShopApp, ONLINE_SHOP } from '../example-app.ts';
import { REPORT_CONTENT_SECURITY_POLICY } from './report.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await onlineShopApp();
});

afterAll(() => app.close());

const today = () => new Date().toISOString().slice(0, 10);

describe('GET /api/v1/report', () => {
  it('downloads the HTML report of the live model, with the source in its context', async () => {
    const response = await app.inject({ url: '/api/v1/report' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="netmap-report-${today()}.html"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.startsWith('<!doctype html>')).toBe(true);
    expect(response.body).toContain(`manifests: ${ONLINE_SHOP}`);
    expect(response.body).toContain('<section id="policies">');
  });

  it('is served under its own strict CSP, not the web app’s, keeping the other security headers', async () => {
    const response = await app.inject({ url: '/api/v1/report?format=html' });
    expect(response.headers['content-security-policy']).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(REPORT_CONTENT_SECURITY_POLICY).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // Other routes keep the web app's policy.
    const status = await app.inject({ url: '/api/v1/status' });
    expect(status.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('downloads Markdown with format=md, under the title asked for', async () => {
    const response = await app.inject({ url: '/api/v1/report?format=md&title=Shop%20review' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="netmap-report-${today()}.md"`,
    );
    expect(response.body.startsWith('# Shop review\n')).toBe(true);
  });

  it.each(['/api/v1/report?format=pdf', `/api/v1/report?title=${'x'.repeat(201)}`])(
    'answers 400 for %s',
    async (url) => {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatch(/format must be html or md/);
    },
  );

  it('names the network plugin the source found, and the kind of source', async () => {
    const cni = {
      name: 'Calico' as const,
      enforcesNetworkPolicy: true,
      evidence: 'DaemonSet kube-system/calico-node',
    };
    const live = buildApp({
      source: {
        evaluation: evaluateCluster([]),
        status: { kind: 'cluster', description: 'context "prod"', synced: true, problems: {}, cni },
      },
    });
    const response = await live.inject({ url: '/api/v1/report?format=md' });
    expect(response.body).toContain('- **Source:** cluster: context "prod"');
    expect(response.body).toContain('- **Network plugin:** Calico (enforces NetworkPolicy)');
    await live.close();
  });

  it('answers 503 before the source has been read', async () => {
    const unread = buildApp({
      source: {
        evaluation: undefined,
        status: { kind: 'cluster', description: '', synced: false, problems: {}, cni: detectCni([]) },
      },
    });
    const response = await unread.inject({ url: '/api/v1/report' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ error: 'the source has not been read yet' });
    await unread.close();
  });
});
