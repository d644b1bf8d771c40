import type { KubeObject, Pod, PodTemplateSpec, Workload } from '@netmap/model';
import type { SimStore } from '../sim-store.ts';
import { buildPod, controllerOf } from './pod-factory.ts';
import type { Random } from './random.ts';
import { readyStatus, replicasOf } from './replica-set.ts';
import { listSorted, ownedBy, placerFor, REFS } from './store-refs.ts';
import { syncEndpointSlices } from './sync-endpoint-slices.ts';

/** The bounds the demo keeps every Deployment's replicas within. */
export const MIN_REPLICAS = 1;
export const MAX_REPLICAS = 5;

/** Labels a controller adds to its pods beyond the template's; a replacement pod keeps them. */
const CONTROLLER_LABELS = [
  'pod-template-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
  'pod-template-generation',
];

const refOf = (object: KubeObject) => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

/** Creates one more pod of a ReplicaSet, on the least busy node with a free address. */
function addReplicaSetPod(store: SimStore, replicaSet: KubeObject, random: Random): KubeObject {
  const template = (replicaSet as Workload).spec?.template ?? {};
  const placement = placerFor(store).place({ hostNetwork: template.spec?.hostNetwork === true });
  const namespace = replicaSet.metadata?.namespace ?? '';
  const taken = new Set(listSorted(store, { ...REFS.pod, namespace }).map((p) => p.metadata?.name));
  let name: string;
  do name = `${replicaSet.metadata?.name ?? ''}-${random.suffix()}`;
  while (taken.has(name));
  return store.create(buildPod({ name, namespace, template, owner: replicaSet, placement }));
}

/** Scales a Deployment up or down by one pod (within the bounds) and updates its ReplicaSet and Service endpoints. */
export function scaleDeployment(store: SimStore, random: Random): string | undefined {
  const deployments = listSorted(store, REFS.deployment);
  if (deployments.length === 0) return undefined;
  const deployment = random.pick(deployments);
  const replicaSet = ownedBy(store, REFS.replicaSet, deployment)[0];
  if (!replicaSet) return undefined;
  const pods = ownedBy(store, REFS.pod, replicaSet);
  const current = pods.length;
  const isUp = current <= MIN_REPLICAS || (current < MAX_REPLICAS && random.next() < 0.5);
  if (isUp) addReplicaSetPod(store, replicaSet, random);
  else store.delete(random.pick(pods));
  const replicas = isUp ? current + 1 : current - 1;
  store.update({
    ...replicaSet,
    spec: { ...(replicaSet.spec as object), replicas },
    status: readyStatus(replicas),
  });
  store.update({
    ...deployment,
    spec: { ...(deployment.spec as object), replicas },
    status: readyStatus(replicas),
  });
  syncEndpointSlices(store, deployment.metadata?.namespace ?? '', random);
  return `scaled ${refOf(deployment)} to ${replicas} (was ${replicasOf(deployment)})`;
}

/** The template a pod's controller would make a replacement from. */
function ownerTemplate(
  store: SimStore,
  pod: KubeObject,
): { owner: KubeObject; template: PodTemplateSpec } | undefined {
  const controller = controllerOf(pod);
  if (!controller?.kind || !controller.name || !controller.apiVersion) return undefined;
  const ref = {
    apiVersion: controller.apiVersion,
    kind: controller.kind,
    namespace: pod.metadata?.namespace,
    name: controller.name,
  };
  const owner = store.find(ref);
  const template = (owner as Workload | undefined)?.spec?.template;
  return owner && template ? { owner, template } : undefined;
}

/** Replaces one pod of a controller, as a rollout or an eviction does: a new pod (new name unless a StatefulSet's) and a new IP. */
export function rollPod(store: SimStore, random: Random): string | undefined {
  const candidates = listSorted(store, REFS.pod).filter((pod) => ownerTemplate(store, pod));
  if (candidates.length === 0) return undefined;
  const pod = random.pick(candidates) as Pod;
  const { owner, template } = ownerTemplate(store, pod)!;
  // Placed before the old pod is gone, so the replacement never reuses its address.
  const placer = placerFor(store);
  const isDaemon = owner.kind === 'DaemonSet';
  const placement = placer.place({
    hostNetwork: template.spec?.hostNetwork === true,
    nodeName: isDaemon ? pod.spec?.nodeName : undefined,
  });
  const namespace = pod.metadata?.namespace ?? '';
  const oldLabels = pod.metadata?.labels ?? {};
  const labels = Object.fromEntries(
    CONTROLLER_LABELS.filter((key) => key in oldLabels).map((key) => [key, oldLabels[key] ?? '']),
  );
  const prefix = owner.kind === 'ReplicaSet' || isDaemon ? (owner.metadata?.name ?? '') : undefined;
  const name = prefix === undefined ? (pod.metadata?.name ?? '') : `${prefix}-${random.suffix()}`;
  const oldSpec = (pod.spec ?? {}) as Record<string, unknown>;
  const spec = Object.fromEntries(
    ['hostname', 'subdomain'].filter((key) => key in oldSpec).map((key) => [key, oldSpec[key]]),
  );
  store.delete(pod);
  const replacement = store.create(buildPod({ name, namespace, template, owner, placement, labels, spec }));
  syncEndpointSlices(store, namespace, random);
  return `replaced ${refOf(pod)} (${pod.status?.podIP ?? '?'}) with ${refOf(replacement)} (${placement.podIP})`;
}

/** Toggles a `debug: "true"` label on a pod (what `kubectl label` does while someone investigates). */
export function relabelPod(store: SimStore, random: Random): string | undefined {
  const candidates = listSorted(store, REFS.pod).filter((pod) => !(pod as Pod).spec?.hostNetwork);
  if (candidates.length === 0) return undefined;
  const pod = random.pick(candidates);
  const labels = { ...pod.metadata?.labels };
  const isLabelled = labels.debug === 'true';
  if (isLabelled) delete labels.debug;
  else labels.debug = 'true';
  store.update({ ...pod, metadata: { ...pod.metadata, labels } });
  syncEndpointSlices(store, pod.metadata?.namespace ?? '', random);
  return `${isLabelled ? 'removed' : 'added'} label debug=true ${isLabelled ? 'from' : 'on'} ${refOf(pod)}`;
}
