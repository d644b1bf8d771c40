import {
  describeEndpoint,
  type ConnectionExplanation,
  type Protocol,
  type Service,
  type Verdict,
} from '@netmap/model';
import { parseIp } from './cidr.ts';
import type { ClusterState } from './cluster-state.ts';
import { podParty, QueryError, resolvePods, type EndpointSpec } from './endpoints.ts';
import { explainConnection, type ExplainedParty } from './explain-connection.ts';
import { ingressControllerPods } from './ingress-controllers.ts';
import { matchIngressRoute, routeServicePort, type IngressRoute } from './ingress-routes.ts';
import { listOf } from './input-shape.ts';
import type { Labels } from './label-selector.ts';
import { andVerdict } from './match-result.ts';
import type { MatchContext } from './rule-match.ts';
import { readService, serviceBackends, type ServiceFacts } from './services.ts';
import { nodeIds } from './topology-nodes.ts';

/** The answer to a check: the route the traffic takes and one explained connection per distinct hop. */
export interface CheckResult {
  verdict: Verdict;
  /** E.g. `["203.0.113.9", "Ingress shop/web shop.example.com/", "Service shop/frontend TCP 80 -> 8080", "pods of shop/frontend"]`. */
  route: string[];
  /** Topology node ids of the Services and Ingresses on the route (`service:ns/name`, `ingress:ns/name`), to draw it. */
  via: string[];
  connections: ConnectionExplanation[];
  /** Why traffic cannot take the route at all, before any policy is asked (e.g. a ClusterIP Service from outside). */
  reason?: string;
}

/** What a check reads. */
export interface CheckScope {
  state: ClusterState;
  context: MatchContext;
  ingressControllerLabels?: readonly Labels[];
}

interface Target {
  party: ExplainedParty;
  port: number;
}

/** Can `from` open a connection to `to` on `port`/`protocol`, through Services and Ingresses as needed? */
export function checkConnection(
  scope: CheckScope,
  from: EndpointSpec,
  to: EndpointSpec,
  port: number,
  protocol: Protocol,
): CheckResult {
  if (from.kind === 'service' || from.kind === 'ingress') {
    throw new QueryError(
      'a Service or an Ingress opens no connections: name the pods behind it, or its workload',
    );
  }
  const sources = parties(scope.state, from);
  if (to.kind === 'service')
    return checkService(scope, sources, findService(scope.state, to.ref), port, protocol);
  if (to.kind === 'ingress') return checkIngress(scope, sources, to.host, to.path, port, protocol);
  const targets = parties(scope.state, to).map((party) => ({ party, port }));
  const hop = explainHop(scope, sources, targets, protocol);
  return {
    verdict: hop.verdict,
    route: [from.kind === 'ip' ? from.ip : describe(from), describe(to)],
    via: [],
    connections: hop.connections,
  };
}

function checkService(
  scope: CheckScope,
  sources: ExplainedParty[],
  service: ServiceFacts,
  port: number,
  protocol: Protocol,
): CheckResult {
  const servicePort = service.ports.find(
    (p) => p.protocol === protocol && (p.port === port || p.nodePort === port),
  );
  if (!servicePort) {
    const ports = service.ports.map((p) => `${p.protocol} ${p.port}`).join(', ') || 'none';
    throw new QueryError(`Service ${service.ref} has no port ${protocol} ${port} (its ports: ${ports})`);
  }
  const route = [
    sources.map((s) => describeParty(s)).join(', '),
    `Service ${service.ref} ${protocol} ${servicePort.port} -> ${servicePort.targetPort}`,
  ];
  const via = [nodeIds.service(service.ref)];
  const isFromOutside = sources.every((s) => s.party.kind === 'external');
  const exposure =
    service.type === 'NodePort' || service.type === 'LoadBalancer' || service.externalIPs.length > 0;
  if (isFromOutside && !exposure) {
    return {
      verdict: 'denied',
      route,
      via,
      connections: [],
      reason: `Service ${service.ref} is ${service.type}: it is not reachable from outside the cluster`,
    };
  }
  const backends = serviceBackends(scope.state, service, servicePort);
  if (backends.length === 0) {
    return {
      verdict: 'denied',
      route,
      via,
      connections: [],
      reason: `Service ${service.ref} has no ready backend pod for ${protocol} ${servicePort.port}`,
    };
  }
  const isSnat = isFromOutside && service.externalTrafficPolicy === 'Cluster';
  // externalTrafficPolicy Cluster: backends see the IP of the node that forwarded the traffic, not the client's.
  if (isSnat) route.push('source NAT to a node IP (externalTrafficPolicy: Cluster)');
  const senders = isSnat ? snatSources(scope.state) : sources;
  const targets = backends.map((b) => ({ party: podParty(scope.state, b.pod)!, port: b.port }));
  const hop = explainHop(scope, senders, targets, protocol);
  const verdict = hop.verdict;
  return { verdict, route: [...route, ...backendNames(targets)], via, connections: hop.connections };
}

function checkIngress(
  scope: CheckScope,
  sources: ExplainedParty[],
  host: string,
  path: string,
  port: number,
  protocol: Protocol,
): CheckResult {
  const routes = scope.state.ingressRoutes();
  const route = matchIngressRoute(routes, host, path);
  if (!route) throw new QueryError(`no Ingress rule matches host "${host}" and path "${path}"`);
  const service = findService(scope.state, `${route.namespace}/${route.service}`);
  const servicePort = routeServicePort(service, route);
  const label = `Ingress ${route.ingress} ${route.isTls ? 'https' : 'http'}://${route.host || '*'}${route.path}`;
  const via = [nodeIds.ingress(route.ingress), nodeIds.service(service.ref)];
  if (!servicePort || servicePort.protocol !== protocol) {
    return {
      verdict: 'denied',
      route: [label],
      via,
      connections: [],
      reason: `${label} names a port that Service ${service.ref} does not have`,
    };
  }
  const controllers = ingressControllerPods(scope.state, route, scope.ingressControllerLabels).map((pod) =>
    podParty(scope.state, pod)!,
  );
  const first =
    controllers.length > 0
      ? explainHop(
          scope,
          sources,
          controllers.map((party) => ({ party, port })),
          protocol,
        )
      : undefined;
  const senders = controllers.length > 0 ? controllers : [unresolvedController(route)];
  const backends = serviceBackends(scope.state, service, servicePort).map((b) => ({
    party: podParty(scope.state, b.pod)!,
    port: b.port,
  }));
  const second = explainHop(scope, senders, backends, protocol);
  const verdict =
    backends.length === 0 ? 'denied' : first ? andVerdict(first.verdict, second.verdict) : second.verdict;
  const result: CheckResult = {
    verdict,
    route: [
      sources.map(describeParty).join(', '),
      label,
      `ingress controller: ${senders.map(describeParty).join(', ')}`,
      `Service ${service.ref}`,
      ...backendNames(backends),
    ],
    via,
    connections: [...(first?.connections ?? []), ...second.connections],
  };
  if (backends.length === 0) result.reason = `Service ${service.ref} has no ready backend pod`;
  return result;
}

function explainHop(scope: CheckScope, sources: ExplainedParty[], targets: Target[], protocol: Protocol) {
  const seen = new Set<string>();
  const connections: ConnectionExplanation[] = [];
  for (const source of sources) {
    for (const target of targets) {
      const key = `${partyKey(source)}>${partyKey(target.party)}>${target.port}>${samePod(source, target.party)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      connections.push(explainConnection(source, target.party, target.port, protocol, scope.context));
    }
  }
  return { verdict: anyVerdict(connections.map((c) => c.verdict)), connections };
}

function parties(state: ClusterState, spec: EndpointSpec): ExplainedParty[] {
  if (spec.kind === 'ip') {
    const pods = resolvePods(state, spec);
    if (pods.length === 0)
      return [{ party: { kind: 'external', ip: parseIp(spec.ip) }, ref: { kind: 'external', ip: spec.ip } }];
  }
  return resolvePods(state, spec).map((pod) => podParty(state, pod)!);
}

function findService(state: ClusterState, ref: string): ServiceFacts {
  const object = state.stored.get(`Service ${ref}`);
  if (!object) throw new QueryError(`no Service ${ref}`);
  const service = readService(object as Service, ref.split('/')[0]!);
  if (service.type === 'ExternalName')
    throw new QueryError(
      `Service ${ref} is an ExternalName for ${service.externalName ?? '?'}: it has no pods`,
    );
  return service;
}

/** The addresses traffic from outside arrives from after source NAT: the nodes' InternalIPs, or an unknown one. */
function snatSources(state: ClusterState): ExplainedParty[] {
  const addresses = [...state.stored.values()]
    .filter((o) => o.kind === 'Node')
    .flatMap((node) =>
      listOf<{ type?: string; address?: string }>((node.status as { addresses?: unknown })?.addresses),
    )
    .filter((a) => a?.type === 'InternalIP' && typeof a.address === 'string')
    .map((a) => a.address!);
  if (addresses.length === 0)
    return [{ party: { kind: 'external', ip: undefined }, ref: { kind: 'external', ip: null } }];
  return addresses.map((ip) => ({
    party: { kind: 'external', ip: parseIp(ip) },
    ref: { kind: 'external', ip },
  }));
}

function unresolvedController(route: IngressRoute): ExplainedParty {
  const description = `the ingress controller of ${route.ingressClassName ? `class ${route.ingressClassName}` : 'the default class'} (its pods are not in the input)`;
  return { party: { kind: 'unresolved-pod' }, ref: { kind: 'unresolved', description } };
}

function backendNames(targets: Target[]): string[] {
  return targets.map((t) => `${describeParty(t.party)} :${t.port}`);
}

function describe(spec: EndpointSpec): string {
  return spec.kind === 'ip' ? spec.ip : spec.kind === 'ingress' ? `${spec.host}${spec.path}` : spec.ref;
}

function describeParty(party: ExplainedParty): string {
  return describeEndpoint(party.ref);
}

function partyKey(party: ExplainedParty): string {
  if (party.party.kind === 'pod') return `class:${party.party.podClass.id}`;
  return party.ref.kind === 'external' ? `ip:${party.ref.ip}` : 'unresolved';
}

function samePod(a: ExplainedParty, b: ExplainedParty): boolean {
  return a.ref.kind === 'pod' && b.ref.kind === 'pod' && a.ref.pod === b.ref.pod;
}

/** Some connection allowed → allowed; otherwise unknown if any is unknown; otherwise denied. */
function anyVerdict(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('allowed')) return 'allowed';
  return verdicts.includes('unknown') ? 'unknown' : 'denied';
}
