import type { Service, Topology, TopologyFlow, TopologyNode, WorkloadNode } from '@netmap/model';
import type { Evaluation } from './evaluation.ts';
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
 * The topology views draw: namespaces, workloads, pods, services, ingresses, the outside, the flows
 * between them and the findings. Only fields views need are copied (no env, args, annotations).
 */
export function deriveTopology(evaluation: Evaluation): Topology {
  const nodes: Record<string, TopologyNode> = {};
  const add = (node: TopologyNode) => void (nodes[node.id] = node);
  const { state } = evaluation;
  for (const name of namespaceNames(evaluation)) {
    add({
      kind: 'namespace',
      id: nodeIds.namespace(name),
      name,
      labels: { ...state.namespaces.labelsOf(name).labels },
    });
  }
  for (const workload of workloadNodes(evaluation)) add(workload);
  for (const pod of state.pods.values()) add(podNode(pod));
  for (const object of state.stored.values()) {
    if (object.kind === 'Service')
      add(serviceNode(evaluation, readService(object as Service, object.metadata?.namespace || 'default')));
  }
  for (const route of state.ingressRoutes()) {
    const id = nodeIds.ingress(route.ingress);
    const existing = nodes[id];
    const ingress =
      existing?.kind === 'ingress'
        ? existing
        : {
            kind: 'ingress' as const,
            id,
            namespace: route.namespace,
            name: route.ingress.split('/')[1]!,
            routes: [],
          };
    if (route.ingressClassName) ingress.ingressClassName = route.ingressClassName;
    ingress.routes.push({
      host: route.host,
      path: route.path,
      pathType: route.pathType,
      service: route.service,
      isTls: route.isTls,
    });
    add(ingress);
  }
  const flows: Record<string, TopologyFlow> = {};
  const { flows: allowed, unknown } = evaluation.flows();
  for (const [list, verdict] of [
    [allowed, 'allowed'],
    [unknown, 'unknown'],
  ] as const) {
    for (const flow of list) {
      const from = flowEnd(flow.from, nodes);
      const to = flowEnd(flow.to, nodes);
      const id = `${verdict}:${from}>${to}`;
      flows[id] = { id, from, to, ports: flow.ports, verdict };
    }
  }
  const findings = Object.fromEntries(evaluation.findings().map((finding) => [finding.id, finding]));
  return { nodes, flows, findings };
}

function namespaceNames(evaluation: Evaluation): Set<string> {
  const names = new Set(evaluation.state.namespaces.names());
  for (const pod of evaluation.state.pods.values()) names.add(pod.namespace);
  for (const pod of evaluation.state.representatives.values()) names.add(pod.namespace);
  return names;
}

function workloadNodes(evaluation: Evaluation): WorkloadNode[] {
  const byRef = new Map<string, WorkloadNode>();
  const pods = [...evaluation.state.pods.values(), ...evaluation.state.representatives.values()];
  for (const pod of pods) {
    const [namespace = '', rest = ''] = pod.workload.split('/');
    const kind = rest.slice(rest.lastIndexOf('[') + 1, -1);
    let node = byRef.get(pod.workload);
    if (!node) {
      node = {
        kind: 'workload',
        id: nodeIds.workload(pod.workload),
        namespace,
        name: rest.slice(0, rest.lastIndexOf('[')),
        workloadKind: kind,
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
    backends: backends.map((b) => nodeIds.pod(b.pod.ref)),
  };
  if (service.selector) node.selector = { ...service.selector };
  if (service.externalName) node.externalName = service.externalName;
  return node;
}

/** The node a flow's end names: a workload, or the outside (created on first use). */
function flowEnd(name: string, nodes: Record<string, TopologyNode>): string {
  if (!name.endsWith('[External]') && !name.startsWith('{')) return nodeIds.workload(name);
  const id = nodeIds.external(name);
  nodes[id] ??= { kind: 'external', id, name };
  return id;
}
