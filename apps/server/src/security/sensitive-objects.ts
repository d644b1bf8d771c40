import type { KubeObject } from '@netmap/model';

// Test fixtures: objects that carry values a browser must never see. Every such value holds
// LEAK_MARK, so one search over a response finds any of them.

/** The mark inside every sensitive value. */
export const LEAK_MARK = 'leak-7f3a9c';

const secret = (what: string) => `${LEAK_MARK}-${what}`;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A pod spec with env, envFrom, args, command and volumes in every container list. */
const podSpec = (name: string) => ({
  containers: [
    {
      name,
      image: 'registry.invalid/app:1',
      command: ['/bin/app', secret('command')],
      args: [`--password=${secret('arg')}`],
      env: [
        { name: 'DB_PASSWORD', value: secret('env') },
        { name: 'API_KEY', valueFrom: { secretKeyRef: { name: secret('env-secret-ref'), key: 'k' } } },
      ],
      envFrom: [{ secretRef: { name: secret('env-from') } }],
      ports: [{ name: 'http', containerPort: 8080 }],
      volumeMounts: [{ name: 'creds', mountPath: secret('mount-path') }],
    },
  ],
  initContainers: [
    { name: 'init', image: 'registry.invalid/init:1', env: [{ name: 'T', value: secret('init-env') }] },
  ],
  volumes: [{ name: 'creds', secret: { secretName: secret('volume-secret') } }],
});

const annotated = (what: string) => ({ [LAST_APPLIED]: `{"data":"${secret(`last-applied-${what}`)}"}` });

/** Objects of every kind netmap reads, each carrying secrets in the fields it must drop. */
export function sensitiveObjects(namespace = 'vault'): KubeObject[] {
  const labels = { app: 'api' };
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, annotations: annotated('namespace') },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace, labels, annotations: annotated('deployment') },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec('api') } },
    } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'api-0', namespace, labels, annotations: annotated('pod') },
      spec: podSpec('api'),
      status: { phase: 'Running', podIP: '10.9.0.5', conditions: [{ type: 'Ready', status: 'True' }] },
    } as KubeObject,
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace, labels: { app: 'agent' }, annotations: annotated('daemonset') },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: podSpec('agent') },
      },
    } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace, annotations: annotated('service') },
      spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api', namespace, annotations: annotated('policy') },
      spec: { podSelector: { matchLabels: labels }, ingress: [{ ports: [{ port: 8080 }] }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'api', namespace, annotations: annotated('ingress') },
      spec: {
        tls: [{ hosts: ['api.example.com'], secretName: secret('tls-secret') }],
        rules: [
          {
            host: 'api.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'api', port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    },
  ];
}

/** A Secret and a ConfigMap, which netmap never reads. */
export function secretAndConfigMap(namespace = 'vault'): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace },
      stringData: { password: secret('secret') },
    } as KubeObject,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', namespace },
      data: { config: secret('configmap') },
    } as KubeObject,
  ];
}

/** Keys that must not appear in any response. */
export const FORBIDDEN_KEYS = [
  'env',
  'envFrom',
  'args',
  'command',
  'volumes',
  'volumeMounts',
  LAST_APPLIED,
  'stringData',
];

/** The JSON keys anywhere in a value. */
export function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysIn(item, found);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      found.add(key);
      keysIn(item, found);
    }
  return found;
}
