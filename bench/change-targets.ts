import type { KubeObject, NetworkPolicy, Pod } from '@netmap/model';

/** The objects the benchmark changes: in the namespace with the most policies, where changes cost most. */
export interface ChangeTargets {
  namespace: KubeObject;
  /** A running pod of a Deployment there. */
  pod: Pod;
  /** A policy there whose podSelector names an app, if any (else any policy there). */
  policy: NetworkPolicy;
  /** Another app of the namespace, for a policy selector that selects different pods. */
  otherApp: string;
}

/** Picks the objects to change; throws when the cluster has no policy or no Deployment pod. */
export function findChangeTargets(objects: readonly KubeObject[]): ChangeTargets {
  const policies = objects.filter((o): o is NetworkPolicy => o.kind === 'NetworkPolicy');
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod').filter(isRunningDeploymentPod);
  const podNamespaces = new Set(pods.map((p) => p.metadata?.namespace));
  const counts = new Map<string, number>();
  for (const policy of policies) {
    const namespace = policy.metadata?.namespace ?? '';
    if (podNamespaces.has(namespace)) counts.set(namespace, (counts.get(namespace) ?? 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const namespace = objects.find((o) => o.kind === 'Namespace' && o.metadata?.name === busiest);
  const pod = pods.find((p) => p.metadata?.namespace === busiest);
  const inNamespace = policies.filter((p) => p.metadata?.namespace === busiest);
  const policy = inNamespace.find((p) => p.spec?.podSelector?.matchLabels?.app) ?? inNamespace[0];
  if (!namespace || !pod || !policy)
    throw new Error('the cluster needs a namespace with policies and Deployment pods');
  const apps = pods
    .filter((p) => p.metadata?.namespace === busiest)
    .map((p) => p.metadata?.labels?.app ?? '');
  const selected = policy.spec?.podSelector?.matchLabels?.app;
  return { namespace, pod, policy, otherApp: apps.find((app) => app !== selected) ?? 'none' };
}

function isRunningDeploymentPod(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && pod.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet';
}

/** The pod with changed labels: a canary of a new version. */
export function relabelledPod(pod: Pod): Pod {
  const labels = { ...pod.metadata?.labels, version: 'v9', track: 'canary' };
  return { ...pod, metadata: { ...pod.metadata, labels } };
}

/** The namespace moved to another environment, which changes what namespaceSelectors pick it. */
export function relabelledNamespace(namespace: KubeObject): KubeObject {
  const env = namespace.metadata?.labels?.env === 'prod' ? 'staging' : 'prod';
  return {
    ...namespace,
    metadata: { ...namespace.metadata, labels: { ...namespace.metadata?.labels, env } },
  };
}

/** The policy with a podSelector that selects another app (or, without an app, narrowed to a tier). */
export function reselectedPolicy(policy: NetworkPolicy, otherApp: string): NetworkPolicy {
  const matchLabels = policy.spec?.podSelector?.matchLabels ?? {};
  const changed = matchLabels.app ? { ...matchLabels, app: otherApp } : { ...matchLabels, tier: 'backend' };
  return {
    ...policy,
    spec: { ...policy.spec, podSelector: { ...policy.spec?.podSelector, matchLabels: changed } },
  };
}

/** A new policy of a common kind: frontends of production namespaces may call backends. */
export function addedPolicy(namespace: string): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'bench-allow-prod-frontends', namespace },
    spec: {
      podSelector: { matchLabels: { tier: 'backend' } },
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { env: 'prod' } },
              podSelector: { matchLabels: { tier: 'frontend' } },
            },
          ],
          ports: [{ port: 'http' }, { port: 'grpc' }],
        },
      ],
    },
  };
}

/**
 * A new policy whose ipBlock splits the pod network anew (a /25 of node `variant`'s pod range, never
 * seen before), which makes the engine regroup every pod.
 */
export function addedIpBlockPolicy(namespace: string, variant: number): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `bench-allow-new-subnet-${variant}`, namespace },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: `10.64.${variant}.128/25` } }], ports: [{ port: 443 }] }],
    },
  };
}
