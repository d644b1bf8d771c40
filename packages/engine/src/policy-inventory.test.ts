import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { ClusterState } from './cluster-state.ts';
import { listPolicyInventory } from './policy-inventory.ts';
import { deployment, runningPod } from './test-support/finding-objects.ts';
import { app, policy } from './test-support/objects.ts';

const objects: KubeObject[] = [
  runningPod('shop/web-1', { app: 'web', tier: 'front' }),
  runningPod('shop/web-2', { app: 'web', tier: 'front' }),
  runningPod('shop/api-1', { app: 'api', tier: 'back' }),
  runningPod('shop/done', { app: 'web' }, { phase: 'Succeeded' }),
  deployment('shop/worker', { app: 'worker', tier: 'back' }),
  runningPod('other/web-1', { app: 'web' }),
  policy('shop/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
  policy('shop/web', { podSelector: app('web'), ingress: [{}, { ports: [{ port: 80 }] }] }),
  policy('shop/back', {
    podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['back', 'batch'] }] },
    egress: [{}],
  }),
  policy('shop/none', { podSelector: app('nothing'), policyTypes: ['Egress'], ingress: [{}] }),
  policy('other/broken', { podSelector: { matchLabels: { 'bad key!': 'x' } } }),
];

describe('listPolicyInventory', () => {
  const inventory = listPolicyInventory(new ClusterState(objects));
  const entry = (ref: string) => inventory.find((e) => e.ref === ref);

  it('lists each valid policy once, by namespace then name', () => {
    expect(inventory.map((e) => e.ref)).toEqual(['shop/back', 'shop/deny', 'shop/none', 'shop/web']);
  });

  it('counts the active pods and the workloads a podSelector selects in its own namespace', () => {
    expect(entry('shop/web')).toMatchObject({
      podSelector: 'app=web',
      selectedPods: 2,
      selectedWorkloads: ['shop/web-1[Pod]', 'shop/web-2[Pod]'],
    });
    // A workload without pods is counted through its template, but adds no pod.
    expect(entry('shop/back')).toMatchObject({
      podSelector: 'tier in (back,batch)',
      selectedPods: 1,
      selectedWorkloads: ['shop/api-1[Pod]', 'shop/worker[Deployment]'],
    });
    expect(entry('shop/deny')).toMatchObject({ podSelector: '', selectedPods: 3 });
    expect(entry('shop/deny')!.selectedWorkloads).toHaveLength(4);
    expect(entry('shop/none')).toMatchObject({ selectedPods: 0, selectedWorkloads: [] });
  });

  it('gives policyTypes with their default and the rules of the directions they hold', () => {
    expect(entry('shop/deny')).toMatchObject({
      policyTypes: ['Ingress', 'Egress'],
      ingressRules: 0,
      egressRules: 0,
    });
    expect(entry('shop/web')).toMatchObject({ policyTypes: ['Ingress'], ingressRules: 2 });
    expect(entry('shop/web')).not.toHaveProperty('egressRules');
    // Egress rules without policyTypes make it Ingress and Egress.
    expect(entry('shop/back')).toMatchObject({
      policyTypes: ['Ingress', 'Egress'],
      ingressRules: 0,
      egressRules: 1,
    });
    // Ingress rules a policy's policyTypes leave out are not counted: they are ignored.
    expect(entry('shop/none')).toMatchObject({ policyTypes: ['Egress'], egressRules: 0 });
    expect(entry('shop/none')).not.toHaveProperty('ingressRules');
  });
});
