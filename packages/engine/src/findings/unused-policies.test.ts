import type { KubeObject, NetworkPolicySpec } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deployment, findingWith, idsOf, runningPod } from '../test-support/finding-objects.ts';
import { app, policy } from '../test-support/objects.ts';

const web = runningPod('shop/web', { app: 'web' });

describe('policies that select no pod', () => {
  it.each<[string, KubeObject[], NetworkPolicySpec, boolean]>([
    ['a typo in the podSelector', [web], { podSelector: app('wbe') }, true],
    ['a podSelector that selects a pod', [web], { podSelector: app('web') }, false],
    ['podSelector {} in a namespace without pods', [], { podSelector: {} }, false],
    [
      'a pod of another namespace',
      [runningPod('other/web', { app: 'web' })],
      { podSelector: app('web') },
      true,
    ],
    [
      'a workload without pods, by its template',
      [deployment('shop/web', { app: 'web' })],
      { podSelector: app('web') },
      false,
    ],
    [
      'a finished pod (its CronJob makes more)',
      [runningPod('shop/web', { app: 'web' }, { phase: 'Succeeded' })],
      { podSelector: app('web') },
      false,
    ],
    [
      'only hostNetwork pods',
      [runningPod('shop/web', { app: 'web' }, { hostNetwork: true })],
      { podSelector: app('web') },
      true,
    ],
    [
      'matchExpressions',
      [web],
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] } },
      true,
    ],
  ])('%s', (_title, objects, spec, isReported) => {
    const ids = idsOf([...objects, policy('shop/p', spec)], 'policy-selects-no-pod');
    expect(ids).toEqual(isReported ? ['policy-selects-no-pod:shop/p'] : []);
  });

  it('says why, about the policy', () => {
    expect(
      findingWith([web, policy('shop/p', { podSelector: app('wbe') })], 'policy-selects-no-pod:shop/p'),
    ).toMatchObject({
      severity: 'medium',
      category: 'dead-policy',
      objects: ['NetworkPolicy shop/p'],
      message:
        'NetworkPolicy shop/p: podSelector {app=wbe} selects no pod in namespace shop, so none of its rules takes effect',
    });
    const hostOnly = [
      runningPod('shop/web', { app: 'web' }, { hostNetwork: true }),
      policy('shop/p', { podSelector: app('web') }),
    ];
    expect(findingWith(hostOnly, 'policy-selects-no-pod:shop/p').message).toContain(
      'selects only hostNetwork pods',
    );
  });
});

describe('rules that policyTypes leaves out', () => {
  it.each<[string, NetworkPolicySpec, string[]]>([
    [
      'egress rules under policyTypes [Ingress]',
      { podSelector: {}, policyTypes: ['Ingress'], egress: [{}] },
      ['ignored-rules:shop/p:egress'],
    ],
    [
      'ingress rules under policyTypes [Egress]',
      { podSelector: {}, policyTypes: ['Egress'], ingress: [{}, {}] },
      ['ignored-rules:shop/p:ingress'],
    ],
    ['egress rules with policyTypes left to its default', { podSelector: {}, egress: [{}] }, []],
    ['egress: [] under policyTypes [Ingress]', { podSelector: {}, policyTypes: ['Ingress'], egress: [] }, []],
    [
      'both directions named',
      { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}], egress: [{}] },
      [],
    ],
  ])('%s', (_title, spec, expected) => {
    expect(idsOf([web, policy('shop/p', spec)], 'ignored-rules')).toEqual(expected);
  });

  it('counts the ignored rules', () => {
    const objects = [web, policy('shop/p', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}, {}] })];
    expect(findingWith(objects, 'ignored-rules:shop/p:ingress').message).toBe(
      'NetworkPolicy shop/p: policyTypes [Egress] leaves out Ingress, so its 2 ingress rules are ignored',
    );
  });
});
