import type { KubeObject, NetworkPolicySpec } from '@netmap/model';
import fc, { type Arbitrary } from 'fast-check';
import type { ObjectChange } from '../cluster-state.ts';
import { buildPolicy, policySpecArbitrary } from './arbitrary-cluster.ts';

// Random histories of every kind of object the topology reads — namespaces, pods with owners,
// workloads, Services, EndpointSlices, Ingresses, IngressClasses, an ingress controller and
// NetworkPolicies — on a tiny vocabulary, so that changes often touch what others depend on.

const NAMESPACES = ['alpha', 'beta', 'ingress-nginx'] as const;
const APPS = ['web', 'db', 'api'] as const;
const CONTROLLER_LABELS = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

/** One version of an object: which slot it fills, and its content. */
type Version = KubeObject;

const namespaceArbitrary = (name: string): Arbitrary<Version> =>
  fc
    .record({ team: fc.constantFrom('a', 'b', undefined), env: fc.constantFrom('prod', undefined) })
    .map((labels) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { ...defined(labels), 'kubernetes.io/metadata.name': name } },
    }));

const podArbitrary = (slot: number): Arbitrary<Version> =>
  fc
    .record({
      // Weighted towards what the Service and Ingress below select, so that routes often have backends.
      namespace: fc.constantFrom('alpha', 'alpha', 'beta', 'ingress-nginx'),
      app: fc.constantFrom('web', 'web', 'db', 'api', 'controller'),
      owner: fc.constantFrom('web-1', 'db-1', undefined),
      port: fc.constantFrom(80, 8080, 8080, 'bad'),
      status: fc.constantFrom('running', 'ready', 'ready', 'ready', 'pending', 'done', 'none'),
      hostNetwork: fc.nat(5).map((n) => n === 5),
    })
    .map(({ namespace, app, owner, port, status, hostNetwork }) => {
      const ip = `10.0.${slot}.${status === 'running' ? 1 : 2}`;
      const labels = app === 'controller' ? CONTROLLER_LABELS : { app };
      const containerPort = port === 'bad' ? 0 : port;
      return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          namespace,
          name: `pod-${slot}`,
          labels,
          ...(owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, controller: true }] } : {}),
        },
        spec: {
          containers: [{ name: 'main', ports: [{ name: 'http', containerPort }] }],
          ...(hostNetwork ? { hostNetwork: true } : {}),
        },
        ...statusOf(status, ip),
      } as KubeObject;
    });

function statusOf(status: string, ip: string): { status?: object } {
  if (status === 'none') return {};
  if (status === 'pending') return { status: { phase: 'Pending' } };
  if (status === 'done') return { status: { phase: 'Succeeded', podIP: ip } };
  const conditions = [{ type: 'Ready', status: status === 'ready' ? 'True' : 'False' }];
  return { status: { phase: 'Running', podIP: ip, conditions } };
}

/** A Deployment (maybe without pods: it stands in by its template) and its ReplicaSet. */
const workloadArbitrary = (name: string, kind: 'Deployment' | 'ReplicaSet'): Arbitrary<Version> =>
  fc
    .record({ namespace: fc.constantFrom('alpha', 'beta'), app: fc.constantFrom(...APPS) })
    .map(({ namespace, app }) => ({
      apiVersion: 'apps/v1',
      kind,
      metadata: {
        namespace,
        name: kind === 'Deployment' ? name : `${name}-1`,
        ...(kind === 'ReplicaSet'
          ? { ownerReferences: [{ kind: 'Deployment', name, controller: true }] }
          : {}),
      },
      spec: {
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app } },
          spec: { containers: [{ name: 'main', ports: [{ name: 'http', containerPort: 8080 }] }] },
        },
      },
    }));

const serviceArbitrary: Arbitrary<Version> = fc
  .record({
    namespace: fc.constantFrom('alpha', 'alpha', 'beta'),
    app: fc.constantFrom('web', 'web', 'db'),
    targetPort: fc.constantFrom<number | string>('http', 8080, 80),
    type: fc.constantFrom('ClusterIP', 'NodePort', 'ExternalName'),
  })
  .map(({ namespace, app, targetPort, type }) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { namespace, name: 'web' },
    spec:
      type === 'ExternalName'
        ? { type, externalName: 'example.com' }
        : { type, selector: { app }, ports: [{ name: 'http', port: 80, targetPort }] },
  }));

/** An EndpointSlice of Service `web` (or of a Service that is not there), naming pods of any namespace. */
const sliceArbitrary: Arbitrary<Version> = fc
  .record({
    namespace: fc.constantFrom('alpha', 'beta'),
    service: fc.constantFrom('web', 'other', 'other'),
    pods: fc.subarray([0, 1, 2, 3, 4, 5]),
    targetNamespace: fc.constantFrom('alpha', 'beta', undefined),
    isReady: fc.boolean(),
  })
  .map(({ namespace, service, pods, targetNamespace, isReady }) => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace, name: 'web-abc', labels: { 'kubernetes.io/service-name': service } },
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    endpoints: pods.map((pod) => ({
      addresses: [`10.0.${pod}.1`],
      conditions: { ready: isReady },
      targetRef: {
        kind: 'Pod',
        name: `pod-${pod}`,
        ...(targetNamespace ? { namespace: targetNamespace } : {}),
      },
    })),
  }));

const ingressArbitrary: Arbitrary<Version> = fc
  .record({
    namespace: fc.constantFrom('alpha', 'alpha', 'beta'),
    className: fc.constantFrom('nginx', 'other', undefined),
    port: fc.constantFrom<{ number: number } | { name: string }>(
      { number: 80 },
      { name: 'http' },
      { number: 81 },
    ),
    hasDefault: fc.boolean(),
  })
  .map(({ namespace, className, port, hasDefault }) => {
    const backend = { service: { name: 'web', port } };
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { namespace, name: 'web' },
      spec: {
        ...(className ? { ingressClassName: className } : {}),
        rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
        ...(hasDefault ? { defaultBackend: backend } : {}),
      },
    } as KubeObject;
  });

const ingressClassArbitrary: Arbitrary<Version> = fc
  .record({
    isDefault: fc.boolean(),
    controller: fc.constantFrom('k8s.io/ingress-nginx', 'example.com/other'),
  })
  .map(({ isDefault, controller }) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: 'nginx',
      ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    spec: { controller },
  }));

const policyArbitrary = (slot: number): Arbitrary<Version> =>
  fc
    .record({ namespace: fc.constantFrom('alpha', 'beta'), spec: policySpecArbitrary })
    .map(({ namespace, spec }) => buildPolicy(namespace, `policy-${slot}`, spec as NetworkPolicySpec));

/** Every slot an object can fill, each with the versions it may take. */
const SLOTS: Arbitrary<Version>[] = [
  ...NAMESPACES.map(namespaceArbitrary),
  ...[0, 1, 2, 3, 4, 5].map(podArbitrary),
  workloadArbitrary('web', 'Deployment'),
  workloadArbitrary('web', 'ReplicaSet'),
  workloadArbitrary('db', 'Deployment'),
  serviceArbitrary,
  sliceArbitrary,
  ingressArbitrary,
  ingressClassArbitrary,
  ...[0, 1, 2].map(policyArbitrary),
];

/** Objects to start from, and batches of changes (each batch between two updates). */
export interface TopologyHistory {
  initial: KubeObject[];
  batches: ObjectChange[][];
}

const stepArbitrary = fc.record({
  slot: fc.nat(SLOTS.length - 1),
  version: fc.nat(1),
  isDelete: fc.nat(3).map((n) => n === 3),
});

/**
 * A random history: each slot has two versions; most start in the cluster, then upserts (of either
 * version) and deletes follow in random order, in batches of one to three.
 */
export const topologyHistoryArbitrary: Arbitrary<TopologyHistory> = fc
  .record({
    versions: fc.tuple(...SLOTS.map((slot) => fc.tuple(slot, slot))),
    // Most objects are there from the start, so that changes often meet what they depend on.
    initial: fc.array(
      fc.nat(4).map((n) => n > 0),
      { minLength: SLOTS.length, maxLength: SLOTS.length },
    ),
    steps: fc.array(fc.array(stepArbitrary, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
  })
  .map(({ versions, initial, steps }) => ({
    initial: versions.filter((_, slot) => initial[slot]).map(([first]) => first),
    batches: steps.map((batch) =>
      batch.map(({ slot, version, isDelete }): ObjectChange => {
        const object = versions[slot]![version]!;
        // A delete names the object as it was stored: kind, namespace and name.
        return isDelete ? { type: 'delete', object: versions[slot]![0]! } : { type: 'upsert', object };
      }),
    ),
  }));

function defined(labels: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}
