import { describe, expect, it } from 'vitest';
import type { Workload } from '@netmap/model';
import { detectCni } from './cni.ts';

interface Container {
  name: string;
  image: string;
  args?: string[];
}

const daemonSet = (
  name: string,
  containers: Container[],
  namespace = 'kube-system',
  labels: Record<string, string> = {},
): Workload => {
  // Images and args are real PodSpec fields the model does not type: not a fresh literal, so no excess-property check.
  const spec = { containers };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels },
    spec: { template: { spec } },
  };
};
const one = (name: string, image: string, namespace?: string) =>
  daemonSet(name, [{ name, image }], namespace);
const kubeProxy = one('kube-proxy', 'registry.k8s.io/kube-proxy:v1.30.0');
const awsNode = (agentArgs?: string[]) =>
  daemonSet('aws-node', [
    { name: 'aws-node', image: '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.0' },
    ...(agentArgs
      ? [
          {
            name: 'aws-network-policy-agent',
            image: '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.1.0',
            args: agentArgs,
          },
        ]
      : []),
  ]);

describe('detectCni', () => {
  it.each<[string, Workload[], string, boolean | 'unknown']>([
    ['calico-node', [kubeProxy, one('calico-node', 'docker.io/calico/node:v3.28.0')], 'Calico', true],
    [
      'calico-node of the operator',
      [one('calico-node', 'quay.io/calico/node:v3.28.0', 'calico-system')],
      'Calico',
      true,
    ],
    ['cilium', [one('cilium', 'quay.io/cilium/cilium:v1.15.6@sha256:abc')], 'Cilium', true],
    [
      'flannel alone',
      [one('kube-flannel-ds', 'ghcr.io/flannel-io/flannel:v0.25.4', 'kube-flannel')],
      'Flannel',
      false,
    ],
    [
      'canal',
      [
        daemonSet('canal', [
          { name: 'calico-node', image: 'calico/node:v3.28' },
          { name: 'kube-flannel', image: 'flannel/flannel:v0.24' },
        ]),
      ],
      'Canal',
      true,
    ],
    [
      'flannel beside calico',
      [one('kube-flannel-ds', 'flannel/flannel:v0.24'), one('calico-node', 'calico/node:v3.28')],
      'Canal',
      true,
    ],
    [
      'weave-net',
      [
        daemonSet('weave-net', [
          { name: 'weave', image: 'weaveworks/weave-kube:2.8.1' },
          { name: 'weave-npc', image: 'weaveworks/weave-npc:2.8.1' },
        ]),
      ],
      'Weave Net',
      true,
    ],
    ['antrea-agent', [one('antrea-agent', 'antrea/antrea-agent-ubuntu:v2.0.0')], 'Antrea', true],
    [
      'kube-router',
      [one('kube-router', 'docker.io/cloudnativelabs/kube-router:v2.1.0')],
      'kube-router',
      true,
    ],
    [
      'kube-router without its firewall',
      [
        daemonSet('kube-router', [
          {
            name: 'kube-router',
            image: 'cloudnativelabs/kube-router',
            args: ['--run-router=true', '--run-firewall=false'],
          },
        ]),
      ],
      'kube-router',
      false,
    ],
    ['aws-node without the policy agent', [awsNode()], 'Amazon VPC CNI', 'unknown'],
    [
      'aws-node with the policy agent enabled',
      [awsNode(['--enable-network-policy=true'])],
      'Amazon VPC CNI',
      true,
    ],
    [
      'aws-node with the policy agent disabled',
      [awsNode(['--enable-network-policy=false'])],
      'Amazon VPC CNI',
      false,
    ],
    [
      'aws-node with Calico for policies',
      [awsNode(), one('calico-node', 'calico/node:v3.28')],
      'Calico',
      true,
    ],
    [
      'azure-cns with azure-npm',
      [
        one('azure-cns', 'mcr.microsoft.com/containernetworking/azure-cns:v1.5'),
        one('azure-npm', 'mcr.microsoft.com/containernetworking/azure-npm:v1.5'),
      ],
      'Azure CNI',
      true,
    ],
    [
      'azure-cns alone',
      [one('azure-cns', 'mcr.microsoft.com/containernetworking/azure-cns:v1.5')],
      'Azure CNI',
      'unknown',
    ],
    [
      'Azure CNI powered by Cilium',
      [
        one('azure-cns', 'mcr.microsoft.com/containernetworking/azure-cns:v1.5'),
        one('cilium', 'mcr.microsoft.com/oss/cilium/cilium:1.14'),
      ],
      'Cilium',
      true,
    ],
    [
      'GKE Dataplane V2 (anetd)',
      [daemonSet('anetd', [{ name: 'cilium-agent', image: 'gke.gcr.io/cilium/cilium:v1.14' }])],
      'GKE Dataplane V2',
      true,
    ],
    [
      'a plugin known by its label only',
      [
        daemonSet('node-agent', [{ name: 'agent', image: 'example/agent' }], 'kube-system', {
          'k8s-app': 'cilium',
        }),
      ],
      'Cilium',
      true,
    ],
    ['nothing known', [kubeProxy], 'unknown', 'unknown'],
    ['no DaemonSets', [], 'unknown', 'unknown'],
  ])('%s → %s', (_, daemonSets, name, enforcesNetworkPolicy) => {
    expect(detectCni(daemonSets)).toMatchObject({ name, enforcesNetworkPolicy });
  });

  it('names the DaemonSet it relied on', () => {
    expect(detectCni([one('calico-node', 'calico/node:v3.28')]).evidence).toBe(
      'DaemonSet kube-system/calico-node',
    );
  });

  it('ignores objects that are not DaemonSets', () => {
    expect(detectCni([{ ...one('cilium', 'cilium/cilium'), kind: 'Deployment' }]).name).toBe('unknown');
  });
});
