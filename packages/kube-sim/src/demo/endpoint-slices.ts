import type { KubeObject, Pod, Service } from '@netmap/model';
import { controllerReference } from './pod-factory.ts';

/** One endpoint of an EndpointSlice. */
interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
  nodeName?: string;
}

/** What one EndpointSlice holds: its ports (targetPort resolved) and the endpoints that share them. */
export interface SliceContent {
  ports: { name: string; port: number; protocol: string }[];
  endpoints: Endpoint[];
}

/** Whether a Service's selector (a plain label map) selects a pod of its namespace. */
export function selectsPod(service: KubeObject, pod: KubeObject): boolean {
  const selector = (service as Service).spec?.selector;
  if (!selector || pod.metadata?.namespace !== service.metadata?.namespace) return false;
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** Running with an IP and the Ready condition true: what kube-proxy sends traffic to. */
export function isReadyPod(pod: KubeObject): boolean {
  const status = (pod as Pod).status;
  return (
    status?.phase === 'Running' &&
    Boolean(status.podIP) &&
    (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  );
}

/** Whether the EndpointSlice controller manages this Service: it has a selector and is not an ExternalName. */
export function hasManagedEndpoints(service: KubeObject): boolean {
  const spec = (service as Service).spec;
  return Boolean(spec?.selector) && spec?.type !== 'ExternalName';
}

/** A Service port's targetPort on one pod: a number, or the pod's container port of that name. */
function resolveTargetPort(
  pod: Pod,
  targetPort: number | string | undefined,
  port: number,
  protocol: string,
) {
  if (targetPort === undefined) return port;
  if (typeof targetPort === 'number') return targetPort;
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  const ports = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  return ports.find((p) => p.name === targetPort && (p.protocol ?? 'TCP') === protocol)?.containerPort;
}

/** The slices a Service's pods need: pods that resolve its ports alike share one (as the controller groups them). */
export function endpointSliceContents(service: KubeObject, pods: readonly KubeObject[]): SliceContent[] {
  const servicePorts = (service as Service).spec?.ports ?? [];
  const groups = new Map<string, SliceContent>();
  const selected = pods
    .filter((pod) => selectsPod(service, pod) && (pod as Pod).status?.podIP)
    .filter((pod) => !['Succeeded', 'Failed'].includes((pod as Pod).status?.phase ?? ''))
    .sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  for (const pod of selected) {
    const ports = servicePorts.flatMap((p) => {
      const protocol = p.protocol ?? 'TCP';
      const port = resolveTargetPort(pod as Pod, p.targetPort, p.port ?? 0, protocol);
      return port === undefined ? [] : [{ name: p.name ?? '', port, protocol }];
    });
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, group);
    const ready = isReadyPod(pod);
    const endpoint: Endpoint = {
      addresses: [(pod as Pod).status?.podIP ?? ''],
      conditions: { ready, serving: ready, terminating: false },
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        uid: pod.metadata?.uid ?? '',
      },
    };
    const nodeName = (pod as Pod).spec?.nodeName;
    if (nodeName) endpoint.nodeName = nodeName;
    group.endpoints.push(endpoint);
  }
  // A Service without endpoints still gets one empty slice.
  return groups.size > 0 ? [...groups.values()] : [{ ports: [], endpoints: [] }];
}

/** An EndpointSlice object for a Service, as the EndpointSlice controller writes it. */
export function buildEndpointSlice(
  service: KubeObject,
  content: SliceContent,
  name: string,
  uid?: string,
): KubeObject {
  const metadata: KubeObject['metadata'] = {
    name,
    namespace: service.metadata?.namespace ?? '',
    labels: {
      'kubernetes.io/service-name': service.metadata?.name ?? '',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    },
    ownerReferences: [controllerReference(service)],
  };
  if (uid) metadata.uid = uid;
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata,
    addressType: 'IPv4',
    endpoints: content.endpoints,
    ports: content.ports,
  } as KubeObject;
}
