import type { IngressNode, Service, TopologyNode, WorkloadNode } from '@netmap/model';
import type { Evaluation } from './evaluation.ts';
import { compareText } from './compare-text.ts';
import { mayBeIngressController } from './ingress-controllers.ts';
import type { IngressRoute } from './ingress-routes.ts';
import type { NamespaceMembers } from './namespace-members.ts';
import type { PodFacts } from './pod-facts.ts';
import { readService, serviceBackends, type ServiceFacts } from './services.ts';

/** Node ids: one namespace per kind of node, so that ids never collide. */
export const nodeIds = {
  namespace: (name: string) => `namespace:${name}`,
  workload: (ref: string) => `workload:${ref}`,
  pod: (ref: string) => `pod:${ref}`,
  service: (ref: string) => `service:${ref}`,
  ingress: (ref: string) => `ingress:${ref}`,
  external: (name: string) => `external:${name}`,
};

/**
 * The nodes of some namespaces (all when `only` is undefined): each namespace, its workloads, pods,
 * services and ingresses, grouped by namespace. Only fields views need are copied (no env, args,
 * annotations). Pods are read in the order the state holds them (a workload is labelled as its
 * first pod); `members` finds the pods and Services of the namespaces asked for without a pass
 * over the cluster.
 */
export function deriveNamespaceNodes(
  evaluation: Evaluation,
  only?: ReadonlySet<string>,
  routes: readonly IngressRoute[] = evaluation.state.ingressRoutes(),
  members?: NamespaceMembers,
): Map<string, TopologyNode[]> {
  const { state } = evaluation;
  const wanted = (namespace: string) => !only || only.has(namespace);
  const byNamespace = new Map<string, TopologyNode[]>();
  const add = (namespace: string, node: TopologyNode) => {
    const list = byNamespace.get(namespace);
    if (list) list.push(node);
    else byNamespace.set(namespace, [node]);
  };
  for (const name of state.namespaces.names()) if (wanted(name)) add(name, namespaceNode(evaluation, name));
  const pods: PodFacts[] =
    only && members
      ? [...only].flatMap((namespace) => members.podsIn(namespace))
      : [...state.pods.values()].filter((pod) => wanted(pod.namespace));
  for (const pod of state.representatives.values()) if (wanted(pod.namespace)) pods.push(pod);
  for (const pod of pods) {
    // A namespace that is not stored (or not yet) still holds the pods that name it.
    if (!byNamespace.has(pod.namespace)) add(pod.namespace, namespaceNode(evaluation, pod.namespace));
  }
  for (const workload of workloadNodes(evaluation, pods)) add(workload.namespace, workload);
  for (const pod of pods) if (!pod.representative) add(pod.namespace, podNode(pod));
  const services =
    only && members
      ? [...only].flatMap((namespace) => members.servicesIn(namespace))
      : [...state.stored.values()].filter((object) => object.kind === 'Service');
  for (const object of services) {
    const namespace = object.metadata?.namespace || 'default';
    if (wanted(namespace)) add(namespace, serviceNode(evaluation, readService(object as Service, namespace)));
  }
  for (const ingress of ingressNodes(routes, wanted)) add(ingress.namespace, ingress);
  return byNamespace;
}

function namespaceNode(evaluation: Evaluation, name: string): TopologyNode {
  const labels = { ...evaluation.state.namespaces.labelsOf(name).labels };
  return { kind: 'namespace', id: nodeIds.namespace(name), name, labels };
}

/** One node per workload, labelled as its first pod; counts the pods that take part in flows. */
function workloadNodes(evaluation: Evaluation, pods: readonly PodFacts[]): WorkloadNode[] {
  const byRef = new Map<string, WorkloadNode>();
  for (const pod of pods) {
    const [namespace = '', rest = ''] = pod.workload.split('/');
    let node = byRef.get(pod.workload);
    if (!node) {
      node = {
        kind: 'workload',
        id: nodeIds.workload(pod.workload),
        namespace,
        name: rest.slice(0, rest.lastIndexOf('[')),
        workloadKind: rest.slice(rest.lastIndexOf('[') + 1, -1),
        pods: 0,
        labels: { ...pod.labels },
        isolated: { ingress: false, egress: false },
        hostNetwork: pod.hostNetwork,
        isTemplate: pod.representative,
      };
      byRef.set(pod.workload, node);
    }
    const podClass = evaluation.state.classes.classOf(pod);
    if (!podClass) continue;
    if (!pod.representative) node.pods++;
    if (!podClass.hostNetwork && !evaluation.state.namespaces.arePoliciesRead(namespace))
      node.policiesUnknown = true;
    if (!pod.representative && mayBeIngressController(pod.labels, evaluation.options.ingressControllerLabels))
      node.ingressController = true;
    node.isolated.ingress ||= podClass.ingressPolicies.length > 0 && !podClass.hostNetwork;
    node.isolated.egress ||= podClass.egressPolicies.length > 0 && !podClass.hostNetwork;
  }
  return [...byRef.values()];
}

function podNode(pod: PodFacts): TopologyNode {
  const node: TopologyNode = {
    kind: 'pod',
    id: nodeIds.pod(pod.ref),
    namespace: pod.namespace,
    name: pod.name,
    workload: nodeIds.workload(pod.workload),
    labels: { ...pod.labels },
    ips: pod.ips.map((ip) => ip.text),
    isActive: pod.isActive,
    isReady: pod.isReady,
    hostNetwork: pod.hostNetwork,
  };
  if (pod.nodeName) node.nodeName = pod.nodeName;
  return node;
}

function serviceNode(evaluation: Evaluation, service: ServiceFacts): TopologyNode {
  const first = service.ports[0];
  const backends =
    first && service.type !== 'ExternalName' ? serviceBackends(evaluation.state, service, first) : [];
  const node: TopologyNode = {
    kind: 'service',
    id: nodeIds.service(service.ref),
    namespace: service.namespace,
    name: service.name,
    serviceType: service.type,
    isHeadless: service.isHeadless,
    ports: service.ports.map((p) => ({ ...p })),
    // Sorted: the order pods are found in follows how they are grouped, which says nothing.
    backends: backends.map((b) => nodeIds.pod(b.pod.ref)).sort(compareText),
  };
  if (service.selector) node.selector = { ...service.selector };
  if (service.externalName) node.externalName = service.externalName;
  return node;
}

/** One node per Ingress with at least one route to a Service. */
function ingressNodes(
  routes: readonly IngressRoute[],
  wanted: (namespace: string) => boolean,
): IngressNode[] {
  const byId = new Map<string, IngressNode>();
  for (const route of routes) {
    if (!wanted(route.namespace)) continue;
    const id = nodeIds.ingress(route.ingress);
    let ingress = byId.get(id);
    if (!ingress) {
      ingress = {
        kind: 'ingress',
        id,
        namespace: route.namespace,
        name: route.ingress.split('/')[1]!,
        routes: [],
      };
      byId.set(id, ingress);
    }
    if (route.ingressClassName) ingress.ingressClassName = route.ingressClassName;
    const { host, path, pathType, service, isTls } = route;
    ingress.routes.push({ host, path, pathType, service, isTls });
  }
  return [...byId.values()];
}
