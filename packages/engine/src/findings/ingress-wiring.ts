import type { Finding } from '@netmap/model';
import type { IngressRoute } from '../ingress-routes.ts';
import type { ServicePortFacts } from '../services.ts';
import { finding, listText, sortedSet } from './finding-text.ts';
import type { FindingScope, ServiceEntry } from './finding-scope.ts';

/** A route's Service and port, found; or why not. */
type RouteBackend =
  { entry: ServiceEntry; port: ServicePortFacts; backendsIndex: number } | { problem: string };

/** The Service port a route sends to, as `ServiceEntry` and index into its ports. */
export function routeBackend(scope: FindingScope, route: IngressRoute): RouteBackend {
  const ref = `${route.namespace}/${route.service}`;
  const entry = scope.service(ref);
  if (!entry) {
    const isExternalName = scope.state.stored.has(`Service ${ref}`);
    return { problem: isExternalName ? 'external-name' : `Service ${ref} does not exist` };
  }
  const index = entry.facts.ports.findIndex((p) =>
    route.servicePort.name !== undefined
      ? p.name === route.servicePort.name
      : p.port === route.servicePort.number,
  );
  if (index < 0) return { problem: `Service ${ref} has no port ${portLabel(route)}` };
  return { entry, port: entry.facts.ports[index]!, backendsIndex: index };
}

/** `http` or `80`: how a route names its Service port. */
export function portLabel(route: IngressRoute): string {
  return route.servicePort.name ?? String(route.servicePort.number ?? '?');
}

/** `shop.example.com/` or `*` + path, or `(default backend)`. */
export function routeLabel(route: IngressRoute): string {
  return route.pathType === 'Default' ? '(default backend)' : `${route.host || '*'}${route.path}`;
}

/**
 * Ingress routes that lead nowhere: their Service or its port does not exist, or policies deny
 * the ingress controller's pods every backend pod. One finding per Ingress and Service port.
 * Routes whose controller's pods are not in the input are not judged on policy.
 */
export function ingressWiringFindings(scope: FindingScope): Finding[] {
  const findings = new Map<string, Finding>();
  for (const route of scope.state.ingressRoutes()) {
    const id = `${route.ingress}:${route.service}:${portLabel(route)}`;
    const backend = routeBackend(scope, route);
    if ('problem' in backend) {
      if (backend.problem === 'external-name' || findings.has(`missing:${id}`)) continue;
      findings.set(`missing:${id}`, missingBackend(route, id, backend.problem));
      continue;
    }
    const denied = deniedBackends(scope, route, backend);
    if (denied && !findings.has(`denied:${id}`))
      findings.set(`denied:${id}`, deniedFinding(route, id, backend, denied));
  }
  return [...findings.values()];
}

function missingBackend(route: IngressRoute, id: string, problem: string): Finding {
  return finding({
    id: `ingress-backend-missing:${id}`,
    severity: 'medium',
    category: 'wiring',
    objects: [`Ingress ${route.ingress}`, `Service ${route.namespace}/${route.service}`],
    message: `Ingress ${route.ingress} sends ${routeLabel(route)} to port ${portLabel(route)} of Service ${route.namespace}/${route.service}, but ${problem}: requests get an error`,
    fix: 'Point the backend at an existing Service and one of its ports (by name or number).',
  });
}

/** Backend workloads the controller can reach on no pod, and whether that is all of them; undefined when some pod is reachable or the verdict is not known. */
function deniedBackends(
  scope: FindingScope,
  route: IngressRoute,
  backend: Extract<RouteBackend, { entry: ServiceEntry }>,
): { workloads: string[]; isEvery: boolean } | undefined {
  const controllers = scope.controllerPods(route).flatMap((pod) => scope.state.classes.classOf(pod) ?? []);
  const backends = backend.entry.backends[backend.backendsIndex] ?? [];
  if (controllers.length === 0 || backends.length === 0) return undefined;
  const reached = new Set<string>();
  const all = new Set<string>();
  for (const { pod, port } of backends) {
    const podClass = scope.state.classes.classOf(pod);
    if (!podClass) continue;
    all.add(pod.workload);
    const isOpen = controllers.some((controller) => {
      const ports = scope.classPorts(controller, podClass);
      return ports.allowed.has(backend.port.protocol, port) || ports.unknown.has(backend.port.protocol, port);
    });
    if (isOpen) reached.add(pod.workload);
  }
  const denied = sortedSet([...all].filter((workload) => !reached.has(workload)));
  return denied.length === 0 ? undefined : { workloads: denied, isEvery: reached.size === 0 };
}

function deniedFinding(
  route: IngressRoute,
  id: string,
  backend: Extract<RouteBackend, { entry: ServiceEntry }>,
  denied: { workloads: string[]; isEvery: boolean },
): Finding {
  const service = backend.entry.facts.ref;
  const what = denied.isEvery ? 'every pod behind it' : `the pods of ${listText(denied.workloads)}`;
  return finding({
    id: `ingress-controller-denied:${id}`,
    severity: denied.isEvery ? 'high' : 'medium',
    category: 'wiring',
    objects: [`Ingress ${route.ingress}`, `Service ${service}`],
    message: `Ingress ${route.ingress} ${routeLabel(route)} → Service ${service} port ${portLabel(route)}: NetworkPolicy denies the ingress controller ${what}, so ${denied.isEvery ? 'requests fail' : 'some requests fail'}`,
    fix: "Admit the ingress controller's pods (namespaceSelector and podSelector) on the backend port in the backends' ingress policies, and the backends in the controller's egress policies.",
  });
}
