import type { KubeObject, Pod, PodTemplateSpec, Workload } from '@netmap/model';
import { hashName } from './hash.ts';
import { buildEndpointSlice, endpointSliceContents, hasManagedEndpoints } from './endpoint-slices.ts';
import { buildPod } from './pod-factory.ts';
import { PodPlacer, readNodeSlots, type NodeSlot } from './pod-placer.ts';
import { createRandom, type Random } from './random.ts';
import { buildReplicaSet, readyStatus, replicasOf } from './replica-set.ts';

/** How to materialize a cluster's workloads. */
export interface MaterializeOptions {
  /** Seeds every generated name, uid and choice: the same seed gives the same objects. */
  seed: number;
}

/** What the materializing controllers share: choices, placement and the names already taken. */
interface Controllers {
  random: Random;
  placer: PodPlacer;
  nodes: NodeSlot[];
  podNames: Set<string>;
  created: KubeObject[];
}

const namespaceOf = (object: KubeObject) => object.metadata?.namespace ?? 'default';
const templateOf = (workload: KubeObject): PodTemplateSpec => (workload as Workload).spec?.template ?? {};
const isHostNetwork = (template: PodTemplateSpec) => template.spec?.hostNetwork === true;

/** A generated pod name not yet taken in its namespace: `<prefix>-<5 chars>`. */
function generatePodName(controllers: Controllers, namespace: string, prefix: string): string {
  for (;;) {
    const name = `${prefix}-${controllers.random.suffix()}`;
    if (!controllers.podNames.has(`${namespace}/${name}`)) return name;
  }
}

function addPod(controllers: Controllers, pod: KubeObject): void {
  controllers.podNames.add(`${namespaceOf(pod)}/${pod.metadata?.name ?? ''}`);
  controllers.created.push(pod);
}

/** A Deployment's ReplicaSet and its `replicas` pods, spread over the nodes. */
function materializeDeployment(controllers: Controllers, deployment: KubeObject): void {
  const replicaSet = buildReplicaSet(deployment, controllers.random.uid());
  controllers.created.push(replicaSet);
  deployment.status = readyStatus(replicasOf(deployment));
  const template = templateOf(replicaSet);
  const namespace = namespaceOf(deployment);
  for (let i = 0; i < replicasOf(deployment); i++) {
    const name = generatePodName(controllers, namespace, replicaSet.metadata?.name ?? '');
    const placement = controllers.placer.place({ hostNetwork: isHostNetwork(template) });
    addPod(
      controllers,
      buildPod({ name, namespace, template, owner: replicaSet, placement, uid: controllers.random.uid() }),
    );
  }
}

/** A StatefulSet's pods `<name>-0 … <name>-(n-1)`, each with its stable pod-name label and hostname. */
function materializeStatefulSet(controllers: Controllers, statefulSet: KubeObject): void {
  const template = templateOf(statefulSet);
  const name = statefulSet.metadata?.name ?? '';
  const namespace = namespaceOf(statefulSet);
  const serviceName = (statefulSet.spec as { serviceName?: string } | undefined)?.serviceName;
  const revision = `${name}-${hashName(template)}`;
  statefulSet.status = {
    ...readyStatus(replicasOf(statefulSet)),
    currentRevision: revision,
    updateRevision: revision,
  };
  for (let i = 0; i < replicasOf(statefulSet); i++) {
    const podName = `${name}-${i}`;
    const labels = {
      'statefulset.kubernetes.io/pod-name': podName,
      'apps.kubernetes.io/pod-index': String(i),
      'controller-revision-hash': revision,
    };
    const spec = serviceName ? { hostname: podName, subdomain: serviceName } : { hostname: podName };
    const placement = controllers.placer.place({ hostNetwork: isHostNetwork(template) });
    const uid = controllers.random.uid();
    addPod(
      controllers,
      buildPod({ name: podName, namespace, template, owner: statefulSet, placement, labels, spec, uid }),
    );
  }
}

/** One pod of a DaemonSet on every node. */
function materializeDaemonSet(controllers: Controllers, daemonSet: KubeObject): void {
  const template = templateOf(daemonSet);
  const namespace = namespaceOf(daemonSet);
  const labels = { 'controller-revision-hash': hashName(template), 'pod-template-generation': '1' };
  const count = controllers.nodes.length;
  daemonSet.status = {
    currentNumberScheduled: count,
    desiredNumberScheduled: count,
    numberReady: count,
    numberAvailable: count,
  };
  for (const node of controllers.nodes) {
    const name = generatePodName(controllers, namespace, daemonSet.metadata?.name ?? '');
    const placement = controllers.placer.place({ hostNetwork: isHostNetwork(template), nodeName: node.name });
    addPod(
      controllers,
      buildPod({
        name,
        namespace,
        template,
        owner: daemonSet,
        placement,
        labels,
        uid: controllers.random.uid(),
      }),
    );
  }
}

/** Every Service with a selector and no EndpointSlice in the input gets the slices of its pods. */
function materializeEndpointSlices(controllers: Controllers, objects: readonly KubeObject[]): void {
  const pods = objects.filter((o) => o.kind === 'Pod');
  const sliced = new Set(
    objects
      .filter((o) => o.kind === 'EndpointSlice')
      .map((o) => `${namespaceOf(o)}/${o.metadata?.labels?.['kubernetes.io/service-name'] ?? ''}`),
  );
  for (const service of objects.filter((o) => o.kind === 'Service' && hasManagedEndpoints(o))) {
    if (sliced.has(`${namespaceOf(service)}/${service.metadata?.name ?? ''}`)) continue;
    for (const content of endpointSliceContents(service, pods)) {
      const name = `${service.metadata?.name ?? ''}-${controllers.random.suffix()}`;
      controllers.created.push(buildEndpointSlice(service, content, name, controllers.random.uid()));
    }
  }
}

/**
 * The objects plus what a cluster's controllers would create from them: a ReplicaSet and pods per
 * Deployment, pods per StatefulSet and per node for each DaemonSet, and EndpointSlices per Service.
 * Pure and deterministic for a seed; the input is not changed.
 */
export function materializeWorkloads(
  objects: readonly KubeObject[],
  options: MaterializeOptions,
): KubeObject[] {
  const random = createRandom(options.seed);
  const input = objects.map((object) => {
    const copy = structuredClone(object);
    copy.metadata = { ...copy.metadata, uid: copy.metadata?.uid ?? random.uid() };
    return copy;
  });
  const nodes = readNodeSlots(input);
  const existingPods = input.filter((o): o is Pod => o.kind === 'Pod');
  const controllers: Controllers = {
    random,
    nodes,
    placer: new PodPlacer(nodes, existingPods),
    podNames: new Set(existingPods.map((pod) => `${namespaceOf(pod)}/${pod.metadata?.name ?? ''}`)),
    created: [],
  };
  for (const object of input) {
    if (object.kind === 'Deployment') materializeDeployment(controllers, object);
    else if (object.kind === 'StatefulSet') materializeStatefulSet(controllers, object);
    else if (object.kind === 'DaemonSet') materializeDaemonSet(controllers, object);
  }
  materializeEndpointSlices(controllers, [...input, ...controllers.created]);
  return [...input, ...controllers.created];
}
