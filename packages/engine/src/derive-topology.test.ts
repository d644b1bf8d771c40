import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deriveTopology } from './derive-topology.ts';
import { evaluateCluster } from './evaluation.ts';
import { NGINX } from './test-support/finding-objects.ts';
import { policy } from './test-support/objects.ts';

const SECRET = 'do-not-send-me';

const pod = (name: string, app: string, ip: string, owner?: string): KubeObject => ({
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'shop',
    labels: { app },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': SECRET },
    ...(owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }] } : {}),
  },
  spec: {
    containers: [
      {
        name: 'main',
        env: [{ name: 'TOKEN', value: SECRET }],
        ports: [{ name: 'http', containerPort: 8080 }],
      },
    ],
  } as never,
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
});

const objects: KubeObject[] = [
  { kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'web' } } },
  {
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { template: { metadata: { labels: { app: 'web' } } } },
  },
  {
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-5d',
      namespace: 'shop',
      ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
    },
  },
  pod('web-5d-a', 'web', '10.0.0.1', 'web-5d'),
  pod('web-5d-b', 'web', '10.0.0.2', 'web-5d'),
  pod('client', 'client', '10.0.0.3'),
  {
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }],
    },
  },
  {
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  } as KubeObject,
  policy('shop/web', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 8080 }] }],
  }),
];

describe('the topology views draw', () => {
  const topology = deriveTopology(evaluateCluster(objects));

  it('holds namespaces, workloads with their pod counts and isolation, pods, services and ingresses', () => {
    expect(topology.nodes['namespace:shop']).toEqual({
      kind: 'namespace',
      id: 'namespace:shop',
      name: 'shop',
      labels: { team: 'web', 'kubernetes.io/metadata.name': 'shop' },
    });
    expect(topology.nodes['workload:shop/web[Deployment]']).toMatchObject({
      kind: 'workload',
      pods: 2,
      isolated: { ingress: true, egress: false },
      isTemplate: false,
    });
    expect(topology.nodes['workload:shop/client[Pod]']).toMatchObject({
      pods: 1,
      isolated: { ingress: false, egress: false },
    });
    expect(topology.nodes['pod:shop/web-5d-a']).toMatchObject({
      workload: 'workload:shop/web[Deployment]',
      ips: ['10.0.0.1'],
      isReady: true,
    });
    expect(topology.nodes['service:shop/web']).toMatchObject({
      serviceType: 'NodePort',
      backends: ['pod:shop/web-5d-a', 'pod:shop/web-5d-b'],
    });
    expect(topology.nodes['ingress:shop/web']).toMatchObject({
      routes: [{ host: 'shop.example.com', path: '/', service: 'web', isTls: false }],
    });
  });

  it('holds flows between workloads and from the outside, keyed by verdict and ends', () => {
    expect(topology.flows['allowed:workload:shop/client[Pod]>workload:shop/web[Deployment]']).toMatchObject({
      ports: ['TCP 8080'],
    });
    expect(topology.flows['allowed:workload:shop/web[Deployment]>workload:shop/client[Pod]']).toMatchObject({
      ports: 'all',
    });
    expect(
      topology.flows['unknown:external:{ingress-controller}>workload:shop/web[Deployment]'],
    ).toMatchObject({ ports: ['TCP 8080'] });
    expect(topology.nodes['external:0.0.0.0-255.255.255.255[External]']).toMatchObject({ kind: 'external' });
  });

  it('never carries env values or annotations', () => {
    expect(JSON.stringify(topology)).not.toContain(SECRET);
  });
});

describe('deriveTopology and the ingress controller', () => {
  it('marks the workloads whose pods carry an ingress controller’s labels', () => {
    const nodes = deriveTopology(evaluateCluster([...NGINX, ...objects])).nodes;
    expect(nodes['workload:ingress-nginx/controller[Pod]']).toMatchObject({ ingressController: true });
    const others = Object.values(nodes).filter(
      (node) => node.kind === 'workload' && node.id !== 'workload:ingress-nginx/controller[Pod]',
    );
    expect(others.length).toBeGreaterThan(0);
    for (const node of others) expect(node).not.toHaveProperty('ingressController');
  });
});
