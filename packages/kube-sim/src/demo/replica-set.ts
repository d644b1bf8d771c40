import type { KubeObject, PodTemplateSpec, Workload } from '@netmap/model';
import { hashName } from './hash.ts';
import { controllerReference } from './pod-factory.ts';

/** The label a Deployment's controller adds to the pods (and selector) of each ReplicaSet. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** A workload's desired replicas: spec.replicas, 1 when unset. */
export function replicasOf(workload: KubeObject): number {
  const replicas = (workload as Workload).spec?.replicas;
  return typeof replicas === 'number' && replicas >= 0 ? replicas : 1;
}

/** The ready-replica counts a controller reports once every pod runs. */
export function readyStatus(replicas: number): Record<string, number> {
  return { replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas };
}

/** The ReplicaSet a Deployment runs its current template in: `<deployment>-<template hash>`. */
export function buildReplicaSet(deployment: KubeObject, uid: string): KubeObject {
  const spec = (deployment as Workload).spec ?? {};
  const template: PodTemplateSpec = structuredClone(spec.template ?? {});
  const hash = hashName(template);
  const templateMeta = (template.metadata ??= {});
  templateMeta.labels = { ...templateMeta.labels, [POD_TEMPLATE_HASH]: hash };
  const selector = (spec.selector ?? {}) as { matchLabels?: Record<string, string> };
  const replicas = replicasOf(deployment);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata?.name ?? ''}-${hash}`,
      namespace: deployment.metadata?.namespace ?? 'default',
      uid,
      labels: { ...templateMeta.labels },
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [controllerReference(deployment)],
    },
    spec: {
      replicas,
      selector: { ...selector, matchLabels: { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash } },
      template,
    },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  };
}
