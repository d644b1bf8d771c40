import type { KubeObject } from '@netmap/model';
import { evaluateCluster } from '../evaluation.ts';
import { describeObject } from '../object-details.ts';
import { app, policy } from './objects.ts';

// A shop namespace with each kind of node, and secrets in the fields netmap must never send.

/** A value put in env, args, volumes, annotations and a TLS secret name. */
export const SECRET = 'do-not-send-me';

interface PodOptions {
  owner?: { kind: string; name: string };
  ip?: string;
  node?: string;
  isReady?: boolean;
  phase?: string;
}

function pod(name: string, labels: Record<string, string>, options: PodOptions): KubeObject {
  const { owner, ip, node, isReady = true, phase = 'Running' } = options;
  return {
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      labels,
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': SECRET },
      ...(owner ? { ownerReferences: [{ ...owner, controller: true }] } : {}),
    },
    spec: {
      ...(node ? { nodeName: node } : {}),
      containers: [
        {
          name: 'main',
          env: [{ name: 'TOKEN', value: SECRET }],
          args: [`--token=${SECRET}`],
          ports: [
            { name: 'http', containerPort: 8080 },
            { name: 'metrics', containerPort: 9090 },
          ],
        },
      ],
      volumes: [{ name: 'creds', secret: { secretName: SECRET } }],
    } as never,
    status: {
      phase,
      ...(ip ? { podIP: ip } : {}),
      conditions: [{ type: 'Ready', status: isReady ? 'True' : 'False' }],
    },
  };
}

/** web (two pods behind a ReplicaSet, one not ready), a bare client pod, a finished CronJob pod, api (no pods),
 * their Services, an Ingress, and policies: one with a finding, one invalid. */
export const detailsCluster: KubeObject[] = [
  { kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'web' } } },
  { kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } },
  {
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d', namespace: 'shop', ownerReferences: [{ kind: 'Deployment', name: 'web' }] },
  },
  pod(
    'web-5d-a',
    { app: 'web' },
    { owner: { kind: 'ReplicaSet', name: 'web-5d' }, ip: '10.0.0.1', node: 'n1' },
  ),
  pod(
    'web-5d-b',
    { app: 'web' },
    { owner: { kind: 'ReplicaSet', name: 'web-5d' }, ip: '10.0.0.2', node: 'n2', isReady: false },
  ),
  pod('client', { app: 'client' }, { ip: '10.0.0.3' }),
  { kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' } },
  {
    kind: 'Job',
    metadata: {
      name: 'nightly-1',
      namespace: 'shop',
      ownerReferences: [{ kind: 'CronJob', name: 'nightly' }],
    },
  },
  pod('nightly-1-x', { job: 'nightly' }, { owner: { kind: 'Job', name: 'nightly-1' }, phase: 'Succeeded' }),
  // No pods: its template stands in.
  {
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'shop' },
    spec: {
      template: {
        metadata: { labels: { app: 'api' } },
        spec: { containers: [{ name: 'api', ports: [{ name: 'grpc', containerPort: 9000 }] }] },
      },
    },
  },
  {
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop', labels: { tier: 'front' } },
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'metrics', port: 9090 },
      ],
    },
  },
  {
    kind: 'Service',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { selector: { app: 'api' }, ports: [{ port: 9000 }] },
  },
  {
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.example.com'], secretName: SECRET }],
      rules: [
        {
          host: 'web.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  } as KubeObject,
  // ports[1] names a port no web pod has: a finding about shop/web.
  policy('shop/web', {
    podSelector: app('web'),
    ingress: [{ from: [{ podSelector: app('client') }], ports: [{ port: 'http' }, { port: 'admin' }] }],
  }),
  policy('shop/deny-egress', { podSelector: {}, policyTypes: ['Egress'] }),
  policy('shop/broken', { podSelector: {}, policyTypes: ['Sideways'] }),
];

/** The evaluated cluster. */
export const detailsEvaluation = evaluateCluster(detailsCluster);

/** describeObject on the evaluated cluster. */
export const details = (id: string) => describeObject(detailsEvaluation, id);

/** The finding about shop/web's ingress[0].ports[1] ("admin", on no web pod). */
export const ADMIN_FINDING = 'unmatched-named-port:shop/web:ingress[0].ports[1]';
