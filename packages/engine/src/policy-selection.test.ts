import type { Pod } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { ClusterState } from './cluster-state.ts';
import { mergePolicySelections, selectingPolicies } from './policy-selection.ts';
import { app, policy } from './test-support/objects.ts';

function pod(
  ref: string,
  labels: Record<string, string>,
  extra: { ip?: string; hostNetwork?: boolean } = {},
) {
  const [namespace, name] = ref.split('/');
  const object: Pod = {
    kind: 'Pod',
    metadata: { namespace, name, labels },
    spec: { hostNetwork: extra.hostNetwork ?? false },
    // No IP: scheduled but waiting for one, so it takes part in no flow.
    status: extra.ip ? { phase: 'Running', podIP: extra.ip } : { phase: 'Pending' },
  };
  return object;
}

const policies = [
  policy('x/deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
  policy('x/web-in', { podSelector: app('web'), ingress: [{}] }),
  // No policyTypes, with egress rules: Ingress and Egress (NetworkPolicySpec defaults).
  policy('x/web-both', { podSelector: app('web'), egress: [{}] }),
  policy('x/db-out', { podSelector: app('db'), policyTypes: ['Egress'], egress: [{}] }),
  // Same labels, other namespace: selects nothing in x.
  policy('y/web-in', { podSelector: app('web'), ingress: [{}] }),
];

describe('selectingPolicies', () => {
  const state = new ClusterState([
    ...policies,
    pod('x/web-1', { app: 'web' }, { ip: '10.0.0.1' }),
    pod('x/web-pending', { app: 'web' }),
    pod('x/db-1', { app: 'db' }, { ip: '10.0.0.2' }),
    pod('x/node-agent', { app: 'db' }, { ip: '192.168.0.9', hostNetwork: true }),
    pod('x/other', { app: 'other' }, { ip: '10.0.0.3' }),
  ]);
  const of = (ref: string) => selectingPolicies(state, state.pods.get(ref)!);

  it('lists per direction the policies of its namespace that select it with that policyType', () => {
    expect(of('x/web-1')).toEqual({
      policies: { ingress: ['x/deny-all', 'x/web-both', 'x/web-in'], egress: ['x/deny-all', 'x/web-both'] },
      isolated: { ingress: true, egress: true },
    });
    expect(of('x/db-1').policies).toEqual({ ingress: ['x/deny-all'], egress: ['x/db-out', 'x/deny-all'] });
  });

  it('matches a pod that takes part in no flow against the policies directly, alike', () => {
    expect(state.classes.classOf(state.pods.get('x/web-pending')!)).toBeUndefined();
    expect(of('x/web-pending')).toEqual(of('x/web-1'));
  });

  it('never isolates a pod on the host network, though policies select it', () => {
    expect(of('x/node-agent')).toEqual({
      policies: { ingress: ['x/deny-all'], egress: ['x/db-out', 'x/deny-all'] },
      isolated: { ingress: false, egress: false },
    });
  });

  it('is empty and not isolated where nothing selects the pod', () => {
    const open = new ClusterState([pod('z/a', { app: 'web' }, { ip: '10.0.0.4' }), ...policies]);
    expect(selectingPolicies(open, open.pods.get('z/a')!)).toEqual({
      policies: { ingress: [], egress: [] },
      isolated: { ingress: false, egress: false },
    });
  });
});

describe('mergePolicySelections', () => {
  it('joins the policies, and is isolated where any pod is', () => {
    const merged = mergePolicySelections([
      { policies: { ingress: ['x/b', 'x/a'], egress: [] }, isolated: { ingress: true, egress: false } },
      { policies: { ingress: ['x/a'], egress: ['x/c'] }, isolated: { ingress: false, egress: false } },
    ]);
    expect(merged).toEqual({
      policies: { ingress: ['x/a', 'x/b'], egress: ['x/c'] },
      isolated: { ingress: true, egress: false },
    });
  });
});
