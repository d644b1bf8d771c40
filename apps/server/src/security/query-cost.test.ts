import { detectCni, evaluateCluster } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { MAX_FLOWS_PODS, MAX_MATRIX_PODS } from '../routes/queries.ts';

const pods = (count: number): KubeObject[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'Pod',
    metadata: { name: `p${i}`, namespace: `ns${i % 20}`, labels: { app: `a${i % 7}` } },
    spec: { containers: [{ name: 'main', ports: [{ containerPort: 80 }] }] },
    status: { phase: 'Running', podIP: `10.${Math.floor(i / 250)}.${i % 250}.1` },
  }));

describe('query cost on a large cluster', () => {
  it('refuses a matrix past the pod limit at once, saying what to ask instead', async () => {
    const evaluation = evaluateCluster(pods(MAX_MATRIX_PODS + 1));
    const app = buildApp({
      source: {
        evaluation,
        status: { kind: 'cluster', description: '', synced: true, problems: {}, cni: detectCni([]) },
      },
    });
    const started = performance.now();
    const response = await app.inject({ url: '/api/v1/matrix?port=80' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toBe(
      `a matrix of ${MAX_MATRIX_PODS + 1} pods is too large (limit ${MAX_MATRIX_PODS}): ask who-can-reach or reachable-from for one pod, or flows per workload`,
    );
    // The per-pod questions stay cheap.
    const who = await app.inject({ url: '/api/v1/who-can-reach?target=ns0/p0&port=80' });
    expect(who.statusCode).toBe(200);
    await app.close();
  });

  it('refuses every workload flow past the pod limit, pointing at the flows between two namespaces', async () => {
    const app = buildApp({
      source: {
        evaluation: evaluateCluster(pods(MAX_FLOWS_PODS + 1)),
        status: { kind: 'cluster', description: '', synced: true, problems: {}, cni: detectCni([]) },
      },
    });
    const response = await app.inject({ url: '/api/v1/flows' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatch(
      /^every workload flow of 20001 pods is too much to list at once .*\/api\/v1\/model\/flows/,
    );
    await app.close();
  });
});
