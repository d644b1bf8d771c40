import type { KubeObject, TopologyPatch } from '@netmap/model';
import type { SimStore } from '../packages/kube-sim/src/index.ts';

/** A namespace of the benchmark's own, free of the generated policies, for the policy changes. */
export const BENCH_NAMESPACE = 'netmap-bench';
const TARGET = 'netmap-bench-target';
const LABEL = 'netmap-bench';

const pod = (namespace: string, name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'main', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: '10.255.255.250', conditions: [{ type: 'Ready', status: 'True' }] },
});

const denyIngress: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'netmap-bench-deny', namespace: BENCH_NAMESPACE },
  spec: { podSelector: { matchLabels: { app: TARGET } }, policyTypes: ['Ingress'] },
};

/** Seed objects the changes need: a namespace without policies and a pod for the policy to isolate. */
export function benchSeed(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: BENCH_NAMESPACE } },
    pod(BENCH_NAMESPACE, TARGET, { app: TARGET }),
  ];
}

/** One small change: `write` makes it in the simulator, `isCarriedBy` recognizes the patch that carries it. */
export interface StreamChange {
  type: 'pod relabel' | 'pod create' | 'pod delete' | 'policy add' | 'policy delete';
  write(): void;
  isCarriedBy(patch: TopologyPatch): boolean;
}

const isTargetIsolated = (patch: TopologyPatch, isIsolated: boolean) =>
  Object.values(patch.upserts.nodes).some(
    (node) =>
      node.kind === 'workload' &&
      node.namespace === BENCH_NAMESPACE &&
      node.name === TARGET &&
      node.isolated.ingress === isIsolated,
  );

/** Changes come in cycles of five that leave the cluster as they found it (labels aside). */
export const CHANGE_CYCLE = 5;

/**
 * The `index`th change of a cycle: relabel an existing pod (`podRef` = `namespace/name`), create a
 * bare pod beside it, delete that pod, add a NetworkPolicy that isolates the target pod, delete
 * that policy. `run` makes label values and pod names unique across runs on one simulator.
 */
export function changeAt(store: SimStore, podRef: string, run: string, index: number): StreamChange {
  const [namespace = '', name = ''] = podRef.split('/');
  const created = `netmap-bench-${run}-${Math.floor(index / CHANGE_CYCLE)}`;
  const value = `${run}-${index}`;
  switch (index % CHANGE_CYCLE) {
    case 0:
      return {
        type: 'pod relabel',
        write: () => {
          const current = store.get({ apiVersion: 'v1', kind: 'Pod', namespace, name });
          const labels = { ...current.metadata?.labels, [LABEL]: value };
          store.update({
            ...current,
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { ...current.metadata, labels },
          });
        },
        isCarriedBy: (patch) => {
          const node = patch.upserts.nodes[`pod:${podRef}`];
          return node?.kind === 'pod' && node.labels[LABEL] === value;
        },
      };
    case 1:
      return {
        type: 'pod create',
        write: () => void store.create(pod(namespace, created, { app: LABEL })),
        isCarriedBy: (patch) => `pod:${namespace}/${created}` in patch.upserts.nodes,
      };
    case 2:
      return {
        type: 'pod delete',
        write: () => void store.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: created }),
        isCarriedBy: (patch) => patch.removals.nodes.includes(`pod:${namespace}/${created}`),
      };
    case 3:
      return {
        type: 'policy add',
        write: () => void store.create(denyIngress),
        isCarriedBy: (patch) => isTargetIsolated(patch, true),
      };
    default:
      return {
        type: 'policy delete',
        write: () => void store.delete(denyIngress),
        isCarriedBy: (patch) => isTargetIsolated(patch, false),
      };
  }
}

/** A running pod with an IP outside the system namespaces, to relabel. */
export function findPodToChange(objects: readonly KubeObject[]): string {
  const system = new Set(['kube-system', 'monitoring', 'logging', 'ingress-nginx']);
  const found = objects.find(
    (o) =>
      o.kind === 'Pod' &&
      !system.has(o.metadata?.namespace ?? '') &&
      (o.status as { podIP?: string } | undefined)?.podIP !== undefined,
  );
  if (!found) throw new Error('the cluster has no pod to change');
  return `${found.metadata?.namespace}/${found.metadata?.name}`;
}
