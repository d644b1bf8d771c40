import type {
  ExternalNode,
  IngressNode,
  NamespaceNode,
  PodNode,
  ServiceNode,
  Topology,
  TopologyFlow,
  TopologyNode,
  WorkloadNode,
} from '@netmap/model';
import { DEFAULT_VIEW, type ViewState } from '../../view-state.ts';

/** Named, typed pieces of a topology for tests, each built by spreading a base. */

export function namespace(name: string, labels: Record<string, string> = {}): NamespaceNode {
  return {
    kind: 'namespace',
    id: `namespace:${name}`,
    name,
    labels: { 'kubernetes.io/metadata.name': name, ...labels },
  };
}

/** A workload `ns/name` (a Deployment, isolated both ways unless told otherwise). */
export function workload(ref: string, overrides: Partial<WorkloadNode> = {}): WorkloadNode {
  const [ns = '', name = ''] = ref.split('/');
  const workloadKind = overrides.workloadKind ?? 'Deployment';
  return {
    kind: 'workload',
    id: `workload:${ref}[${workloadKind}]`,
    namespace: ns,
    name,
    workloadKind,
    pods: 1,
    labels: { app: name },
    isolated: { ingress: true, egress: true },
    hostNetwork: false,
    isTemplate: false,
    ...overrides,
  };
}

/** A pod of a workload, named `<workload>-<suffix>`, ready, with the workload's labels. */
export function pod(owner: WorkloadNode, suffix: string, overrides: Partial<PodNode> = {}): PodNode {
  const name = `${owner.name}-${suffix}`;
  return {
    kind: 'pod',
    id: `pod:${owner.namespace}/${name}`,
    namespace: owner.namespace,
    name,
    workload: owner.id,
    labels: { ...owner.labels },
    ips: ['10.244.0.1'],
    nodeName: 'node-1',
    isActive: true,
    isReady: true,
    hostNetwork: false,
    ...overrides,
  };
}

/** A ClusterIP Service `ns/name` on TCP 80 in front of the given pods. */
export function service(ref: string, backends: PodNode[], overrides: Partial<ServiceNode> = {}): ServiceNode {
  const [ns = '', name = ''] = ref.split('/');
  return {
    kind: 'service',
    id: `service:${ref}`,
    namespace: ns,
    name,
    serviceType: 'ClusterIP',
    isHeadless: false,
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
    selector: { app: name },
    backends: backends.map((each) => each.id),
    ...overrides,
  };
}

/** An Ingress `ns/name` routing each host to a Service of its namespace. */
export function ingress(ref: string, routes: Partial<IngressNode['routes'][number]>[]): IngressNode {
  const [ns = '', name = ''] = ref.split('/');
  return {
    kind: 'ingress',
    id: `ingress:${ref}`,
    namespace: ns,
    name,
    routes: routes.map((route) => ({
      host: '',
      path: '/',
      pathType: 'Prefix',
      service: '',
      isTls: false,
      ...route,
    })),
  };
}

/** A piece of the outside, e.g. `10.0.0.0-10.255.255.255[External]` or `{ingress-controller}`. */
export function external(name: string): ExternalNode {
  return { kind: 'external', id: `external:${name}`, name };
}

/** A flow between two nodes, with the engine's id. */
export function flow(
  from: TopologyNode,
  to: TopologyNode,
  ports: TopologyFlow['ports'] = 'all',
  verdict: TopologyFlow['verdict'] = 'allowed',
): TopologyFlow {
  return { id: `${verdict}:${from.id}>${to.id}`, from: from.id, to: to.id, ports, verdict };
}

export function topology(nodes: TopologyNode[], flows: TopologyFlow[] = []): Topology {
  return {
    nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
    flows: Object.fromEntries(flows.map((each) => [each.id, each])),
    findings: {},
  };
}

/** A view: the defaults with some changes. */
export function viewOf(change: Partial<ViewState> = {}): ViewState {
  return { ...DEFAULT_VIEW, ...change };
}

/**
 * A small shop: `frontend` (2 pods) behind a LoadBalancer and an Ingress, `cart` (1 pod) behind a
 * ClusterIP, `redis` cut off from everything, `legacy` with no policies, a broken Service, a
 * NodePort, the outside (Internet pieces, one CIDR, the ingress controller) and `kube-system`.
 */
export function shopModel() {
  const frontend = workload('shop/frontend', { pods: 2 });
  const frontendPods = [
    pod(frontend, 'a', { ips: ['10.244.1.4'], nodeName: 'node-1' }),
    pod(frontend, 'b', { ips: ['10.244.2.4'], nodeName: 'node-2' }),
  ];
  const cart = workload('shop/cart');
  const cartPod = pod(cart, 'a', { ips: ['10.244.1.5'], nodeName: 'node-1' });
  const redis = workload('shop/redis', { workloadKind: 'StatefulSet' });
  const redisPod = pod(redis, '0', { ips: ['10.244.2.6'], nodeName: 'node-2' });
  const legacy = workload('shop/legacy', { isolated: { ingress: false, egress: false } });
  const legacyPod = pod(legacy, 'a', { ips: ['10.244.2.7'], nodeName: 'node-2' });
  const dns = workload('kube-system/coredns', { isolated: { ingress: false, egress: false } });
  const dnsPod = pod(dns, 'a', { ips: ['10.244.1.2'], labels: { 'k8s-app': 'kube-dns' } });
  const nodes = {
    frontend,
    cart,
    redis,
    legacy,
    dns,
    frontendPods,
    cartPod,
    redisPod,
    legacyPod,
    dnsPod,
    frontendService: service('shop/frontend', frontendPods, { serviceType: 'LoadBalancer' }),
    cartService: service('shop/cart', [cartPod]),
    feedService: service('shop/feed', [legacyPod], {
      serviceType: 'NodePort',
      ports: [{ port: 443, protocol: 'TCP', targetPort: 8443, nodePort: 30443 }],
    }),
    brokenService: service('shop/orders', []),
    web: ingress('shop/web', [{ host: 'shop.example.com', service: 'frontend', isTls: true }]),
    lowInternet: external('0.0.0.0-9.255.255.255[External]'),
    private10: external('10.0.0.0-10.255.255.255[External]'),
    highInternet: external('11.0.0.0-255.255.255.255[External]'),
    ingressController: external('{ingress-controller}'),
  };
  const flows = [
    flow(nodes.ingressController, frontend, ['TCP 8080']),
    flow(frontend, cart, ['TCP 7070']),
    flow(frontend, cart, ['TCP 9555'], 'unknown'),
    flow(nodes.lowInternet, legacy),
    flow(nodes.highInternet, legacy),
    flow(nodes.private10, legacy, ['TCP 443']),
    flow(legacy, cart),
    flow(dns, nodes.lowInternet, ['UDP 53']),
  ];
  const model = topology(
    [
      namespace('shop'),
      namespace('kube-system'),
      ...Object.values(nodes).flatMap((value) => (Array.isArray(value) ? value : [value])),
    ],
    flows,
  );
  return { model, ...nodes };
}

/**
 * A cluster of `namespaces` × `workloads` workloads of `pods` pods each, spread over three nodes,
 * each workload allowed to reach the next one in its namespace on TCP 8080 and 9090.
 */
export function generatedModel(namespaces: number, workloads: number, pods: number): Topology {
  const nodes: TopologyNode[] = [];
  const flows: TopologyFlow[] = [];
  for (let n = 0; n < namespaces; n++) {
    nodes.push(namespace(`team-${n}`));
    let previous: WorkloadNode | undefined;
    for (let w = 0; w < workloads; w++) {
      const owner = workload(`team-${n}/app-${w}`, { pods });
      nodes.push(owner, service(`team-${n}/app-${w}`, []));
      for (let p = 0; p < pods; p++)
        nodes.push(pod(owner, `${p}`, { ips: [`10.${n}.${w}.${p}`], nodeName: `node-${(w + p) % 3}` }));
      if (previous)
        flows.push(flow(previous, owner, ['TCP 8080']), flow(previous, owner, ['TCP 9090'], 'unknown'));
      previous = owner;
    }
  }
  return topology(nodes, flows);
}
