import type { KubeObject, Workload } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { detectCni, type Cni } from '../cni.ts';
import { evaluateCluster } from '../evaluation.ts';
import { enforcementFindings } from './enforcement.ts';

const daemonSet = (namespace: string, name: string, image: string, args: string[] = []): Workload => {
  // Images and args are real PodSpec fields the model does not type: not a fresh literal, so no excess-property check.
  const containers = [{ name, image, args }];
  return { kind: 'DaemonSet', metadata: { namespace, name }, spec: { template: { spec: { containers } } } };
};
const flannel = detectCni([
  daemonSet('kube-flannel', 'kube-flannel-ds', 'docker.io/flannel/flannel:v0.25.1'),
]);

describe('enforcement findings', () => {
  it.each<[string, Cni, number, string | undefined]>([
    ['Flannel alone, with policies', flannel, 3, 'critical'],
    ['Flannel alone, without policies', flannel, 0, 'low'],
    ['Calico', detectCni([daemonSet('kube-system', 'calico-node', 'calico/node:v3.28.0')]), 3, undefined],
    [
      'kube-router without its firewall',
      detectCni([
        daemonSet('kube-system', 'kube-router', 'cloudnativelabs/kube-router', ['--run-firewall=false']),
      ]),
      3,
      'critical',
    ],
    [
      'Amazon VPC CNI without its policy agent',
      detectCni([daemonSet('kube-system', 'aws-node', 'amazon-k8s-cni:v1.18')]),
      3,
      'info',
    ],
    ['no known plugin (e.g. manifests without it)', detectCni([]), 3, undefined],
  ])('%s', (_title, cni, policies, severity) => {
    const findings = enforcementFindings(cni, policies);
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  it('says every policy is inert, about the DaemonSet', () => {
    expect(enforcementFindings(flannel, 3)).toEqual([
      {
        id: 'cni-not-enforcing',
        severity: 'critical',
        category: 'enforcement',
        objects: ['DaemonSet kube-flannel/kube-flannel-ds'],
        message:
          'Flannel does not enforce NetworkPolicy (found: DaemonSet kube-flannel/kube-flannel-ds: flannel alone does not enforce NetworkPolicy): all 3 NetworkPolicies are inert and every pod accepts and opens any connection; the verdicts here are what the policies say, not what the cluster does',
        fix: 'Run a network plugin that enforces NetworkPolicy (e.g. Calico, Cilium, or Canal beside Flannel).',
      },
    ]);
  });
});

describe('findings of a cluster', () => {
  const deny: KubeObject = {
    kind: 'NetworkPolicy',
    metadata: { namespace: 'shop', name: 'deny' },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  };
  const flannelDaemonSet = daemonSet('kube-flannel', 'kube-flannel-ds', 'docker.io/flannel/flannel:v0.25.1');

  it('tell from the DaemonSets held that every policy is inert, and follow the plugin as it changes', () => {
    const evaluation = evaluateCluster([flannelDaemonSet, deny]);
    expect(evaluation.findings().filter((f) => f.category === 'enforcement')).toMatchObject([
      { id: 'cni-not-enforcing', severity: 'critical', objects: ['DaemonSet kube-flannel/kube-flannel-ds'] },
    ]);
    evaluation.apply({ type: 'delete', object: flannelDaemonSet });
    expect(evaluation.findings().filter((f) => f.category === 'enforcement')).toEqual([]);
  });
});
