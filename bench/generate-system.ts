import type { ContainerPort } from '@netmap/model';
import type { AppInfo, GenerationContext, NamespaceInfo } from './generation-context.ts';
import { createServices } from './generate-services.ts';
import {
  createDaemonSet,
  createDeployment,
  createStatefulSet,
  type WorkloadRequest,
} from './generate-workloads.ts';
import { DNS_TCP, DNS_UDP, HTTP, METRICS, podSpecFor } from './workload-templates.ts';

/** Namespaces every cluster has, with the platform workloads that run in them. */
export const SYSTEM_NAMESPACES: readonly NamespaceInfo[] = [
  { name: 'kube-system', team: 'platform', env: 'prod', isSystem: true, locksEgress: false },
  { name: 'monitoring', team: 'observability', env: 'prod', isSystem: true, locksEgress: false },
  { name: 'logging', team: 'observability', env: 'prod', isSystem: true, locksEgress: false },
  { name: 'ingress-nginx', team: 'platform', env: 'prod', isSystem: true, locksEgress: false },
];

interface SystemWorkload {
  namespace: string;
  name: string;
  kind: AppInfo['kind'];
  labels: Record<string, string>;
  ports: ContainerPort[];
  /** Replicas for a cluster scale (1 per 100 nodes); DaemonSets run on every node instead. */
  replicas?: (scale: number) => number;
  hostNetwork?: boolean;
  hasService?: boolean;
}

const COREDNS_METRICS: ContainerPort = { name: 'metrics', containerPort: 9153, protocol: 'TCP' };
const WEB: ContainerPort = { name: 'http', containerPort: 80, protocol: 'TCP' };
const WEBS: ContainerPort = { name: 'https', containerPort: 443, protocol: 'TCP' };

/**
 * CoreDNS, kube-proxy and the CNI agent in kube-system (the last two on the host network of every
 * node), Prometheus and node-exporter in monitoring, fluent-bit in logging, the ingress controller.
 */
const SYSTEM_WORKLOADS: readonly SystemWorkload[] = [
  {
    namespace: 'kube-system',
    name: 'coredns',
    kind: 'Deployment',
    labels: { 'k8s-app': 'kube-dns' },
    ports: [DNS_UDP, DNS_TCP, COREDNS_METRICS],
    replicas: (scale) => 1 + scale,
    hasService: true,
  },
  {
    namespace: 'kube-system',
    name: 'metrics-server',
    kind: 'Deployment',
    labels: {},
    ports: [HTTP],
    replicas: () => 2,
  },
  {
    namespace: 'kube-system',
    name: 'kube-proxy',
    kind: 'DaemonSet',
    labels: {},
    ports: [],
    hostNetwork: true,
  },
  {
    namespace: 'kube-system',
    name: 'calico-node',
    kind: 'DaemonSet',
    labels: {},
    ports: [],
    hostNetwork: true,
  },
  {
    namespace: 'monitoring',
    name: 'prometheus',
    kind: 'StatefulSet',
    labels: {},
    ports: [HTTP],
    replicas: () => 2,
    hasService: true,
  },
  {
    namespace: 'monitoring',
    name: 'alertmanager',
    kind: 'StatefulSet',
    labels: {},
    ports: [HTTP],
    replicas: () => 3,
  },
  {
    namespace: 'monitoring',
    name: 'grafana',
    kind: 'Deployment',
    labels: {},
    ports: [HTTP],
    replicas: () => 1,
    hasService: true,
  },
  {
    namespace: 'monitoring',
    name: 'node-exporter',
    kind: 'DaemonSet',
    labels: {},
    ports: [METRICS],
    hostNetwork: true,
  },
  { namespace: 'logging', name: 'fluent-bit', kind: 'DaemonSet', labels: {}, ports: [METRICS] },
  {
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    kind: 'Deployment',
    labels: { 'app.kubernetes.io/component': 'controller' },
    ports: [WEB, WEBS, METRICS],
    replicas: (scale) => 1 + scale,
    hasService: true,
  },
];

/** Creates the platform workloads of the system namespaces. */
export function generateSystemWorkloads(context: GenerationContext): AppInfo[] {
  const nodes = context.network.nodes;
  // Platform Deployments grow with the cluster, as their autoscalers would make them.
  const scale = Math.max(1, Math.round(nodes.length / 100));
  return SYSTEM_WORKLOADS.map((workload) => {
    const request = systemRequest(workload);
    const replicas = workload.replicas?.(scale) ?? 1;
    if (workload.kind === 'DaemonSet') createDaemonSet(context, request, nodes);
    else if (workload.kind === 'StatefulSet') createStatefulSet(context, request, replicas);
    else createDeployment(context, request, replicas);
    if (workload.hasService) createServices(context, request.app, workload.ports);
    return request.app;
  });
}

function systemRequest(workload: SystemWorkload): WorkloadRequest {
  const { namespace, name, kind, ports } = workload;
  const app: AppInfo = {
    namespace,
    app: name,
    tier: 'backend',
    kind,
    portNames: ports.map((p) => p.name ?? ''),
  };
  const spec = podSpecFor('backend', name, 'v1', ports);
  if (workload.hostNetwork) spec.hostNetwork = true;
  const labels = {
    app: name,
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': namespace,
    ...workload.labels,
  };
  return { app, labels, spec };
}
