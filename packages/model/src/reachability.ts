/** Verdicts and their explanation traces, as the engine produces them and the API and UI show them. */

/** Transport protocols NetworkPolicy and Services know. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** The protocols, in display order. */
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** The outcome of a check: "unknown" when a fact it depends on is missing, never a silent guess. */
export type Verdict = 'allowed' | 'denied' | 'unknown';

/** Whether one peer, port or rule matched; three-valued for the same reason as {@link Verdict}. */
export type MatchResult = 'match' | 'no-match' | 'unknown';

/** One end of a connection as the engine resolved it. */
export type EndpointRef =
  | {
      kind: 'pod';
      pod: string;
      workload: string;
      ips: string[];
      hostNetwork: boolean;
      representative: boolean;
    }
  | { kind: 'external'; ip: string | null }
  /** A pod the input does not hold, e.g. an ingress controller that is not installed from the same manifests. */
  | { kind: 'unresolved'; description: string };

/** How explanations and reports name an endpoint. */
export function describeEndpoint(ref: EndpointRef): string {
  if (ref.kind === 'unresolved') return ref.description;
  if (ref.kind === 'external') return ref.ip ?? 'an address outside the cluster';
  return ref.representative ? `${ref.pod} (from its pod template)` : ref.pod;
}

/** Why a rule did or did not admit the connection. */
export interface RuleExplanation {
  /** Index of the rule in the policy's `ingress` or `egress` list. */
  rule: number;
  result: MatchResult;
  /** Index of the peer in `from`/`to` that matched; absent when the rule has no peers (all peers). */
  peer?: number;
  /** Index of the entry in `ports` that matched; absent when the rule has no ports (all ports). */
  port?: number;
  /** Plain-language reason, e.g. "peer 0 (podSelector app=web) does not select x/b". */
  reason: string;
}

/** One policy that selects the pod on this side, and what each of its rules did. */
export interface PolicyExplanation {
  /** `namespace/name` of the NetworkPolicy. */
  policy: string;
  result: MatchResult;
  rules: RuleExplanation[];
}

/**
 * One tier of policy evaluation. NetworkPolicy v1 is a single allow-only tier; tiers with ordered
 * priorities and explicit Deny/Pass actions (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
 * Cilium, Calico) are evaluated before or after it and fit the same shape.
 */
export interface TierExplanation {
  tier: 'NetworkPolicy';
  verdict: Verdict;
  policies: PolicyExplanation[];
}

/** One side of a connection: the source's egress or the destination's ingress. */
export interface DirectionExplanation {
  direction: 'ingress' | 'egress';
  verdict: Verdict;
  /** Set when no policy can apply to this side at all, or when the policies that may are not known. */
  exemption?: 'external' | 'host-network' | 'loopback' | 'unresolved' | 'unreadable';
  /** Whether some policy selects the pod for this direction (so only what rules allow gets through). */
  isolated: boolean;
  tiers: TierExplanation[];
  reason: string;
}

/** The answer to "can `from` reach `to` on `port`/`protocol`?", with the trace that explains it. */
export interface ConnectionExplanation {
  verdict: Verdict;
  from: EndpointRef;
  to: EndpointRef;
  port: number;
  protocol: Protocol;
  egress: DirectionExplanation;
  ingress: DirectionExplanation;
  /** Assumptions the verdict rests on (e.g. ipBlock matching pod IPs, hostNetwork peers). */
  notes: string[];
}
