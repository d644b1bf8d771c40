import type { KubeObject, OwnerReference, PodTemplateSpec } from '@netmap/model';
import type { Placement } from './pod-placer.ts';

/** The ownerReference a controller puts on what it creates. */
export function controllerReference(owner: KubeObject): OwnerReference & { blockOwnerDeletion: boolean } {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The controller ownerReference of an object, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata?.ownerReferences?.find((ref) => ref.controller);
}

/** What a controller decides about a new pod. */
export interface PodPlan {
  name: string;
  namespace: string;
  template: PodTemplateSpec;
  owner: KubeObject;
  placement: Placement;
  /** Labels the controller adds to the template's (pod-template-hash, statefulset pod name, …). */
  labels?: Record<string, string>;
  uid?: string;
  /** Extra spec fields, e.g. a StatefulSet pod's hostname and subdomain. */
  spec?: Record<string, unknown>;
}

/** A running, ready pod as the kubelet reports it, made from a workload's template. */
export function buildPod(plan: PodPlan): KubeObject {
  const { placement } = plan;
  const templateMeta = plan.template.metadata ?? {};
  const metadata: KubeObject['metadata'] & Record<string, unknown> = {
    name: plan.name,
    namespace: plan.namespace,
    labels: { ...templateMeta.labels, ...plan.labels },
    ownerReferences: [controllerReference(plan.owner)],
  };
  if (templateMeta.annotations) metadata.annotations = { ...templateMeta.annotations };
  if (plan.uid) metadata.uid = plan.uid;
  const spec: Record<string, unknown> = { ...structuredClone(plan.template.spec ?? {}), ...plan.spec };
  if (placement.nodeName) spec.nodeName = placement.nodeName;
  const status: Record<string, unknown> = {
    phase: 'Running',
    podIP: placement.podIP,
    podIPs: [{ ip: placement.podIP }],
    conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
      type,
      status: 'True',
    })),
  };
  if (placement.hostIP) {
    status.hostIP = placement.hostIP;
    status.hostIPs = [{ ip: placement.hostIP }];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
}
