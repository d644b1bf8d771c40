import type { KubeObject, NetworkPolicySpec } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deployment, findingWith, idsOf, runningPod } from '../test-support/finding-objects.ts';
import { policy } from '../test-support/objects.ts';

const owned = (ref: string, labels: Record<string, string>) =>
  runningPod(ref, labels, { owner: { kind: 'ReplicaSet', name: 'web-5d' } });
const webPods = [
  owned('shop/web-5d-a', { app: 'web' }),
  owned('shop/web-5d-b', { app: 'web', canary: 'yes' }),
];
const rs = {
  kind: 'ReplicaSet',
  metadata: { namespace: 'shop', name: 'web-5d', ownerReferences: [{ kind: 'Deployment', name: 'web' }] },
} as KubeObject;
const web = [
  { kind: 'Deployment', metadata: { namespace: 'shop', name: 'web' } } as KubeObject,
  rs,
  ...webPods,
];
const select = (spec: NetworkPolicySpec) => policy('shop/p', spec);

describe('unprotected workloads', () => {
  it.each<[string, KubeObject[], string[]]>([
    [
      'no policy',
      web,
      ['unprotected:egress:shop/web[Deployment]', 'unprotected:ingress:shop/web[Deployment]'],
    ],
    [
      'an ingress policy',
      [...web, select({ podSelector: {}, ingress: [{}] })],
      ['unprotected:egress:shop/web[Deployment]'],
    ],
    [
      'an egress policy',
      [...web, select({ podSelector: {}, policyTypes: ['Egress'] })],
      ['unprotected:ingress:shop/web[Deployment]'],
    ],
    ['both', [...web, select({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], []],
    [
      'a policy of another namespace',
      [...web, policy('other/p', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
      ['unprotected:egress:shop/web[Deployment]', 'unprotected:ingress:shop/web[Deployment]'],
    ],
    [
      'hostNetwork pods, which NetworkPolicy does not apply to',
      [runningPod('kube-system/agent', { app: 'agent' }, { hostNetwork: true })],
      [],
    ],
    [
      'a workload without pods, by its template',
      [deployment('shop/api', { app: 'api' }), select({ podSelector: {}, policyTypes: ['Egress'] })],
      ['unprotected:ingress:shop/api[Deployment]'],
    ],
    [
      'a finished pod, which takes part in no flow',
      [runningPod('shop/job', { app: 'job' }, { phase: 'Succeeded' })],
      [],
    ],
  ])('with %s', (_title, objects, expected) => {
    expect(idsOf(objects, 'unprotected')).toEqual(expected);
  });

  it('counts the pods a policy misses and names the workload as its kind', () => {
    const objects = [...web, select({ podSelector: { matchLabels: { canary: 'yes' } }, ingress: [{}] })];
    expect(findingWith(objects, 'unprotected:ingress:shop/web[Deployment]')).toEqual({
      id: 'unprotected:ingress:shop/web[Deployment]',
      severity: 'medium',
      category: 'unprotected',
      objects: ['Deployment shop/web'],
      message:
        'shop/web[Deployment]: no NetworkPolicy selects 1 of its 2 pods for ingress, so they accept connections from any pod and any address',
      fix: 'Add a NetworkPolicy that selects these pods for ingress and admits only the clients they need.',
    });
    expect(findingWith(web, 'unprotected:egress:shop/web[Deployment]').severity).toBe('low');
  });
});

describe('namespaces without a default deny', () => {
  it.each<[string, NetworkPolicySpec | undefined, string[]]>([
    ['no policy', undefined, ['no-default-deny:egress:shop', 'no-default-deny:ingress:shop']],
    ['podSelector {} for ingress', { podSelector: {} }, ['no-default-deny:egress:shop']],
    ['podSelector {} for both', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, []],
    [
      'an allow-list that isolates every pod by podSelector {}',
      { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }], egress: [{}] },
      [],
    ],
    [
      'a policy that selects only some pods',
      { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'] },
      ['no-default-deny:egress:shop', 'no-default-deny:ingress:shop'],
    ],
  ])('with %s', (_title, spec, expected) => {
    const objects = spec ? [...web, select(spec)] : web;
    expect(idsOf(objects, 'no-default-deny')).toEqual(expected);
  });

  it('says nothing of namespaces with only hostNetwork pods, or without pods', () => {
    const objects = [
      runningPod('kube-system/agent', { app: 'agent' }, { hostNetwork: true }),
      { kind: 'Namespace', metadata: { name: 'empty' } } as KubeObject,
    ];
    expect(idsOf(objects, 'no-default-deny')).toEqual([]);
  });

  it('rates ingress low and egress info, about the Namespace', () => {
    expect(findingWith(web, 'no-default-deny:ingress:shop')).toMatchObject({
      severity: 'low',
      objects: ['Namespace shop'],
    });
    expect(findingWith(web, 'no-default-deny:egress:shop').severity).toBe('info');
  });
});
