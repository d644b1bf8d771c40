import type { KubeObject, NetworkPolicyIngressRule, Service } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { findingWith, idsOf, runningPod, service } from '../test-support/finding-objects.ts';
import { app, policy } from '../test-support/objects.ts';

const feed = runningPod('shop/feed-1', { app: 'feed' }, { ports: [{ name: 'https', containerPort: 8443 }] });
const feedService = (spec: Partial<NonNullable<Service['spec']>>) =>
  service('shop/feed', { selector: { app: 'feed' }, ports: [{ port: 443, targetPort: 'https' }], ...spec });
const admit = (rule: NetworkPolicyIngressRule) =>
  policy('shop/feed', { podSelector: app('feed'), ingress: [rule] });
const partners = { from: [{ ipBlock: { cidr: '198.51.100.0/24' } }] };

describe('ipBlock rules behind source NAT', () => {
  it.each<[string, Partial<NonNullable<Service['spec']>>, NetworkPolicyIngressRule, boolean]>([
    ['NodePort, externalTrafficPolicy left to Cluster', { type: 'NodePort' }, partners, true],
    ['LoadBalancer, Cluster', { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' }, partners, true],
    ['externalIPs', { externalIPs: ['203.0.113.5'] }, partners, true],
    ['NodePort, Local', { type: 'NodePort', externalTrafficPolicy: 'Local' }, partners, false],
    ['ClusterIP', {}, partners, false],
    ['a rule on another port', { type: 'NodePort' }, { ...partners, ports: [{ port: 9090 }] }, false],
    [
      'a rule on the named target port',
      { type: 'NodePort' },
      { ...partners, ports: [{ port: 'https' }] },
      true,
    ],
    [
      'an ipBlock of every address',
      { type: 'NodePort' },
      { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] },
      false,
    ],
    [
      'every address but the private ranges (the nodes among them)',
      { type: 'NodePort' },
      { from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] },
      true,
    ],
    ['selector peers only', { type: 'NodePort' }, { from: [{ podSelector: {} }] }, false],
  ])('%s', (_title, spec, rule, isReported) => {
    const objects: KubeObject[] = [feed, feedService(spec), admit(rule)];
    expect(idsOf(objects, 'snat-ipblock')).toEqual(isReported ? ['snat-ipblock:shop/feed'] : []);
  });

  it('names the Service, the ipBlock and the policy', () => {
    const objects = [feed, feedService({ type: 'NodePort' }), admit(partners)];
    expect(findingWith(objects, 'snat-ipblock:shop/feed')).toMatchObject({
      severity: 'medium',
      category: 'wiring',
      objects: ['Service shop/feed', 'NetworkPolicy shop/feed'],
      message:
        "Service shop/feed (NodePort, externalTrafficPolicy: Cluster) source-NATs outside clients to a node's IP, so ipBlock 198.51.100.0/24 in shop/feed never sees their addresses: the rule admits the nodes, not the clients it names",
    });
  });
});
