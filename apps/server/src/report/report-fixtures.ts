import type { KubeObject } from '@netmap/model';

// Small clusters for report tests: each object spelled out, so that a reader can check every cell.

type Labels = Record<string, string>;

let nextIp = 1;

/** A running, ready Pod `namespace/name` listening on TCP 8080. */
export function pod(ref: string, labels: Labels): KubeObject {
  const [namespace, name] = ref.split('/');
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: 'main', ports: [{ name: 'http', containerPort: 8080 }] }] },
    status: {
      phase: 'Running',
      podIP: `10.9.0.${nextIp++}`,
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  } as KubeObject;
}

/** A NetworkPolicy `namespace/name`. */
export function netpol(ref: string, spec: Record<string, unknown>): KubeObject {
  const [namespace, name] = ref.split('/');
  return { kind: 'NetworkPolicy', metadata: { namespace, name }, spec } as KubeObject;
}

const namespace = (name: string): KubeObject => ({
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
});

/**
 * `front` (web, api; no policy), `data` (db, isolated: only front's web on TCP 5432), `lonely` (one
 * pod, egress denied), a NodePort Service to web, and one policy the API server would reject.
 */
export const threeNamespaces: KubeObject[] = [
  namespace('front'),
  namespace('data'),
  namespace('lonely'),
  pod('front/web', { app: 'web' }),
  pod('front/api', { app: 'api' }),
  pod('data/db', { app: 'db' }),
  pod('lonely/solo', { app: 'solo' }),
  netpol('data/default-deny', { podSelector: {}, policyTypes: ['Ingress'] }),
  netpol('data/db-from-web', {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } },
            podSelector: { matchLabels: { app: 'web' } },
          },
        ],
        ports: [{ port: 5432 }],
      },
    ],
  }),
  netpol('lonely/no-egress', { podSelector: {}, policyTypes: ['Egress'] }),
  netpol('lonely/broken', { podSelector: { matchLabels: { 'not a key!': 'x' } } }),
  {
    kind: 'Service',
    metadata: { namespace: 'front', name: 'web' },
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    },
  } as KubeObject,
];
