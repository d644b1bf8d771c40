import type { MatchResult, Protocol } from '@netmap/model';
import { cidrContains, type IpAddress } from './cidr.ts';
import type { CompiledPeer, CompiledPolicy, CompiledPort, CompiledRule } from './compile-policy.ts';
import { andMatch, orMatch } from './match-result.ts';
import { selects } from './label-selector.ts';
import type { NamespaceFacts } from './namespace-facts.ts';
import type { PodClass } from './pod-classes.ts';
import { PortSet } from './port-set.ts';

/** One end of a connection as rules see it: a class of pods, or an address outside the cluster. */
export type Party =
  | { kind: 'pod'; podClass: PodClass }
  | { kind: 'external'; ip: IpAddress | undefined }
  /** A pod whose namespace, labels and IP are not known. */
  | { kind: 'unresolved-pod' };

/** What rule matching needs to know beyond the rule itself. */
export interface MatchContext {
  namespaces: NamespaceFacts;
  /** Whether ipBlocks match pod IPs (most CNIs) or only addresses outside the pod network (e.g. Cilium). */
  ipBlockMatchesPods: boolean;
}

/** Whether a peer of `policy` selects `party`. */
export function matchPeer(
  peer: CompiledPeer,
  policy: CompiledPolicy,
  party: Party,
  context: MatchContext,
): MatchResult {
  if (peer.kind === 'ipBlock') return matchIpBlock(peer, party, context);
  if (party.kind === 'external') return 'no-match';
  if (party.kind === 'unresolved-pod') return selectsEveryPod(peer) ? 'match' : 'unknown';
  const podClass = party.podClass;
  // Most CNIs see hostNetwork pods as their node, which pod and namespace selectors never select.
  if (podClass.hostNetwork) return 'no-match';
  const namespaceResult = peer.namespaceSelector
    ? context.namespaces.matches(peer.namespaceSelector, podClass.namespace)
    : podClass.namespace === policy.namespace
      ? 'match'
      : 'no-match';
  if (namespaceResult === 'no-match') return 'no-match';
  const podResult = !peer.podSelector || selects(peer.podSelector, podClass.labels) ? 'match' : 'no-match';
  return andMatch(namespaceResult, podResult);
}

/** A peer with `namespaceSelector: {}` and no or an empty podSelector selects every pod in the cluster. */
function selectsEveryPod(peer: Extract<CompiledPeer, { kind: 'selector' }>): boolean {
  return !!peer.namespaceSelector?.isEmpty && (!peer.podSelector || peer.podSelector.isEmpty);
}

function matchIpBlock(
  peer: Extract<CompiledPeer, { kind: 'ipBlock' }>,
  party: Party,
  context: MatchContext,
): MatchResult {
  const isPodNetwork =
    party.kind === 'unresolved-pod' || (party.kind === 'pod' && !party.podClass.hostNetwork);
  if (isPodNetwork && !context.ipBlockMatchesPods) return 'no-match';
  const ips =
    party.kind === 'pod' ? party.podClass.ips : party.kind === 'external' && party.ip ? [party.ip] : [];
  if (ips.length === 0) return 'unknown';
  const inBlock = ips.some(
    (ip) => cidrContains(peer.cidr, ip) && !peer.except.some((block) => cidrContains(block, ip)),
  );
  return inBlock ? 'match' : 'no-match';
}

/** Whether any peer of a rule selects `party` (a rule without peers selects everyone). */
export function matchRulePeers(
  rule: CompiledRule,
  policy: CompiledPolicy,
  party: Party,
  context: MatchContext,
): MatchResult {
  if (!rule.peers) return 'match';
  let result: MatchResult = 'no-match';
  for (const peer of rule.peers) {
    result = orMatch(result, matchPeer(peer, policy, party, context));
    if (result === 'match') break;
  }
  return result;
}

/** Whether a `ports` entry admits `protocol`/`port` into `destination` (named ports resolve there). */
export function matchPort(
  entry: CompiledPort,
  protocol: Protocol,
  port: number,
  destination: Party,
): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return entry.port <= port && port <= (entry.endPort ?? entry.port);
  return namedPortNumbers(entry.port, protocol, destination).includes(port);
}

/** The ports a rule admits into `destination`, with named ports resolved against its container ports. */
export function rulePortSet(rule: CompiledRule, destination: Party): PortSet {
  if (!rule.ports) return PortSet.ALL;
  let result = PortSet.EMPTY;
  for (const entry of rule.ports) result = result.union(portEntrySet(entry, destination));
  return result;
}

function portEntrySet(entry: CompiledPort, destination: Party): PortSet {
  if (entry.port === undefined) return PortSet.allOf(entry.protocol);
  if (typeof entry.port === 'number')
    return PortSet.of(entry.protocol, entry.port, entry.endPort ?? entry.port);
  let result = PortSet.EMPTY;
  for (const number of namedPortNumbers(entry.port, entry.protocol, destination)) {
    result = result.union(PortSet.of(entry.protocol, number));
  }
  return result;
}

/** Numbers a named port stands for on the destination; none outside the cluster. */
function namedPortNumbers(name: string, protocol: Protocol, destination: Party): number[] {
  if (destination.kind !== 'pod') return [];
  return destination.podClass.ports
    .filter((p) => p.name === name && p.protocol === protocol)
    .map((p) => p.port);
}
