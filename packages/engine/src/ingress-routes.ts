import type { Ingress, IngressBackend } from '@netmap/model';
import { listOf } from './input-shape.ts';
import type { ServiceFacts, ServicePortFacts } from './services.ts';

/** One host/path of an Ingress (or its defaultBackend) and the Service port it sends to. */
export interface IngressRoute {
  /** `namespace/name` of the Ingress. */
  ingress: string;
  namespace: string;
  /** Empty: every host. May be a wildcard such as `*.example.com`. */
  host: string;
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' | 'Default';
  service: string;
  servicePort: { name?: string; number?: number };
  isTls: boolean;
  ingressClassName?: string;
}

/** Reads every route of an Ingress, its defaultBackend last. */
export function readIngressRoutes(ingress: Ingress, namespace: string): IngressRoute[] {
  const spec = ingress.spec ?? {};
  const ref = `${namespace}/${ingress.metadata?.name ?? ''}`;
  const tlsHosts = new Set(listOf<{ hosts?: string[] }>(spec.tls).flatMap((t) => listOf<string>(t?.hosts)));
  const className = spec.ingressClassName ?? ingress.metadata?.annotations?.['kubernetes.io/ingress.class'];
  const route = (
    host: string,
    path: string,
    pathType: IngressRoute['pathType'],
    backend: IngressBackend | undefined,
  ) => {
    const service = backend?.service;
    if (!service?.name) return [];
    const servicePort: IngressRoute['servicePort'] = {};
    if (service.port?.name) servicePort.name = service.port.name;
    if (typeof service.port?.number === 'number') servicePort.number = service.port.number;
    const result: IngressRoute = {
      ingress: ref,
      namespace,
      host,
      path,
      pathType,
      service: service.name,
      servicePort,
      isTls: tlsHosts.has(host),
    };
    if (className) result.ingressClassName = className;
    return [result];
  };
  const routes = listOf<NonNullable<NonNullable<Ingress['spec']>['rules']>[number]>(spec.rules).flatMap(
    (rule) =>
      listOf<{ path?: string; pathType?: string; backend?: IngressBackend }>(rule?.http?.paths).flatMap((p) =>
        route(rule.host ?? '', p?.path || '/', pathTypeOf(p?.pathType), p?.backend),
      ),
  );
  return [...routes, ...route('', '/', 'Default', spec.defaultBackend)];
}

function pathTypeOf(text: string | undefined): IngressRoute['pathType'] {
  return text === 'Exact' || text === 'Prefix' ? text : 'ImplementationSpecific';
}

/**
 * The route a request for `host` and `path` takes: among routes whose host matches, an Exact path
 * first, then the longest matching Prefix (by path element, so `/foo` matches `/foo/bar`, not
 * `/foobar`); the defaultBackend when nothing else matches.
 */
export function matchIngressRoute(
  routes: readonly IngressRoute[],
  host: string,
  path: string,
): IngressRoute | undefined {
  const candidates = routes.filter((r) => r.pathType !== 'Default' && hostMatches(r.host, host));
  const exact = candidates.find((r) => r.pathType === 'Exact' && r.path === path);
  if (exact) return exact;
  const prefixes = candidates
    .filter((r) => r.pathType !== 'Exact' && isPathPrefix(r.path, path))
    .sort((a, b) => elements(b.path).length - elements(a.path).length);
  return prefixes[0] ?? routes.find((r) => r.pathType === 'Default');
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '') return true;
  const lower = host.toLowerCase();
  const wanted = pattern.toLowerCase();
  if (!wanted.startsWith('*.')) return wanted === lower;
  // A wildcard covers exactly one DNS label.
  const rest = lower.slice(lower.indexOf('.') + 1);
  return lower.includes('.') && rest === wanted.slice(2);
}

function isPathPrefix(prefix: string, path: string): boolean {
  const want = elements(prefix);
  const have = elements(path);
  return want.length <= have.length && want.every((element, i) => element === have[i]);
}

function elements(path: string): string[] {
  return path.split('/').filter((element) => element !== '');
}

/** The port of its Service that a route sends to: named by the backend's port name, else number. */
export function routeServicePort(service: ServiceFacts, route: IngressRoute): ServicePortFacts | undefined {
  const { name, number } = route.servicePort;
  return service.ports.find((port) => (name ? port.name === name : port.port === number));
}
