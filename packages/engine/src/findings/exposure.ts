import type { Finding, Service, Severity } from '@netmap/model';
import type { Backend } from '../services.ts';
import { listOf } from '../input-shape.ts';
import { finding, listText, sortedSet } from './finding-text.ts';
import type { FindingScope, ServiceEntry } from './finding-scope.ts';
import { routeBackend, routeLabel } from './ingress-wiring.ts';

/**
 * Every path from outside the cluster — a Service's node ports, load balancer and externalIPs, and
 * each host/path of an Ingress — with the pods it ends at. High when some of those pods (other
 * than an ingress controller's) are not isolated for ingress; info when it ends at an ingress
 * controller or at no ready pod; low otherwise.
 */
export function exposureFindings(scope: FindingScope): Finding[] {
  const findings: Finding[] = [];
  for (const entry of scope.services()) {
    const entries = entryPoints(entry);
    if (entries.length === 0) continue;
    const ports = entry.facts.ports.map((p) => `${p.protocol} ${p.port}`);
    const reach = describeReach(scope, entry.backends.flat());
    findings.push(
      finding({
        id: `exposure:Service:${entry.facts.ref}`,
        severity: reach.severity,
        category: 'exposure',
        objects: [`Service ${entry.facts.ref}`],
        message: `Service ${entry.facts.ref} (${entry.facts.type}) takes ${listText(ports, 6) || 'no port'} from outside the cluster at ${listText(entries, 6)} ${reach.text}`,
        ...(reach.fix ? { fix: reach.fix } : {}),
      }),
    );
  }
  for (const route of scope.state.ingressRoutes()) {
    const backend = routeBackend(scope, route);
    if ('problem' in backend) continue;
    const service = backend.entry.facts.ref;
    const reach = describeReach(scope, backend.entry.backends[backend.backendsIndex] ?? []);
    findings.push(
      finding({
        id: `exposure:Ingress:${route.ingress}:${routeLabel(route)}`,
        severity: reach.severity,
        category: 'exposure',
        objects: [`Ingress ${route.ingress}`, `Service ${service}`],
        message: `Ingress ${route.ingress} takes ${route.isTls ? 'https' : 'http'} ${routeLabel(route)} from outside the cluster through the ingress controller and Service ${service} ${reach.text}`,
        ...(reach.fix ? { fix: reach.fix } : {}),
      }),
    );
  }
  return findings;
}

/** Where outside traffic enters a Service: load balancer addresses, node ports, externalIPs. */
function entryPoints({ facts, object }: ServiceEntry): string[] {
  const spec = (object.spec ?? {}) as Service['spec'] & {
    loadBalancerSourceRanges?: unknown;
    allocateLoadBalancerNodePorts?: unknown;
  };
  const entries: string[] = [];
  if (facts.type === 'LoadBalancer') {
    const addresses = listOf<{ ip?: string; hostname?: string }>(object.status?.loadBalancer?.ingress)
      .map((a) => a?.ip ?? a?.hostname)
      .filter((a): a is string => typeof a === 'string');
    const ranges = listOf<unknown>(spec.loadBalancerSourceRanges).filter((r) => typeof r === 'string');
    const from = ranges.length > 0 ? ` (only from ${ranges.join(', ')})` : '';
    entries.push(`load balancer ${addresses.length > 0 ? addresses.join(', ') : '(address pending)'}${from}`);
  }
  const hasNodePorts =
    facts.type === 'NodePort' ||
    (facts.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (hasNodePorts)
    for (const port of facts.ports)
      entries.push(
        port.nodePort ? `node port ${port.nodePort}` : `a node port for ${port.protocol} ${port.port}`,
      );
  for (const ip of facts.externalIPs) entries.push(`external IP ${ip}`);
  return entries;
}

interface Reach {
  severity: Severity;
  text: string;
  fix?: string;
}

/** Which workloads a path ends at, on which ports, and how bad it is that they are reached. */
function describeReach(scope: FindingScope, backends: readonly Backend[]): Reach {
  if (backends.length === 0) return { severity: 'info', text: 'and ends at no ready pod' };
  const ports = new Map<string, Set<number>>();
  const open = new Set<string>();
  let isEveryController = true;
  for (const { pod, port } of backends) {
    const podClass = scope.state.classes.classOf(pod);
    const numbers = ports.get(pod.workload) ?? new Set<number>();
    ports.set(pod.workload, numbers.add(port));
    if (scope.isControllerPod(pod)) continue;
    isEveryController = false;
    if (!podClass || podClass.hostNetwork || podClass.ingressPolicies.length === 0) open.add(pod.workload);
  }
  const workloads = sortedSet(ports.keys()).map((workload) => {
    const numbers = [...ports.get(workload)!].sort((a, b) => a - b);
    return `${workload} on port${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`;
  });
  const text = `to ${listText(workloads)}`;
  if (isEveryController) return { severity: 'info', text: `${text}, the ingress controller` };
  if (open.size === 0) return { severity: 'low', text: `${text}; policies isolate those pods for ingress` };
  return {
    severity: 'high',
    text: `${text}; no NetworkPolicy isolates the pods of ${listText(sortedSet(open))} for ingress, so they also accept connections from any other pod or address`,
    fix: 'Add a NetworkPolicy that selects these pods and admits only the clients meant to reach them; drop the external entry if nobody outside should.',
  };
}
