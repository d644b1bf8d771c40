import type { Finding, KubeObject, Service } from '@netmap/model';
import { evaluateCluster, type EngineOptions } from '../evaluation.ts';
import { collectFindings } from '../findings.ts';

// Small objects for finding tests: each test builds the few it needs and reads the findings.

type Labels = Record<string, string>;

/** A container port: `http` 8080 or `{ name, containerPort, protocol }`. */
export interface PortSpec {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export const HTTP: PortSpec = { name: 'http', containerPort: 8080 };

/** What a running pod is: where it runs, its address, whether it is ready, who owns it. */
export interface PodOptions {
  ports?: PortSpec[];
  ip?: string;
  node?: string;
  isReady?: boolean;
  phase?: string;
  hostNetwork?: boolean;
  owner?: { kind: string; name: string };
}

let nextIp = 1;

/** A running, ready Pod `namespace/name` (IP 10.1.x.y unless given). */
export function runningPod(ref: string, labels: Labels, options: PodOptions = {}): KubeObject {
  const [namespace, name] = ref.split('/');
  const { ports = [HTTP], node, isReady = true, phase = 'Running', hostNetwork, owner } = options;
  const ip = options.ip ?? `10.1.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
  return {
    kind: 'Pod',
    metadata: {
      namespace,
      name,
      labels,
      ...(owner ? { ownerReferences: [{ ...owner, controller: true }] } : {}),
    },
    spec: {
      ...(node ? { nodeName: node } : {}),
      ...(hostNetwork ? { hostNetwork } : {}),
      containers: [{ name: 'main', ports }],
    },
    status: { phase, podIP: ip, conditions: [{ type: 'Ready', status: isReady ? 'True' : 'False' }] },
  } as KubeObject;
}

/** A Deployment `namespace/name` without pods: its template stands for them. */
export function deployment(
  ref: string,
  labels: Labels,
  ports: PortSpec[] = [HTTP],
  hostNetwork = false,
): KubeObject {
  const [namespace, name] = ref.split('/');
  return {
    kind: 'Deployment',
    metadata: { namespace, name },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { ...(hostNetwork ? { hostNetwork } : {}), containers: [{ name: 'main', ports }] },
      },
    },
  } as KubeObject;
}

/** A Service `namespace/name` with this spec (and status, for a load balancer's address). */
export function service(
  ref: string,
  spec: NonNullable<Service['spec']>,
  status?: Service['status'],
): Service {
  const [namespace, name] = ref.split('/');
  return { kind: 'Service', metadata: { namespace, name }, spec, ...(status ? { status } : {}) };
}

/** An Ingress `namespace/name` sending `host` + `/` to a Service port (by name or number). */
export function ingress(ref: string, host: string, backend: string, port: string | number): KubeObject {
  const [namespace, name] = ref.split('/');
  const servicePort = typeof port === 'number' ? { number: port } : { name: port };
  return {
    kind: 'Ingress',
    metadata: { namespace, name },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host,
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: servicePort } } },
            ],
          },
        },
      ],
    },
  } as KubeObject;
}

/** The nginx IngressClass and one ingress-nginx controller pod in namespace `ingress-nginx`. */
export const NGINX: KubeObject[] = [
  {
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  } as KubeObject,
  runningPod(
    'ingress-nginx/controller',
    { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    { ports: [{ name: 'http', containerPort: 80 }] },
  ),
];

/** The findings of a cluster, read with these engine options. */
export function findingsOf(objects: readonly KubeObject[], options: EngineOptions = {}): Finding[] {
  return collectFindings(evaluateCluster(objects, options).state, options);
}

/** The ids of the findings of one kind (the id's part before the first `:`). */
export function idsOf(objects: readonly KubeObject[], kind: string, options: EngineOptions = {}): string[] {
  return findingsOf(objects, options)
    .map((finding) => finding.id)
    .filter((id) => id.startsWith(`${kind}:`));
}

/** The one finding with this id; fails the test when there is none. */
export function findingWith(
  objects: readonly KubeObject[],
  id: string,
  options: EngineOptions = {},
): Finding {
  const found = findingsOf(objects, options).find((finding) => finding.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
}
