import {
  describeEndpoint,
  type ConnectionExplanation,
  type DirectionExplanation,
  type EndpointRef,
  type MatchResult,
  type PolicyExplanation,
  type Protocol,
  type RuleExplanation,
} from '@netmap/model';
import type { CompiledPolicy, CompiledRule } from './compile-policy.ts';
import { arePoliciesUnread, isolatingPolicies } from './connection-ports.ts';
import { describePeer, describePorts } from './describe-rule.ts';
import { andVerdict, orMatch, verdictOf } from './match-result.ts';
import { matchPeer, matchPort, type MatchContext, type Party } from './rule-match.ts';

const IPBLOCK_NOTE =
  'the verdict hinges on an ipBlock matching a pod IP, as most CNIs do; with a CNI where ipBlocks do not match pods (e.g. Cilium) it differs';

/** A connection end: how rules see it, and how the explanation names it. */
export interface ExplainedParty {
  party: Party;
  ref: EndpointRef;
}

/** Answers "can `source` reach `destination` on `protocol`/`port`?" with the full trace. */
export function explainConnection(
  source: ExplainedParty,
  destination: ExplainedParty,
  port: number,
  protocol: Protocol,
  context: MatchContext,
): ConnectionExplanation {
  const isLoopback =
    source.ref.kind === 'pod' && destination.ref.kind === 'pod' && source.ref.pod === destination.ref.pod;
  const notes = new Set<string>();
  const ask = (other: ExplainedParty): Question => ({ other, destination, port, protocol, context, notes });
  const egress = isLoopback ? loopback('egress') : explainSide('egress', source, ask(destination));
  const ingress = isLoopback ? loopback('ingress') : explainSide('ingress', destination, ask(source));
  for (const party of [source, destination]) {
    if (party.ref.kind === 'pod' && party.ref.hostNetwork) {
      notes.add(
        `${party.ref.pod} uses the host network: its traffic looks like its node's, which pod and namespace selectors do not select`,
      );
    }
  }
  return {
    verdict: andVerdict(egress.verdict, ingress.verdict),
    from: source.ref,
    to: destination.ref,
    port,
    protocol,
    egress,
    ingress,
    notes: [...notes],
  };
}

function loopback(direction: 'ingress' | 'egress'): DirectionExplanation {
  const reason = 'a pod can always reach itself';
  return { direction, verdict: 'allowed', exemption: 'loopback', isolated: false, tiers: [], reason };
}

/** What one side is asked: may `other` connect on `protocol`/`port` into `destination`? */
interface Question {
  other: ExplainedParty;
  destination: ExplainedParty;
  port: number;
  protocol: Protocol;
  context: MatchContext;
  /** Assumptions met on the way, for the explanation's notes. */
  notes: Set<string>;
}

function explainSide(
  direction: 'ingress' | 'egress',
  subject: ExplainedParty,
  question: Question,
): DirectionExplanation {
  const { other, port, protocol } = question;
  const name = describeEndpoint(subject.ref);
  if (subject.party.kind === 'external') {
    const reason = `${name} is outside the cluster: no NetworkPolicy applies to it`;
    return { direction, verdict: 'allowed', exemption: 'external', isolated: false, tiers: [], reason };
  }
  if (subject.party.kind === 'unresolved-pod') {
    const reason = `${name} is not in the input: its own ${direction} policies are not known`;
    return { direction, verdict: 'unknown', exemption: 'unresolved', isolated: false, tiers: [], reason };
  }
  if (subject.party.podClass.hostNetwork) {
    const reason = `${name} uses the host network: NetworkPolicy does not apply to it`;
    return { direction, verdict: 'allowed', exemption: 'host-network', isolated: false, tiers: [], reason };
  }
  if (arePoliciesUnread(subject.party, question.context)) {
    const reason = `the NetworkPolicies of namespace ${subject.party.podClass.namespace} could not be read: whether a policy isolates ${name} for ${direction} is not known`;
    return { direction, verdict: 'unknown', exemption: 'unreadable', isolated: false, tiers: [], reason };
  }
  const policies = isolatingPolicies(subject.party, direction);
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  if (policies.length === 0) {
    const reason = `${name} is not isolated for ${direction}: no policy selects it with policyTypes ${type}`;
    return { direction, verdict: 'allowed', isolated: false, tiers: [], reason };
  }
  const explained = policies.map((policy) => explainPolicy(policy, direction, question));
  const result = explained.reduce<MatchResult>((sum, p) => orMatch(sum, p.result), 'no-match');
  const verdict = verdictOf(result);
  const allowedBy = explained.filter((p) => p.result === 'match').map((p) => p.policy);
  const reason =
    verdict === 'allowed'
      ? `${name} is isolated for ${direction}; allowed by ${allowedBy.join(', ')}`
      : verdict === 'unknown'
        ? `${name} is isolated for ${direction}; a rule may allow it, depending on facts that are not known`
        : `${name} is isolated for ${direction} and no rule of ${policies.length} selecting ${policies.length === 1 ? 'policy' : 'policies'} allows ${protocol} ${port} ${direction === 'ingress' ? 'from' : 'to'} ${describeEndpoint(other.ref)}`;
  return {
    direction,
    verdict,
    isolated: true,
    tiers: [{ tier: 'NetworkPolicy', verdict, policies: explained }],
    reason,
  };
}

function explainPolicy(
  policy: CompiledPolicy,
  direction: 'ingress' | 'egress',
  question: Question,
): PolicyExplanation {
  const rules = policy[direction]!.map((rule) => explainRule(rule, policy, direction, question));
  const result = rules.reduce<MatchResult>((sum, r) => orMatch(sum, r.result), 'no-match');
  return { policy: policy.ref, result, rules };
}

function explainRule(
  rule: CompiledRule,
  policy: CompiledPolicy,
  direction: 'ingress' | 'egress',
  question: Question,
): RuleExplanation {
  const { other, destination, port, protocol, context } = question;
  const field = direction === 'ingress' ? 'from' : 'to';
  const otherName = describeEndpoint(other.ref);
  let peerResult: MatchResult = 'match';
  let peerIndex: number | undefined;
  if (rule.peers) {
    peerResult = 'no-match';
    for (const peer of rule.peers) {
      const result = matchPeer(peer, policy, other.party, context);
      if (result !== 'no-match' && peerIndex === undefined) peerIndex = peer.index;
      peerResult = orMatch(peerResult, result);
      if (result === 'match') {
        peerIndex = peer.index;
        break;
      }
    }
  }
  const explanation: RuleExplanation = { rule: rule.index, result: peerResult, reason: '' };
  const peerText =
    peerIndex === undefined
      ? `no ${field} peer`
      : `${field}[${peerIndex}] (${describePeer(rule.peers![peerIndex]!)})`;
  if (peerResult === 'no-match') {
    const peers = rule.peers!.map((peer) => `${field}[${peer.index}] (${describePeer(peer)})`);
    explanation.reason = `${peers.length === 1 ? peers[0] : `none of ${peers.join(', ')}`} does not select ${otherName}`;
    return explanation;
  }
  if (peerIndex !== undefined) {
    explanation.peer = peerIndex;
    if (
      rule.peers![peerIndex]!.kind === 'ipBlock' &&
      other.party.kind === 'pod' &&
      !other.party.podClass.hostNetwork
    ) {
      question.notes.add(IPBLOCK_NOTE);
    }
  }
  const portEntry = rule.ports?.find((entry) => matchPort(entry, protocol, port, destination.party));
  if (rule.ports && !portEntry) {
    explanation.result = 'no-match';
    explanation.reason = `${rule.peers ? peerText : `all ${field} peers`} ${peerResult === 'match' ? 'selects' : 'may select'} ${otherName}, but ports ${describePorts(rule.ports)} do not include ${protocol} ${port}`;
    return explanation;
  }
  if (portEntry) explanation.port = portEntry.index;
  const peerPart = rule.peers
    ? `${peerText} ${peerResult === 'match' ? 'selects' : 'may select'} ${otherName}`
    : `no ${field} list: all peers`;
  const portPart = portEntry
    ? `ports[${portEntry.index}] (${describePorts([portEntry])}) admits ${protocol} ${port}`
    : 'no ports list: all ports';
  explanation.reason = `${peerPart}; ${portPart}`;
  return explanation;
}
