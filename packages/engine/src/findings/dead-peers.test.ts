import type { KubeObject, NetworkPolicyPeer } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deployment, findingWith, idsOf, runningPod } from '../test-support/finding-objects.ts';
import { app, namespace, policy } from '../test-support/objects.ts';

const cluster: KubeObject[] = [
  namespace('shop', { team: 'store' }),
  namespace('monitoring', { team: 'platform' }),
  runningPod('shop/web', { app: 'web' }),
  runningPod('monitoring/prometheus', { app: 'prometheus' }),
  runningPod('monitoring/exporter', { app: 'exporter' }, { hostNetwork: true }),
  deployment('monitoring/grafana', { app: 'grafana' }),
  runningPod('shop/old', { app: 'batch' }, { phase: 'Succeeded' }),
];

const ns = (labels: Record<string, string>) => ({ matchLabels: labels });
const withPeer = (peer: NetworkPolicyPeer) =>
  policy('shop/p', { podSelector: {}, ingress: [{ from: [peer] }], egress: [{ to: [peer] }] });

describe('peers that match nothing', () => {
  it.each<[string, NetworkPolicyPeer, string | undefined]>([
    ['a podSelector that selects a pod of the namespace', { podSelector: app('web') }, undefined],
    [
      'a podSelector whose pods are in another namespace',
      { podSelector: app('prometheus') },
      'matches no pod in namespace shop',
    ],
    ['a podSelector {}', { podSelector: {} }, undefined],
    ['a finished pod (its CronJob makes more)', { podSelector: app('batch') }, undefined],
    [
      'a namespaceSelector that selects a namespace',
      { namespaceSelector: ns({ team: 'platform' }) },
      undefined,
    ],
    [
      'a namespaceSelector that selects none',
      { namespaceSelector: ns({ team: 'nobody' }) },
      'matches no namespace',
    ],
    [
      'a namespace that exists only by its name label',
      { namespaceSelector: ns({ 'kubernetes.io/metadata.name': 'monitoring' }) },
      undefined,
    ],
    [
      'both selectors, the pods in the selected namespace',
      { namespaceSelector: ns({ team: 'platform' }), podSelector: app('prometheus') },
      undefined,
    ],
    [
      'both selectors, the pods in another namespace',
      { namespaceSelector: ns({ team: 'platform' }), podSelector: app('web') },
      'matches no pod in the namespaces it selects (monitoring)',
    ],
    [
      'both selectors, no namespace',
      { namespaceSelector: ns({ team: 'nobody' }), podSelector: app('web') },
      'matches no namespace',
    ],
    [
      'both selectors, namespaceSelector {}',
      { namespaceSelector: {}, podSelector: app('prometheus') },
      undefined,
    ],
    [
      'a hostNetwork pod, which selectors never match',
      { namespaceSelector: {}, podSelector: app('exporter') },
      'matches no pod in the namespaces it selects (monitoring and shop)',
    ],
    [
      'a workload without pods, by its template',
      { namespaceSelector: {}, podSelector: app('grafana') },
      undefined,
    ],
    ['an ipBlock', { ipBlock: { cidr: '203.0.113.0/24' } }, undefined],
    ['an ipBlock with an except', { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, undefined],
    [
      'an ipBlock whose excepts cover it all',
      { ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.0/25', '10.0.0.128/25'] } },
      'excepts its whole cidr',
    ],
  ])('%s', (_title, peer, why) => {
    const objects = [...cluster, withPeer(peer)];
    const ids = idsOf(objects, 'dead-peer');
    if (why === undefined) return expect(ids).toEqual([]);
    expect(ids).toEqual(['dead-peer:shop/p:egress[0].to[0]', 'dead-peer:shop/p:ingress[0].from[0]']);
    expect(findingWith(objects, ids[1]!).message).toContain(`${why}, so it admits nothing`);
  });

  it('knows a namespace without a Namespace object by its name label', () => {
    const objects = [
      ...cluster,
      runningPod('orders/api', { app: 'api' }),
      withPeer({
        namespaceSelector: ns({ 'kubernetes.io/metadata.name': 'orders' }),
        podSelector: app('api'),
      }),
    ];
    expect(idsOf(objects, 'dead-peer')).toEqual([]);
  });

  it('names the policy, the rule and the peer', () => {
    const objects = [...cluster, withPeer({ podSelector: app('wbe') })];
    expect(findingWith(objects, 'dead-peer:shop/p:ingress[0].from[0]')).toMatchObject({
      severity: 'low',
      category: 'dead-policy',
      objects: ['NetworkPolicy shop/p'],
      message:
        'NetworkPolicy shop/p ingress[0].from[0] (podSelector {app=wbe}) matches no pod in namespace shop, so it admits nothing',
    });
  });
});
