/**
 * The subset of Kubernetes objects that netmap reads, as they arrive from the API server or from
 * manifests. Every field is optional: input is untrusted and the engine validates what it uses.
 */

/** ObjectMeta, reduced to what netmap reads. */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  resourceVersion?: string;
}

/** An ownerReference (ReplicaSet → Deployment, Job → CronJob, …). */
export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

/** Any object with apiVersion, kind and metadata. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

/** metav1.LabelSelector. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** One matchExpressions entry. */
export interface LabelSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** A container port (only what NetworkPolicy and Service resolution need). */
export interface ContainerPort {
  name?: string;
  containerPort?: number;
  protocol?: string;
}

/** core/v1 PodSpec, reduced. */
export interface PodSpec {
  containers?: { name?: string; ports?: ContainerPort[] }[];
  initContainers?: { name?: string; ports?: ContainerPort[]; restartPolicy?: string }[];
  hostNetwork?: boolean;
  nodeName?: string;
}

/** core/v1 Pod. */
export interface Pod extends KubeObject {
  kind?: 'Pod';
  spec?: PodSpec;
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip?: string }[];
    hostIP?: string;
    conditions?: { type?: string; status?: string }[];
  };
}

/** core/v1 Namespace. */
export interface Namespace extends KubeObject {
  kind?: 'Namespace';
}

/** A pod template inside a workload. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob. */
export interface Workload extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelector | Record<string, string>;
    template?: PodTemplateSpec;
    jobTemplate?: { spec?: { template?: PodTemplateSpec } };
  };
}

/** networking.k8s.io/v1 NetworkPolicy. */
export interface NetworkPolicy extends KubeObject {
  kind?: 'NetworkPolicy';
  spec?: NetworkPolicySpec;
}

/** NetworkPolicySpec. */
export interface NetworkPolicySpec {
  podSelector?: LabelSelector | null;
  policyTypes?: string[];
  ingress?: NetworkPolicyIngressRule[] | null;
  egress?: NetworkPolicyEgressRule[] | null;
}

/** An ingress rule: `from` peers and ports. */
export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[] | null;
  ports?: NetworkPolicyPort[] | null;
}

/** An egress rule: `to` peers and ports. */
export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[] | null;
  ports?: NetworkPolicyPort[] | null;
}

/** NetworkPolicyPeer. */
export interface NetworkPolicyPeer {
  podSelector?: LabelSelector | null;
  namespaceSelector?: LabelSelector | null;
  ipBlock?: { cidr?: string; except?: string[] } | null;
}

/** NetworkPolicyPort. */
export interface NetworkPolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

/** core/v1 ServicePort. */
export interface ServicePort {
  name?: string;
  protocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

/** core/v1 Service. */
export interface Service extends KubeObject {
  kind?: 'Service';
  spec?: {
    type?: string;
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    externalTrafficPolicy?: string;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** discovery.k8s.io/v1 EndpointSlice. */
export interface EndpointSlice extends KubeObject {
  kind?: 'EndpointSlice';
  addressType?: string;
  endpoints?: {
    addresses?: string[];
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
    targetRef?: { kind?: string; name?: string; namespace?: string; uid?: string };
    nodeName?: string;
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}

/** networking.k8s.io/v1 IngressBackend. */
export interface IngressBackend {
  service?: { name?: string; port?: { name?: string; number?: number } };
  resource?: { kind?: string; name?: string };
}

/** networking.k8s.io/v1 Ingress. */
export interface Ingress extends KubeObject {
  kind?: 'Ingress';
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: {
      host?: string;
      http?: { paths?: { path?: string; pathType?: string; backend?: IngressBackend }[] };
    }[];
  };
}

/** networking.k8s.io/v1 IngressClass. */
export interface IngressClass extends KubeObject {
  kind?: 'IngressClass';
  spec?: { controller?: string };
}

/** core/v1 Node. */
export interface Node extends KubeObject {
  kind?: 'Node';
  status?: { addresses?: { type?: string; address?: string }[] };
}
