import type { Finding } from './findings.ts';

/**
 * The evaluated model the server streams and the web app draws: plain data keyed by id, so that
 * successive versions diff into small patches. It holds only what views need — names, labels,
 * ports, IPs, owners, specs of services and ingresses — never env, args, volumes or annotations.
 */
export interface Topology {
  nodes: Record<string, TopologyNode>;
  flows: Record<string, TopologyFlow>;
  findings: Record<string, Finding>;
  /**
   * What the ends of `flows` are: `workload` (absent means the same) — workloads and outside
   * nodes; `namespace` — namespaces and outside nodes, each flow the union of the workload flows
   * between them. Large clusters get `namespace`: workload flows grow with the square of the
   * workloads (hundreds of thousands at 10k pods). Their workload flows are served on request
   * (`GET /api/v1/model/flows?from=<node id>&to=<node id>`). It is fixed for an epoch: patches never change it.
   */
  flowLevel?: FlowLevel;
}

/** The ends of the flows a topology holds: workloads, or whole namespaces. */
export type FlowLevel = 'workload' | 'namespace';

/** A topology at one version of one server run (`epoch`). */
export interface VersionedTopology extends Topology {
  epoch: string;
  version: number;
}

/** A namespace (a compound node in the graph). */
export interface NamespaceNode {
  kind: 'namespace';
  id: string;
  name: string;
  labels: Record<string, string>;
}

/** A pod's top owner, or a bare pod; `pods` counts its pods that take part in flows. */
export interface WorkloadNode {
  kind: 'workload';
  id: string;
  namespace: string;
  name: string;
  workloadKind: string;
  pods: number;
  labels: Record<string, string>;
  /** Whether some policy isolates its pods for ingress / egress (unprotected otherwise). */
  isolated: { ingress: boolean; egress: boolean };
  /** Its namespace's NetworkPolicies could not be read: whether it is isolated is not known. */
  policiesUnknown?: true;
  /** Its pods carry an ingress controller's labels: the flows of `{ingress-controller}` start here. */
  ingressController?: true;
  hostNetwork: boolean;
  /** No pods in the input: it takes part through a pod built from its template. */
  isTemplate: boolean;
}

/** One pod. */
export interface PodNode {
  kind: 'pod';
  id: string;
  namespace: string;
  name: string;
  workload: string;
  labels: Record<string, string>;
  ips: string[];
  nodeName?: string;
  isActive: boolean;
  isReady: boolean;
  hostNetwork: boolean;
}

/** A Service and the pods behind it. */
export interface ServiceNode {
  kind: 'service';
  id: string;
  namespace: string;
  name: string;
  serviceType: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  isHeadless: boolean;
  ports: { name?: string; port: number; protocol: string; targetPort: number | string; nodePort?: number }[];
  selector?: Record<string, string>;
  externalName?: string;
  /** Ids of the backend pods of its first port. */
  backends: string[];
}

/** An Ingress and its routes. */
export interface IngressNode {
  kind: 'ingress';
  id: string;
  namespace: string;
  name: string;
  ingressClassName?: string;
  routes: { host: string; path: string; pathType: string; service: string; isTls: boolean }[];
}

/**
 * Outside the cluster: an address range (`0.0.0.0-9.255.255.255[External]`) or the ingress
 * controller (`{ingress-controller}`). Present while some flow starts or ends there.
 */
export interface ExternalNode {
  kind: 'external';
  id: string;
  name: string;
}

/** Any node of the topology. */
export type TopologyNode = NamespaceNode | WorkloadNode | PodNode | ServiceNode | IngressNode | ExternalNode;

/**
 * Connections from one node to another, ports merged per protocol. The ends are workload or
 * external node ids, or namespace and external node ids when the topology's `flowLevel` is
 * `namespace` (a namespace's flow to itself joins its different workloads). The id is
 * `<verdict>:<from>><to>`: one `allowed` flow and one `unknown` flow (ports whose verdict depends
 * on a fact the input lacks, beyond the allowed ones) per pair of ends at most.
 */
export interface TopologyFlow {
  id: string;
  from: string;
  to: string;
  /** `"all"`, or `["TCP 80", "TCP 8000-8080", "UDP 53"]` sorted by protocol then port. */
  ports: 'all' | string[];
  verdict: 'allowed' | 'unknown';
}
