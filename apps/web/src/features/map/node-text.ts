import type { IngressNode, PodNode, ServiceNode, WorkloadNode } from '@netmap/model';
import { backendPods, type ModelIndex } from './model-index.ts';
import { mergePorts, portsLabel } from './port-list.ts';
import type { NodeMeaning } from './visuals.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `frontend` inside its namespace's box, `shop/frontend` where no box says the namespace. */
export function nameIn(node: { namespace: string; name: string }, isInNamespaceBox: boolean): string {
  return isInNamespaceBox ? node.name : `${node.namespace}/${node.name}`;
}

/** `Deployment · 3 pods`, `CronJob · template, no pods`, `DaemonSet · 3 pods · host network`. */
export function workloadCaption(workload: WorkloadNode): string {
  const parts = [
    workload.workloadKind,
    workload.isTemplate ? 'template, no pods' : plural(workload.pods, 'pod'),
  ];
  if (workload.hostNetwork) parts.push('host network');
  return parts.join(' · ');
}

/** `10.244.1.4 · node-1`, with `not ready` or `not running` when so. */
export function podCaption(pod: PodNode, showsNode: boolean): string {
  const parts = [pod.ips.length > 0 ? pod.ips.join(', ') : 'no IP'];
  if (showsNode && pod.nodeName) parts.push(pod.nodeName);
  if (!pod.isActive) parts.push('not running');
  else if (!pod.isReady) parts.push('not ready');
  return parts.join(' · ');
}

/** Why a Service sends nowhere, or undefined when it has ready endpoints (ExternalName never breaks). */
export function serviceProblem(index: ModelIndex, service: ServiceNode): string | undefined {
  if (service.serviceType === 'ExternalName' || backendPods(index, service).length > 0) return undefined;
  const selector = service.selector;
  if (!selector) return 'no ready endpoints';
  const matches = (labels: Record<string, string>) =>
    Object.entries(selector).every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value);
  const hasPods = (index.podsByNamespace.get(service.namespace) ?? []).some((pod) => matches(pod.labels));
  return hasPods ? 'no ready endpoints' : 'selector matches no pods';
}

/** The visual meaning of a Service: by type, or broken. */
export function serviceMeaning(service: ServiceNode, isBroken: boolean): NodeMeaning {
  if (isBroken) return 'service-broken';
  if (service.serviceType === 'ExternalName') return 'service-external-name';
  if (service.serviceType === 'NodePort') return 'service-node-port';
  if (service.serviceType === 'LoadBalancer') return 'service-load-balancer';
  return service.isHeadless ? 'service-headless' : 'service-cluster-ip';
}

/** `LoadBalancer · TCP 80, 443`, `headless · TCP 6379`, `ExternalName → db.example.com`, plus a problem. */
export function serviceCaption(service: ServiceNode, problem: string | undefined): string {
  const parts: string[] =
    service.serviceType === 'ExternalName'
      ? [`ExternalName → ${service.externalName ?? '?'}`]
      : [service.isHeadless ? 'headless' : service.serviceType];
  const ports = mergePorts([service.ports.map((port) => `${port.protocol} ${port.port}`)]);
  if (ports.length > 0 && service.serviceType !== 'ExternalName') parts.push(portsLabel(ports));
  if (problem) parts.push(problem);
  return parts.join(' · ');
}

/** `shop.example.com · TLS`; the hosts it serves (`*` for any host), and whether over TLS. */
export function ingressCaption(ingress: IngressNode): string {
  const hosts = [...new Set(ingress.routes.map((route) => route.host || '*'))].sort();
  const shown = hosts.length > 2 ? `${hosts.slice(0, 2).join(', ')} +${hosts.length - 2}` : hosts.join(', ');
  const tls = ingress.routes.filter((route) => route.isTls).length;
  const parts = [shown || 'no rules'];
  if (tls > 0) parts.push(tls === ingress.routes.length ? 'TLS' : 'partly TLS');
  return parts.join(' · ');
}

/** `shop.example.com/, api.example.com/v1` for the routes of one Ingress to one Service. */
export function routesLabel(routes: IngressNode['routes']): string {
  const texts = [...new Set(routes.map((route) => `${route.host || '*'}${route.path || '/'}`))];
  return texts.length > 3 ? `${texts.slice(0, 3).join(', ')} +${texts.length - 3}` : texts.join(', ');
}

/** How the outside reaches a NodePort or LoadBalancer Service, or an Ingress. */
export function exposureLabel(target: ServiceNode | IngressNode): string {
  if (target.kind === 'ingress') {
    const tls = target.routes.filter((route) => route.isTls).length;
    return tls === 0 ? 'HTTP' : tls === target.routes.length ? 'HTTPS' : 'HTTP, HTTPS';
  }
  if (target.serviceType === 'LoadBalancer')
    return portsLabel(mergePorts([target.ports.map((port) => `${port.protocol} ${port.port}`)]));
  const nodePorts = target.ports.flatMap((port) =>
    port.nodePort ? [`${port.protocol} ${port.nodePort}`] : [],
  );
  return `node port ${portsLabel(mergePorts([nodePorts]))}`;
}
