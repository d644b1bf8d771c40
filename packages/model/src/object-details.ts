import type { Severity } from './findings.ts';
import type { NetworkPolicy } from './kube.ts';
import type { Protocol } from './reachability.ts';

/**
 * What the details panel shows of one topology node (`GET /api/v1/objects/:id`). Like the
 * topology, it holds names, labels, ports and relations only: no env, args, volumes or annotations.
 */
export type ObjectDetails =
  NamespaceDetails | WorkloadDetails | PodDetails | ServiceDetails | IngressDetails | ExternalDetails;

/** Fields every kind of details has. */
export interface ObjectDetailsBase {
  /** The topology node id, e.g. `workload:shop/frontend[Deployment]`. */
  id: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  /** Findings that name this object (for pods and workloads, also the policies that select them). */
  findings: ObjectFinding[];
}

/** A finding as the details panel lists it; the full finding is in the topology by its id. */
export interface ObjectFinding {
  id: string;
  severity: Severity;
  message: string;
}

/** A Kubernetes owner (ownerReference): `ReplicaSet frontend-5d8f`, `Deployment frontend`. */
export interface OwnerRef {
  kind: string;
  name: string;
}

/** A container port with its protocol defaulted. */
export interface ContainerPortDetails {
  name?: string;
  port: number;
  protocol: Protocol;
}

/**
 * The NetworkPolicies (`namespace/name`, sorted) that select the pods per direction — those whose
 * policyTypes hold the direction — and whether they isolate them (never for hostNetwork pods).
 */
export interface PolicySelection {
  policies: { ingress: string[]; egress: string[] };
  isolated: { ingress: boolean; egress: boolean };
}

/** A namespace: its labels (with kubernetes.io/metadata.name), what runs in it, the policies in it. */
export interface NamespaceDetails extends ObjectDetailsBase {
  kind: 'namespace';
  /** Workloads with pods (or a pod template) in it. */
  workloads: number;
  /** Pod objects in it, active or not. */
  pods: number;
  /** Valid NetworkPolicies in it, `namespace/name`, sorted. */
  policies: string[];
}

/** One pod of a workload. */
export interface WorkloadPod {
  /** Pod node id. */
  id: string;
  name: string;
  ips: string[];
  nodeName?: string;
  isActive: boolean;
  isReady: boolean;
  /** Its controlling owner, e.g. the ReplicaSet between it and its Deployment. */
  owner?: OwnerRef;
}

/** A workload (a pods' top owner, or a bare pod): its pods, ports, Services and policies. */
export interface WorkloadDetails extends ObjectDetailsBase, PolicySelection {
  kind: 'workload';
  namespace: string;
  workloadKind: string;
  /** No pods in the input: what is shown comes from its pod template. */
  isTemplate: boolean;
  pods: WorkloadPod[];
  /** Distinct container ports of its pods. */
  ports: ContainerPortDetails[];
  /** Whether any of its pods uses the host network. */
  hostNetwork: boolean;
  /** Service node ids whose backends include its pods. */
  services: string[];
}

/** One pod. */
export interface PodDetails extends ObjectDetailsBase, PolicySelection {
  kind: 'pod';
  namespace: string;
  /** Workload node id of its top owner. */
  workload: string;
  /** From its controlling owner up to its top workload, e.g. ReplicaSet then Deployment; empty for a bare pod. */
  ownerChain: OwnerRef[];
  ips: string[];
  nodeName?: string;
  isActive: boolean;
  isReady: boolean;
  hostNetwork: boolean;
  ports: ContainerPortDetails[];
  /** Service node ids whose backends include it. */
  services: string[];
}

/** A Service port with its defaults applied. */
export interface ServicePortDetails {
  name?: string;
  port: number;
  protocol: Protocol;
  targetPort: number | string;
  nodePort?: number;
}

/** A pod a Service port sends to. */
export interface ServiceBackend {
  /** Pod node id; absent when the workload has no pods in the input and its pod template stands in. */
  pod?: string;
  /** Workload node id. */
  workload: string;
  /** The Service port this backend serves, and the pod port it sends to. */
  servicePort: number;
  protocol: Protocol;
  port: number;
}

/** A Service: its spec, the pods and workloads behind it, the Ingresses in front. */
export interface ServiceDetails extends ObjectDetailsBase {
  kind: 'service';
  namespace: string;
  serviceType: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  isHeadless: boolean;
  ports: ServicePortDetails[];
  selector?: Record<string, string>;
  externalName?: string;
  externalTrafficPolicy: 'Cluster' | 'Local';
  /** One entry per backend pod and Service port. */
  backends: ServiceBackend[];
  /** Workload node ids of the backends, sorted. */
  workloads: string[];
  /** Ingress node ids that route to it, sorted. */
  ingresses: string[];
}

/** One host/path of an Ingress (`pathType: 'Default'` for its defaultBackend). */
export interface IngressRouteDetails {
  host: string;
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' | 'Default';
  /** Service node id. */
  service: string;
  servicePort: { name?: string; number?: number };
  isTls: boolean;
}

/** An Ingress: its class, routes and TLS hosts. */
export interface IngressDetails extends ObjectDetailsBase {
  kind: 'ingress';
  namespace: string;
  ingressClassName?: string;
  routes: IngressRouteDetails[];
  /** The hosts of each `spec.tls` entry (its Secret is not named). */
  tls: { hosts: string[] }[];
}

/** Outside the cluster: a range of addresses, or the ingress controller. */
export interface ExternalDetails extends ObjectDetailsBase {
  kind: 'external';
  /** One sentence saying what it stands for. */
  description: string;
  /** For a range of addresses: its first and last address. */
  range?: { first: string; last: string };
}

/** 1-based lines, first and last inclusive, of a part of a YAML text. */
export interface LineRange {
  line: number;
  endLine: number;
}

/** A NetworkPolicy as YAML, with where each rule sits (`GET /api/v1/policies/:namespace/:name`). */
export interface PolicyDocument {
  /** The object as read, without managedFields and the last-applied-configuration annotation. */
  policy: NetworkPolicy;
  yaml: string;
  /** The lines of `spec.ingress[i]` and `spec.egress[i]` in `yaml`, by rule index. */
  rules: { ingress: LineRange[]; egress: LineRange[] };
  /** The directions it applies to, with the API server's default applied. */
  policyTypes: ('Ingress' | 'Egress')[];
}
