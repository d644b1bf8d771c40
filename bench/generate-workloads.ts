import type { OwnerReference, Workload } from '@netmap/model';
import type { ClusterNode } from './cluster-network.ts';
import type { AppInfo, GenerationContext } from './generation-context.ts';
import { createPod, type PodPhase } from './generate-pods.ts';
import type { GeneratedPodSpec } from './workload-templates.ts';

/** A workload to create: its app, pod labels and pod spec. */
export interface WorkloadRequest {
  app: AppInfo;
  labels: Record<string, string>;
  spec: GeneratedPodSpec;
}

/** Pods waiting for a node (unschedulable), about 1 in 200. */
const PENDING_RATE = 0.005;

/** A Deployment, its ReplicaSet (two during a rollout) and their pods (Pod → ReplicaSet → Deployment). */
export function createDeployment(
  context: GenerationContext,
  request: WorkloadRequest,
  replicas: number,
): void {
  const { random } = context;
  const deployment = workloadObject(context, 'Deployment', request.app.app, request, replicas);
  const isRollingOut = replicas >= 2 && random.chance(0.05);
  const newReplicas = isRollingOut ? Math.ceil(replicas / 2) : replicas;
  createReplicaSet(context, request, deployment, newReplicas, request.labels.version ?? 'v1');
  if (isRollingOut) createReplicaSet(context, request, deployment, replicas - newReplicas, 'v0');
}

function createReplicaSet(
  context: GenerationContext,
  request: WorkloadRequest,
  deployment: Workload,
  replicas: number,
  version: string,
): void {
  const { random } = context;
  const hash = random.suffix(10);
  const labels = { ...request.labels, version, 'pod-template-hash': hash };
  const name = `${request.app.app}-${hash}`;
  const replicaSet = workloadObject(
    context,
    'ReplicaSet',
    name,
    { ...request, labels },
    replicas,
    ownerOf(deployment),
  );
  for (let i = 0; i < replicas; i++) {
    const phase: PodPhase = random.chance(PENDING_RATE) ? 'Pending' : 'Running';
    const pod = {
      namespace: request.app.namespace,
      name: `${name}-${random.suffix(5)}`,
      labels,
      spec: request.spec,
    };
    context.objects.push(createPod(context, { ...pod, owner: ownerOf(replicaSet), phase }));
  }
}

/** A StatefulSet and its pods, each with its own `statefulset.kubernetes.io/pod-name`. */
export function createStatefulSet(
  context: GenerationContext,
  request: WorkloadRequest,
  replicas: number,
): void {
  const { app } = request;
  const statefulSet = workloadObject(context, 'StatefulSet', app.app, request, replicas);
  const revision = `${app.app}-${context.random.suffix(10)}`;
  for (let i = 0; i < replicas; i++) {
    const name = `${app.app}-${i}`;
    const labels = {
      ...request.labels,
      'controller-revision-hash': revision,
      'statefulset.kubernetes.io/pod-name': name,
      'apps.kubernetes.io/pod-index': String(i),
    };
    const pod = { namespace: app.namespace, name, labels, spec: request.spec, owner: ownerOf(statefulSet) };
    context.objects.push(createPod(context, { ...pod, phase: 'Running' }));
  }
}

/** A DaemonSet with one pod on each of `nodes` (hostNetwork pods take their node's IP). */
export function createDaemonSet(
  context: GenerationContext,
  request: WorkloadRequest,
  nodes: readonly ClusterNode[],
): void {
  const { app } = request;
  const daemonSet = workloadObject(context, 'DaemonSet', app.app, request, undefined);
  const labels = {
    ...request.labels,
    'controller-revision-hash': context.random.suffix(10),
    'pod-template-generation': '1',
  };
  for (const node of nodes) {
    const pod = {
      namespace: app.namespace,
      name: `${app.app}-${context.random.suffix(5)}`,
      labels,
      spec: request.spec,
    };
    context.objects.push(createPod(context, { ...pod, owner: ownerOf(daemonSet), phase: 'Running', node }));
  }
}

/** A CronJob with its last finished Jobs and their Succeeded pods (Pod → Job → CronJob). */
export function createCronJob(context: GenerationContext, request: WorkloadRequest, history: number): void {
  const { app } = request;
  const cronJob = workloadObject(context, 'CronJob', app.app, request, undefined);
  for (let i = 0; i < history; i++) {
    const name = `${app.app}-${29_000_000 + context.random.int(0, 999_999)}`;
    const job = workloadObject(context, 'Job', name, request, undefined, ownerOf(cronJob));
    const labels = { ...request.labels, 'batch.kubernetes.io/job-name': name };
    const spec = { ...request.spec, restartPolicy: 'OnFailure' };
    const pod = { namespace: app.namespace, name: `${name}-${context.random.suffix(5)}`, labels, spec };
    context.objects.push(createPod(context, { ...pod, owner: ownerOf(job), phase: 'Succeeded' }));
  }
}

function workloadObject(
  context: GenerationContext,
  kind: string,
  name: string,
  request: WorkloadRequest,
  replicas: number | undefined,
  owner?: OwnerReference,
): Workload {
  const { labels, spec } = request;
  const selector = { matchLabels: kind === 'ReplicaSet' ? pickSelector(labels) : { app: request.app.app } };
  const template = { metadata: { labels }, spec };
  const object: Workload = {
    apiVersion: kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: request.app.namespace,
      uid: context.random.uid(),
      labels: { app: request.app.app },
    },
    spec: kind === 'CronJob' ? { jobTemplate: { spec: { template } } } : { replicas, selector, template },
  };
  if (owner) object.metadata!.ownerReferences = [{ ...owner, controller: true }];
  context.objects.push(object);
  return object;
}

function pickSelector(labels: Record<string, string>): Record<string, string> {
  return { app: labels.app ?? '', 'pod-template-hash': labels['pod-template-hash'] ?? '' };
}

function ownerOf(object: Workload): OwnerReference {
  const { apiVersion, kind, metadata } = object;
  return { apiVersion, kind, name: metadata?.name ?? '', uid: metadata?.uid ?? '' };
}
