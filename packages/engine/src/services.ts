import type { EndpointSlice, Protocol, Service } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import { labelValue, type Labels } from './label-selector.ts';
import { stringLabels, type PodFacts } from './pod-facts.ts';
import { isNotObject, listOf } from './input-shape.ts';

/** A Service port with its defaults applied. */
export interface ServicePortFacts {
  name?: string;
  port: number;
  protocol: Protocol;
  /** A number, or a container port name resolved per backend pod. */
  targetPort: number | string;
  nodePort?: number;
}

/** What the engine knows of a Service. */
export interface ServiceFacts {
  ref: string;
  namespace: string;
  name: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  isHeadless: boolean;
  selector?: Labels;
  ports: ServicePortFacts[];
  externalIPs: string[];
  externalName?: string;
  /** Cluster (default): traffic from outside reaches pods from a node's IP, not the client's. */
  externalTrafficPolicy: 'Cluster' | 'Local';
}

/** A backend pod and the port a Service port sends to on it. */
export interface Backend {
  pod: PodFacts;
  port: number;
}

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;

/** Reads a Service object. */
export function readService(service: Service, namespace: string): ServiceFacts {
  const spec = service.spec ?? {};
  const type = TYPES.find((t) => t === spec.type) ?? 'ClusterIP';
  const facts: ServiceFacts = {
    ref: `${namespace}/${service.metadata?.name ?? ''}`,
    namespace,
    name: service.metadata?.name ?? '',
    type,
    isHeadless: spec.clusterIP === 'None',
    ports: listOf<NonNullable<NonNullable<Service['spec']>['ports']>[number]>(spec.ports).flatMap((p) => {
      if (typeof p?.port !== 'number') return [];
      const protocol = (['TCP', 'UDP', 'SCTP'] as const).find((x) => x === (p.protocol ?? 'TCP'));
      if (!protocol) return [];
      // targetPort defaults to the port itself.
      const port: ServicePortFacts = { port: p.port, protocol, targetPort: p.targetPort ?? p.port };
      if (p.name) port.name = p.name;
      if (typeof p.nodePort === 'number') port.nodePort = p.nodePort;
      return [port];
    }),
    externalIPs: listOf<unknown>(spec.externalIPs).filter((ip): ip is string => typeof ip === 'string'),
    externalTrafficPolicy: spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
  };
  if (spec.selector && !isNotObject(spec.selector) && type !== 'ExternalName')
    facts.selector = stringLabels(spec.selector);
  if (spec.externalName) facts.externalName = spec.externalName;
  return facts;
}

/**
 * The pods a Service port sends to: from its EndpointSlices when the input has them (ready
 * endpoints), else from its selector over ready pods, with `targetPort` resolved per pod.
 */
export function serviceBackends(
  state: ClusterState,
  service: ServiceFacts,
  servicePort: ServicePortFacts,
): Backend[] {
  const slices = [...state.endpointSlicesOf(service.namespace, service.name)] as EndpointSlice[];
  if (slices.length > 0) return backendsFromSlices(state, service, servicePort, slices);
  if (!service.selector || Object.keys(service.selector).length === 0) return [];
  const backends: Backend[] = [];
  for (const pod of state.activePodsIn(service.namespace)) {
    if (!pod.isReady || !matchesAll(service.selector, pod.labels)) continue;
    const port = resolveTargetPort(servicePort, pod);
    if (port !== undefined) backends.push({ pod, port });
  }
  return backends;
}

function backendsFromSlices(
  state: ClusterState,
  service: ServiceFacts,
  servicePort: ServicePortFacts,
  slices: EndpointSlice[],
): Backend[] {
  const backends: Backend[] = [];
  for (const slice of slices) {
    // EndpointSlice ports carry the service port's name and the resolved target number.
    const port = listOf<NonNullable<EndpointSlice['ports']>[number]>(slice.ports).find(
      (p) => (p?.name ?? '') === (servicePort.name ?? '') && (p?.protocol ?? 'TCP') === servicePort.protocol,
    )?.port;
    if (typeof port !== 'number') continue;
    for (const endpoint of listOf<NonNullable<EndpointSlice['endpoints']>[number]>(slice.endpoints)) {
      if (endpoint?.conditions?.ready === false || endpoint?.targetRef?.kind !== 'Pod') continue;
      const pod = state.pods.get(
        `${endpoint.targetRef.namespace ?? service.namespace}/${endpoint.targetRef.name ?? ''}`,
      );
      if (pod?.isActive) backends.push({ pod, port });
    }
  }
  return backends;
}

/** The number a Service port's targetPort stands for on one pod; undefined when the pod lacks the named port. */
function resolveTargetPort(servicePort: ServicePortFacts, pod: PodFacts): number | undefined {
  if (typeof servicePort.targetPort === 'number') return servicePort.targetPort;
  const named = /^[0-9]+$/.test(servicePort.targetPort) ? Number(servicePort.targetPort) : undefined;
  if (named !== undefined) return named;
  return pod.ports.find((p) => p.name === servicePort.targetPort && p.protocol === servicePort.protocol)
    ?.port;
}

function matchesAll(selector: Labels, labels: Labels): boolean {
  return Object.entries(selector).every(([key, value]) => labelValue(labels, key) === value);
}
