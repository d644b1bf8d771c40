/**
 * The cluster of the upstream Kubernetes NetworkPolicy e2e suite (kubernetes/kubernetes,
 * test/e2e/network/netpol): namespaces x, y, z, each with pods a, b, c serving ports 80 and 81 on
 * TCP, UDP and SCTP, as plain objects. The `*.test.ts` files beside this one mirror the cases of
 * `network_policy.go`, one test per upstream case, titled as upstream titles them.
 *
 * Mirrored: every case of network_policy.go (48: 42 over TCP, 3 over UDP, 3 over SCTP) plus one
 * case later renamed away ("should not allow access by TCP when a policy specifies only SCTP").
 * Upstream probes a reduced set of pods in each case nowadays; we keep all nine, as the suite did
 * before, so each table shows the cross-namespace cells too.
 *
 * Not mirrored, as they test no policy semantics: network_policy_api.go (API server CRUD and
 * validation, including that `endPort` is accepted) and network_legacy.go (the older suite,
 * superseded by these cases). network_policy.go has no `endPort` reachability case: the one
 * proposed (kubernetes/kubernetes#100291) was closed unmerged.
 */
import type {
  KubeObject,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  Pod,
  Protocol,
} from '@netmap/model';
import { PROTOCOLS } from '@netmap/model';
import { expect } from 'vitest';

/** The namespaces of the suite. */
const NAMESPACES: readonly string[] = ['x', 'y', 'z'];

/** The pod names in each namespace. */
const POD_NAMES: readonly string[] = ['a', 'b', 'c'];

/** The nine pods as `namespace/name`, sorted, in the order upstream prints them. */
const PODS: readonly string[] = NAMESPACES.flatMap((ns) => POD_NAMES.map((name) => `${ns}/${name}`));

/** The ports every pod serves, on each protocol. */
const SERVED_PORTS: readonly number[] = [80, 81];

/** The namespace label the API server sets on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Pod IPs are 192.168.<namespace>.<pod>, counting from 1: x/a is 192.168.1.1, z/c 192.168.3.3. */
export function podIP(pod: string): string {
  const [ns = '', name = ''] = pod.split('/');
  const nsIndex = NAMESPACES.indexOf(ns);
  const podIndex = POD_NAMES.indexOf(name);
  if (nsIndex < 0 || podIndex < 0) throw new Error(`not a pod of the suite: ${pod}`);
  return `192.168.${nsIndex + 1}.${podIndex + 1}`;
}

/** The /4 that holds every pod IP, as upstream's makeLargeCIDRForIP builds around a pod's IP. */
export const LARGE_CIDR = '192.0.0.0/4';

/** Labels a step adds on top of the suite's own (upstream's AddNamespaceLabel and AddPodLabels). */
export interface LabelChanges {
  namespaces?: Record<string, Record<string, string>>;
  pods?: Record<string, Record<string, string>>;
}

/** The namespaces and pods of the suite, with the given policies and label changes. */
export function buildCluster(
  policies: readonly NetworkPolicy[] = [],
  changes: LabelChanges = {},
): KubeObject[] {
  const namespaces = NAMESPACES.map((ns) => buildNamespace(ns, changes.namespaces?.[ns]));
  const pods = PODS.map((pod) => buildPod(pod, changes.pods?.[pod]));
  return [...namespaces, ...pods, ...policies];
}

function buildNamespace(name: string, extraLabels: Record<string, string> = {}): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ns: name, [NAMESPACE_NAME_LABEL]: name, ...extraLabels } },
  };
}

/** One container per port and protocol, named as upstream names them (`cont-80-tcp`, `serve-80-tcp`). */
function buildPod(pod: string, extraLabels: Record<string, string> = {}): Pod {
  const [namespace = '', name = ''] = pod.split('/');
  const ip = podIP(pod);
  const containers = SERVED_PORTS.flatMap((port) =>
    PROTOCOLS.map((protocol) => {
      const suffix = `${port}-${protocol.toLowerCase()}`;
      return { name: `cont-${suffix}`, ports: [{ name: `serve-${suffix}`, containerPort: port, protocol }] };
    }),
  );
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, labels: { pod: name, ...extraLabels } },
    spec: { containers },
    status: {
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** Rules of a policy; `policyTypes` lists the directions given, as upstream's SetSpecIngressRules does. */
export interface PolicyRules {
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
}

/** A NetworkPolicy selecting `podSelector` in `namespace` (upstream's GenNetworkPolicyWithName…). */
export function buildPolicy(
  namespace: string,
  name: string,
  podSelector: LabelSelector,
  rules: PolicyRules,
): NetworkPolicy {
  const policyTypes = [...(rules.ingress ? ['Ingress'] : []), ...(rules.egress ? ['Egress'] : [])];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: { podSelector, policyTypes, ...rules },
  };
}

/** The empty selector: every pod (or namespace). */
export const ALL: LabelSelector = {};

/** Selects pods labelled `pod=<name>`. */
export function podLabel(name: string): LabelSelector {
  return { matchLabels: { pod: name } };
}

/** Selects the namespace by the label the API server sets. */
export function namespaceName(name: string): LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: name } };
}

/** Denies all ingress to the selected pods (no ingress rules). */
export function denyIngress(
  namespace: string,
  name = 'deny-ingress',
  podSelector: LabelSelector = ALL,
): NetworkPolicy {
  return buildPolicy(namespace, name, podSelector, { ingress: [] });
}

/** Denies all egress from the selected pods (no egress rules). */
export function denyEgress(
  namespace: string,
  name = 'deny-egress',
  podSelector: LabelSelector = ALL,
): NetworkPolicy {
  return buildPolicy(namespace, name, podSelector, { egress: [] });
}

/** Denies all ingress and egress of every pod in the namespace. */
export function denyAll(namespace: string, name = 'deny-all'): NetworkPolicy {
  return buildPolicy(namespace, name, ALL, { ingress: [], egress: [] });
}

/** Allows all ingress to the selected pods (one empty rule). */
export function allowIngress(
  namespace: string,
  name = 'allow-ingress',
  podSelector: LabelSelector = ALL,
): NetworkPolicy {
  return buildPolicy(namespace, name, podSelector, { ingress: [{}] });
}

/** Allows all egress from the selected pods (one empty rule). */
export function allowEgress(
  namespace: string,
  name = 'allow-egress',
  podSelector: LabelSelector = ALL,
): NetworkPolicy {
  return buildPolicy(namespace, name, podSelector, { egress: [{}] });
}

/** Upstream's Peer: a namespace and/or a pod name; a field left out matches every one. */
export interface Peer {
  namespace?: string;
  pod?: string;
}

function matchesPeer(peer: Peer, pod: string): boolean {
  const [ns, name] = pod.split('/');
  return (
    (peer.namespace === undefined || peer.namespace === ns) && (peer.pod === undefined || peer.pod === name)
  );
}

/**
 * The expected truth table, from every pod to every pod, built like upstream's Reachability: start
 * all-allowed or all-denied, then set cells. A pod always reaches itself: upstream ignores loopback
 * (CNIs differ, kubernetes/kubernetes#95879), netmap's contract is that loopback is allowed.
 */
export class Reachability {
  private readonly cells = new Map<string, boolean>();

  constructor(isAllowedByDefault: boolean) {
    for (const from of PODS) for (const to of PODS) this.cells.set(`${from}>${to}`, isAllowedByDefault);
  }

  /** Sets one cell. */
  expect(from: string, to: string, isAllowed: boolean): this {
    this.cells.set(`${from}>${to}`, isAllowed);
    return this;
  }

  /** Sets every cell from a pod matching `from` to a pod matching `to`. */
  expectPeer(from: Peer, to: Peer, isAllowed: boolean): this {
    for (const source of PODS.filter((pod) => matchesPeer(from, pod))) {
      for (const target of PODS.filter((pod) => matchesPeer(to, pod))) this.expect(source, target, isAllowed);
    }
    return this;
  }

  /** Sets the column of `to`: all traffic into it. */
  expectAllIngress(to: string, isAllowed: boolean): this {
    for (const from of PODS) this.expect(from, to, isAllowed);
    return this;
  }

  /** Sets the row of `from`: all traffic out of it. */
  expectAllEgress(from: string, isAllowed: boolean): this {
    for (const to of PODS) this.expect(from, to, isAllowed);
    return this;
  }

  /** Whether `from` is expected to reach `to`. */
  isAllowed(from: string, to: string): boolean {
    return from === to || this.cells.get(`${from}>${to}`) === true;
  }
}

/** The engine's answer for one port and protocol (the shape of `evaluation.matrix(port, protocol)`). */
export interface ReachabilityMatrix {
  port: number;
  protocol: Protocol;
  pods: readonly string[];
  allowed: Readonly<Record<string, readonly string[]>>;
}

/** Prints a table as upstream does: a row per source pod, `.` where a cell holds, `X` where not. */
function formatTable(holds: (from: string, to: string) => boolean): string {
  const header = ['-', ...PODS]
    .map((cell) => cell.padEnd(4))
    .join('')
    .trimEnd();
  const rows = PODS.map((from) =>
    [from, ...PODS.map((to) => (holds(from, to) ? '.' : 'X'))]
      .map((cell) => cell.padEnd(4))
      .join('')
      .trimEnd(),
  );
  return [header, ...rows].join('\n');
}

/** Asserts the whole 9×9 table; a failure prints both tables and marks the cells that differ. */
export function expectTable(matrix: ReachabilityMatrix, expected: Reachability): void {
  expect(matrix.pods).toEqual(PODS);
  const isAllowed = (from: string, to: string): boolean => matrix.allowed[from]?.includes(to) === true;
  const comparison = formatTable((from, to) => isAllowed(from, to) === expected.isAllowed(from, to));
  const message = `${matrix.port}/${matrix.protocol}, cells that differ are marked X:\n${comparison}\n`;
  expect(`\n${formatTable(isAllowed)}\n`, message).toBe(
    `\n${formatTable((from, to) => expected.isAllowed(from, to))}\n`,
  );
}
