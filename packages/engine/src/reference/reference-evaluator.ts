import type {
  KubeObject,
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Pod,
  Protocol,
  Verdict,
} from '@netmap/model';
import { parseCidr, parseIp, type Cidr } from '../cidr.ts';

/**
 * A deliberately naive evaluator, written straight from the NetworkPolicy reference and kept apart
 * from the fast engine (no classes, no caches, no shared matching code), so that property tests can
 * cross-check one against the other. It reads valid objects only and decides one pod pair at a time.
 */
export function referenceVerdict(
  objects: readonly KubeObject[],
  fromPod: string,
  toPod: string,
  port: number,
  protocol: Protocol,
  options: ReferenceOptions = { ipBlockMatchesPods: true },
): Verdict {
  if (fromPod === toPod) return 'allowed';
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod');
  const source = pods.find((p) => refOf(p) === fromPod);
  const destination = pods.find((p) => refOf(p) === toPod);
  if (!source || !destination) throw new Error(`unknown pod ${source ? toPod : fromPod}`);
  const policies = objects.filter((o): o is NetworkPolicy => o.kind === 'NetworkPolicy');
  const world: World = { objects, options };
  const egress = side(world, policies, source, 'Egress', destination, destination, port, protocol);
  const ingress = side(world, policies, destination, 'Ingress', source, destination, port, protocol);
  if (egress === 'denied' || ingress === 'denied') return 'denied';
  if (egress === 'unknown' || ingress === 'unknown') return 'unknown';
  return 'allowed';
}

/** How facts the spec leaves to the CNI are read, and what the source could not read. */
export interface ReferenceOptions {
  ipBlockMatchesPods: boolean;
  /** Namespaces whose NetworkPolicies could not be read (none by default). */
  unreadablePolicies?: readonly string[];
}

interface World {
  objects: readonly KubeObject[];
  options: ReferenceOptions;
}

type Tri = boolean | 'unknown';

function side(
  world: World,
  policies: NetworkPolicy[],
  pod: Pod,
  direction: 'Ingress' | 'Egress',
  peer: Pod,
  destination: Pod,
  port: number,
  protocol: Protocol,
): Verdict {
  // Traffic of hostNetwork pods is node traffic: no NetworkPolicy applies to their own side.
  if (pod.spec?.hostNetwork) return 'allowed';
  // Policies that could not be read may isolate the pod or not, and allow anything or nothing.
  if (world.options.unreadablePolicies?.includes(namespaceOf(pod))) return 'unknown';
  const selecting = policies.filter(
    (policy) =>
      namespaceOf(policy) === namespaceOf(pod) &&
      selectorMatches(policy.spec?.podSelector ?? {}, pod.metadata?.labels ?? {}) &&
      effectiveTypes(policy).includes(direction),
  );
  if (selecting.length === 0) return 'allowed';
  let sawUnknown = false;
  for (const policy of selecting) {
    const rules = direction === 'Ingress' ? (policy.spec?.ingress ?? []) : (policy.spec?.egress ?? []);
    for (const rule of rules) {
      const peers =
        direction === 'Ingress'
          ? (rule as { from?: NetworkPolicyPeer[] }).from
          : (rule as { to?: NetworkPolicyPeer[] }).to;
      const peerMatch: Tri =
        !peers || peers.length === 0 ? true : anyTri(peers.map((p) => peerMatches(world, policy, p, peer)));
      if (peerMatch === false) continue;
      const portMatch =
        !rule.ports ||
        rule.ports.length === 0 ||
        rule.ports.some((p) => portMatches(p, destination, port, protocol));
      if (!portMatch) continue;
      if (peerMatch === true) return 'allowed';
      sawUnknown = true;
    }
  }
  return sawUnknown ? 'unknown' : 'denied';
}

function effectiveTypes(policy: NetworkPolicy): string[] {
  const declared = policy.spec?.policyTypes;
  if (declared && declared.length > 0) return declared;
  return (policy.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerMatches(world: World, policy: NetworkPolicy, peer: NetworkPolicyPeer, pod: Pod): Tri {
  if (peer.ipBlock) {
    if (!pod.spec?.hostNetwork && !world.options.ipBlockMatchesPods) return false;
    const ips = [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((i) => i.ip)].filter(
      (ip): ip is string => !!ip,
    );
    if (ips.length === 0) return 'unknown';
    const block = parseCidr(peer.ipBlock.cidr ?? '') as Cidr;
    const except = (peer.ipBlock.except ?? []).map((text) => parseCidr(text) as Cidr);
    return ips.some((ip) => inBlock(block, ip) && !except.some((e) => inBlock(e, ip)));
  }
  if (pod.spec?.hostNetwork) return false;
  const inNamespace = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(world, namespaceOf(pod)))
    : namespaceOf(pod) === namespaceOf(policy);
  const podSelected = peer.podSelector ? selectorMatches(peer.podSelector, pod.metadata?.labels ?? {}) : true;
  return inNamespace && podSelected;
}

function inBlock(block: Cidr, ipText: string): boolean {
  const ip = parseIp(ipText);
  return !!ip && ip.family === block.family && block.first <= ip.value && ip.value <= block.last;
}

function portMatches(entry: NetworkPolicyPort, destination: Pod, port: number, protocol: Protocol): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number')
    return entry.endPort ? entry.port <= port && port <= entry.endPort : entry.port === port;
  // A named port means the destination pod's container port of that name and protocol.
  // Sidecars (init containers that keep running) serve ports too.
  const sidecars = (destination.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  const containers = [...(destination.spec?.containers ?? []), ...sidecars];
  return containers.some((c) =>
    (c.ports ?? []).some(
      (p) => p.name === entry.port && (p.protocol ?? 'TCP') === protocol && p.containerPort === port,
    ),
  );
}

function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, expression.key ?? '');
    const value = has ? labels[expression.key ?? ''] : undefined;
    const values = expression.values ?? [];
    const ok =
      expression.operator === 'In'
        ? has && values.includes(value!)
        : expression.operator === 'NotIn'
          ? !has || !values.includes(value!)
          : expression.operator === 'Exists'
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}

function namespaceLabels(world: World, name: string): Record<string, string> {
  const namespace = world.objects.find((o) => o.kind === 'Namespace' && o.metadata?.name === name);
  return { ...(namespace?.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

function namespaceOf(object: KubeObject): string {
  return object.metadata?.namespace ?? 'default';
}

function refOf(pod: Pod): string {
  return `${namespaceOf(pod)}/${pod.metadata?.name}`;
}

function anyTri(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}
