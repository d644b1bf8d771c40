import type { KubeObject, NetworkPolicyIngressRule, NetworkPolicySpec } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { findingWith, idsOf, runningPod } from '../test-support/finding-objects.ts';
import { app, namespace, policy } from '../test-support/objects.ts';

const cluster: KubeObject[] = [
  namespace('shop', { team: 'store', env: 'prod' }),
  runningPod('shop/web', { app: 'web', tier: 'front' }),
  runningPod('shop/db', { app: 'db' }),
];
const ingressOf = (
  podSelector: NetworkPolicySpec['podSelector'],
  ...ingress: NetworkPolicyIngressRule[]
) => ({
  podSelector,
  ingress,
});
const fromWeb = { from: [{ podSelector: app('web') }] };
const tcp = (port: number | string, endPort?: number) => ({ port, ...(endPort ? { endPort } : {}) });

describe('shadowed policies', () => {
  it.each<[string, NetworkPolicySpec, NetworkPolicySpec, string[]]>([
    [
      'the same rules for the same pods: the first by name',
      ingressOf(app('db'), fromWeb),
      ingressOf(app('db'), fromWeb),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a wider peer',
      ingressOf(app('db'), fromWeb),
      ingressOf(app('db'), { from: [{ podSelector: {} }] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a rule without peers',
      ingressOf(app('db'), fromWeb),
      ingressOf(app('db'), { ports: [] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a narrower peer: the other is shadowed',
      ingressOf(app('db'), { from: [{ podSelector: {} }] }),
      ingressOf(app('db'), fromWeb),
      ['shadowed-policy:shop/b:ingress'],
    ],
    [
      'a wider port range',
      ingressOf(app('db'), { ...fromWeb, ports: [tcp(80)] }),
      ingressOf(app('db'), { ...fromWeb, ports: [tcp(80, 90)] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'another protocol',
      ingressOf(app('db'), { ...fromWeb, ports: [tcp(80)] }),
      ingressOf(app('db'), { ...fromWeb, ports: [{ protocol: 'UDP', port: 80 }] }),
      [],
    ],
    [
      'a named port against a number (not provable)',
      ingressOf(app('db'), { ...fromWeb, ports: [tcp('http')] }),
      ingressOf(app('db'), { ...fromWeb, ports: [tcp(8080)] }),
      [],
    ],
    [
      'the same named port',
      ingressOf(app('db'), { ...fromWeb, ports: [tcp('http')] }),
      ingressOf(app('db'), { ...fromWeb, ports: [tcp('http'), tcp(443)] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a policy that selects more pods',
      ingressOf(app('db'), fromWeb),
      ingressOf({}, fromWeb),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a policy that selects fewer pods: the other is shadowed',
      ingressOf({}, fromWeb),
      ingressOf(app('db'), fromWeb),
      ['shadowed-policy:shop/b:ingress'],
    ],
    [
      'peers covered by two rules',
      ingressOf(app('db'), {
        from: [{ podSelector: app('web') }, { podSelector: app('api') }],
        ports: [tcp(80)],
      }),
      ingressOf(
        app('db'),
        { from: [{ podSelector: app('api') }], ports: [tcp(80)] },
        { ...fromWeb, ports: [tcp(80)] },
      ),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'ports covered by two rules',
      ingressOf(app('db'), { ...fromWeb, ports: [tcp(80, 90)] }),
      ingressOf(app('db'), { ...fromWeb, ports: [tcp(80, 85)] }, { ...fromWeb, ports: [tcp(86, 90)] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a pure isolation policy (no rules)',
      { podSelector: app('db'), policyTypes: ['Ingress'] },
      ingressOf(app('db'), fromWeb),
      [],
    ],
    [
      'a policy of the other direction',
      ingressOf(app('db'), fromWeb),
      { podSelector: app('db'), policyTypes: ['Egress'], egress: [{}] },
      [],
    ],
    [
      'an ipBlock within a wider one',
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }),
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] } }] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'an ipBlock with a hole in it',
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }),
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.128/25'] } }] }),
      [],
    ],
    [
      'an ipBlock that cuts the same hole',
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.128/25'] } }] }),
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.128/25'] } }] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'a namespaceSelector with fewer labels',
      ingressOf(app('db'), {
        from: [{ namespaceSelector: { matchLabels: { team: 'store', env: 'prod' } } }],
      }),
      ingressOf(app('db'), { from: [{ namespaceSelector: { matchLabels: { team: 'store' } } }] }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      "the policy's own namespace, selected by its labels",
      ingressOf(app('db'), fromWeb),
      ingressOf(app('db'), {
        from: [{ namespaceSelector: { matchLabels: { team: 'store' } }, podSelector: app('web') }],
      }),
      ['shadowed-policy:shop/a:ingress'],
    ],
    [
      'another namespace',
      ingressOf(app('db'), fromWeb),
      ingressOf(app('db'), {
        from: [{ namespaceSelector: { matchLabels: { team: 'other' } }, podSelector: app('web') }],
      }),
      [],
    ],
    [
      'a selector peer against an ipBlock (not provable)',
      ingressOf(app('db'), fromWeb),
      ingressOf(app('db'), { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }),
      [],
    ],
    [
      'egress rules',
      { podSelector: app('db'), policyTypes: ['Egress'], egress: [{ to: [{ podSelector: app('web') }] }] },
      { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }] },
      ['shadowed-policy:shop/a:egress'],
    ],
  ])('%s', (_title, a, b, expected) => {
    expect(idsOf([...cluster, policy('shop/b', b), policy('shop/a', a)], 'shadowed-policy')).toEqual(
      expected,
    );
  });

  it('keeps one of several that cover each other, so removing those reported changes nothing', () => {
    const same = ingressOf(app('db'), fromWeb);
    const objects = [...cluster, ...['c', 'a', 'b'].map((name) => policy(`shop/${name}`, same))];
    expect(idsOf(objects, 'shadowed-policy')).toEqual([
      'shadowed-policy:shop/a:ingress',
      'shadowed-policy:shop/b:ingress',
    ]);
    expect(findingWith(objects, 'shadowed-policy:shop/a:ingress')).toMatchObject({
      severity: 'low',
      category: 'dead-policy',
      objects: ['NetworkPolicy shop/a', 'NetworkPolicy shop/b', 'NetworkPolicy shop/c'],
    });
    expect(findingWith(objects, 'shadowed-policy:shop/b:ingress').objects).toEqual([
      'NetworkPolicy shop/b',
      'NetworkPolicy shop/c',
    ]);
  });

  it('leaves a policy that selects no pod to that finding', () => {
    const same = ingressOf(app('nothing'), fromWeb);
    const objects = [...cluster, policy('shop/a', same), policy('shop/b', same)];
    expect(idsOf(objects, 'shadowed-policy')).toEqual([]);
    expect(idsOf(objects, 'policy-selects-no-pod')).toEqual([
      'policy-selects-no-pod:shop/a',
      'policy-selects-no-pod:shop/b',
    ]);
  });

  it('says which policies cover it', () => {
    const objects = [
      ...cluster,
      policy('shop/a', ingressOf(app('db'), fromWeb)),
      policy('shop/b', ingressOf({}, fromWeb)),
    ];
    expect(findingWith(objects, 'shadowed-policy:shop/a:ingress').message).toBe(
      'NetworkPolicy shop/a: every connection its ingress rules allow is also allowed by shop/b, which selects every pod it selects, so its ingress part changes nothing',
    );
  });
});
