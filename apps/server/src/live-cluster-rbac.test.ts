// RBAC that forbids NetworkPolicies in a namespace, end to end: simulator -> source -> hub -> HTTP.
import type { KubeObject } from '@netmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from './live-server-kit.ts';

const pod = (namespace: string, name: string, ip: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app: name } },
  spec: { containers: [{ name: 'main' }] },
  status: { phase: 'Running', podIP: ip },
});
const denyAll = (namespace: string): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny-all', namespace },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
});

let live: LiveServer;

beforeAll(async () => {
  live = await startLiveServer(
    {
      token: 'rbac',
      seed: [
        pod('shop', 'web', '10.0.0.1'),
        pod('ops', 'agent', '10.0.0.2'),
        denyAll('ops'),
        denyAll('shop'),
      ],
      // netmap may read NetworkPolicies in shop only: not cluster-wide, not in ops.
      forbidden: [
        { resource: 'networkpolicies', namespace: '' },
        { resource: 'networkpolicies', namespace: 'ops' },
      ],
    },
    { namespaces: ['shop', 'ops'] },
  );
});

afterAll(() => live.close());

const get = async <T>(path: string): Promise<T> => (await (await fetch(`${live.url}${path}`)).json()) as T;

describe('a cluster whose RBAC hides the NetworkPolicies of a namespace', () => {
  it('answers unknown into that namespace, and still denied where a policy it read denies', async () => {
    const into = await get<{ verdict: string }>('/api/v1/can?from=shop/web&to=ops/agent&port=80');
    expect(into.verdict).toBe('unknown');
    const intoShop = await get<{ verdict: string }>('/api/v1/can?from=ops/agent&to=shop/web&port=80');
    expect(intoShop.verdict).toBe('denied');
  });

  it('says what it could not read and what follows', async () => {
    const status = await get<{ source: { problems: Record<string, string> } }>('/api/v1/status');
    expect(Object.keys(status.source.problems).sort()).toEqual(['networkpolicies', 'networkpolicies in ops']);
    const ids = (await get<{ id: string }[]>('/api/v1/findings')).map((finding) => finding.id);
    expect(ids).toContain('policies-unreadable:ops');
    expect(ids).not.toContain('unprotected:ingress:ops/agent[Pod]');
    expect(ids).toContain('unprotected:egress:shop/web[Pod]');
  });
});
