import type {
  Finding,
  Ingress,
  IngressDetails,
  Service,
  ServiceBackend,
  ServiceDetails,
} from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import { compareText } from './compare-text.ts';
import { nodeIds } from './derive-topology.ts';
import { readIngressRoutes } from './ingress-routes.ts';
import { listOf } from './input-shape.ts';
import { findingsAbout } from './object-findings.ts';
import { stringLabels, type PodFacts } from './pod-facts.ts';
import { readService, serviceBackends, type ServiceFacts } from './services.ts';

/** A Service with its namespace as the engine reads it (`default` when unset). */
function servicesIn(state: ClusterState, namespace: string): { object: Service; facts: ServiceFacts }[] {
  const services: { object: Service; facts: ServiceFacts }[] = [];
  for (const object of state.stored.values()) {
    if (object.kind !== 'Service' || (object.metadata?.namespace || 'default') !== namespace) continue;
    services.push({ object: object as Service, facts: readService(object as Service, namespace) });
  }
  return services;
}

/** Every backend of every port of a Service (none for ExternalName). */
function backendsOf(state: ClusterState, service: ServiceFacts) {
  if (service.type === 'ExternalName') return [];
  return service.ports.flatMap((servicePort) =>
    serviceBackends(state, service, servicePort).map((backend) => ({ servicePort, ...backend })),
  );
}

/** Service node ids, sorted, whose backends include a pod `isMember` accepts. */
export function servicesInFront(
  state: ClusterState,
  namespace: string,
  isMember: (pod: PodFacts) => boolean,
): string[] {
  return servicesIn(state, namespace)
    .filter(({ facts }) => backendsOf(state, facts).some((backend) => isMember(backend.pod)))
    .map(({ facts }) => nodeIds.service(facts.ref))
    .sort(compareText);
}

/** A Service `namespace/name`: its spec, backends per port, their workloads, the Ingresses routing to it. */
export function describeService(
  state: ClusterState,
  findings: readonly Finding[],
  ref: string,
): ServiceDetails | undefined {
  const object = state.stored.get(`Service ${ref}`) as Service | undefined;
  if (!object) return undefined;
  const service = readService(object, object.metadata?.namespace || 'default');
  const backends = backendsOf(state, service).map(({ pod, port, servicePort }) => {
    const backend: ServiceBackend = {
      workload: nodeIds.workload(pod.workload),
      servicePort: servicePort.port,
      protocol: servicePort.protocol,
      port,
    };
    if (!pod.representative) backend.pod = nodeIds.pod(pod.ref);
    return backend;
  });
  const ingresses = state
    .ingressRoutes()
    .filter((route) => route.namespace === service.namespace && route.service === service.name)
    .map((route) => nodeIds.ingress(route.ingress));
  const details: ServiceDetails = {
    kind: 'service',
    id: nodeIds.service(service.ref),
    name: service.name,
    namespace: service.namespace,
    labels: { ...stringLabels(object.metadata?.labels) },
    findings: findingsAbout(findings, (name) => name === `Service ${service.ref}`),
    serviceType: service.type,
    isHeadless: service.isHeadless,
    ports: service.ports.map((port) => ({ ...port })),
    externalTrafficPolicy: service.externalTrafficPolicy,
    backends,
    workloads: distinctSorted(backends.map((backend) => backend.workload)),
    ingresses: distinctSorted(ingresses),
  };
  if (service.selector) details.selector = { ...service.selector };
  if (service.externalName) details.externalName = service.externalName;
  return details;
}

/** An Ingress `namespace/name`: its class, routes (to Service node ids) and TLS hosts. */
export function describeIngress(
  state: ClusterState,
  findings: readonly Finding[],
  ref: string,
): IngressDetails | undefined {
  const object = state.stored.get(`Ingress ${ref}`) as Ingress | undefined;
  if (!object) return undefined;
  const namespace = object.metadata?.namespace || 'default';
  const routes = readIngressRoutes(object, namespace);
  const details: IngressDetails = {
    kind: 'ingress',
    id: nodeIds.ingress(ref),
    name: object.metadata?.name ?? '',
    namespace,
    labels: { ...stringLabels(object.metadata?.labels) },
    findings: findingsAbout(findings, (name) => name === `Ingress ${ref}`),
    routes: routes.map((route) => ({
      host: route.host,
      path: route.path,
      pathType: route.pathType,
      service: nodeIds.service(`${namespace}/${route.service}`),
      servicePort: { ...route.servicePort },
      isTls: route.isTls,
    })),
    // Only the hosts: the Secret that holds the certificate is nothing the map needs.
    tls: listOf<{ hosts?: unknown }>(object.spec?.tls).map((entry) => ({
      hosts: listOf<unknown>(entry?.hosts).filter((host): host is string => typeof host === 'string'),
    })),
  };
  // spec.ingressClassName, else the annotation it replaced (as the engine reads routes).
  const className =
    object.spec?.ingressClassName ?? object.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (typeof className === 'string' && className) details.ingressClassName = className;
  return details;
}

function distinctSorted(values: string[]): string[] {
  return [...new Set(values)].sort(compareText);
}
