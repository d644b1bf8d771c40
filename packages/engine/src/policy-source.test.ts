import type { NetworkPolicy } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { ClusterState } from './cluster-state.ts';
import { readPolicySource, sanitizePolicy } from './policy-source.ts';
import { app, policy } from './test-support/objects.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A policy as the API server returns it after `kubectl apply`. */
function applied(ref: string, spec: NetworkPolicy['spec'], annotations: Record<string, string> = {}) {
  const object = policy(ref, spec ?? {});
  Object.assign(object.metadata!, {
    annotations: { [LAST_APPLIED]: '{"old":"copy"}', ...annotations },
    managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
  });
  return object;
}

describe('sanitizePolicy', () => {
  it('drops managedFields and the last-applied annotation, keeps other annotations and the spec', () => {
    const original = applied('x/web', { podSelector: app('web'), ingress: [{}] }, { owner: 'team-a' });
    const sanitized = sanitizePolicy(original);
    expect(sanitized).toEqual({
      kind: 'NetworkPolicy',
      metadata: { namespace: 'x', name: 'web', annotations: { owner: 'team-a' } },
      spec: { podSelector: app('web'), ingress: [{}] },
    });
    // The state's object is left as it was.
    expect(original.metadata?.annotations?.[LAST_APPLIED]).toBeDefined();
    expect(original.metadata).toHaveProperty('managedFields');
  });

  it('drops annotations altogether when only the last-applied one was there', () => {
    expect(sanitizePolicy(applied('x/web', {})).metadata).toEqual({ namespace: 'x', name: 'web' });
  });
});

describe('readPolicySource', () => {
  const state = new ClusterState([
    applied('x/web', { podSelector: app('web'), egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }),
    policy('x/in-only', { podSelector: {} }),
    policy('x/out-only', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}] }),
    policy('x/broken', { podSelector: {}, policyTypes: ['Sideways'] }),
  ]);

  it('returns the stored policy, sanitized', () => {
    const source = readPolicySource(state, 'x/web');
    expect(source?.policy.spec).toEqual({
      podSelector: app('web'),
      egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }],
    });
    expect(JSON.stringify(source)).not.toMatch(/managedFields|last-applied/);
  });

  it('applies the policyTypes default: Ingress, plus Egress when egress rules exist', () => {
    expect(readPolicySource(state, 'x/web')?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(readPolicySource(state, 'x/in-only')?.policyTypes).toEqual(['Ingress']);
    expect(readPolicySource(state, 'x/out-only')?.policyTypes).toEqual(['Egress']);
  });

  it('knows no policy that is absent, or that the API server would reject', () => {
    expect(readPolicySource(state, 'x/none')).toBeUndefined();
    expect(readPolicySource(state, 'x/broken')).toBeUndefined();
  });

  it('follows changes to the state', () => {
    const changing = new ClusterState([policy('x/p', { podSelector: {} })]);
    changing.apply({ type: 'upsert', object: policy('x/p', { podSelector: app('db') }) });
    expect(readPolicySource(changing, 'x/p')?.policy.spec?.podSelector).toEqual(app('db'));
    changing.apply({ type: 'delete', object: policy('x/p', {}) });
    expect(readPolicySource(changing, 'x/p')).toBeUndefined();
  });
});

it('puts apiVersion and kind first, as kubectl shows a policy', () => {
  const policy = {
    metadata: { name: 'p', namespace: 'x' },
    spec: { podSelector: {} },
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
  } as NetworkPolicy;
  expect(Object.keys(sanitizePolicy(policy))).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
});
