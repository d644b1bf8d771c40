/** What a change of NetworkPolicies does: the difference between two evaluations, and what-if drafts. */
import type { Finding } from './findings.ts';

/** One pair of ends whose allowed ports changed: `ports` are only the ports added (or removed). */
export interface FlowChange {
  /** As in a workload flow: `ns/name[Kind]` or an outside peer `first-last[External]`. */
  from: string;
  to: string;
  /** `all`, or the ports that changed, e.g. `["TCP 80", "TCP 8000-8080"]`. */
  ports: 'all' | string[];
}

/** What changed between a base and a head evaluation of the same cluster. */
export interface EvaluationDiff {
  flows: { added: FlowChange[]; removed: FlowChange[] };
  /** Flows whose verdict depends on a fact that is not known, that appear or go. */
  unknownFlows: { added: FlowChange[]; removed: FlowChange[] };
  /** Compared by `Finding.id`; a finding whose severity or message changed is removed and added. */
  findings: { added: Finding[]; removed: Finding[] };
  /**
   * Whether the change opens something from outside the cluster: an added flow from an outside
   * peer, or an added finding of category `exposure`. What CI gates on.
   */
  addsExposure: boolean;
}

/** A draft of NetworkPolicy changes, evaluated without touching the cluster (`POST /api/v1/what-if`). */
export interface WhatIfRequest {
  /** One or more NetworkPolicy documents, new or edited (an edit replaces the policy of the same namespace/name). */
  yaml?: string;
  /** `namespace/name` of existing NetworkPolicies to delete. */
  delete?: string[];
}

/** What a draft would change, compared with the live model. */
export interface WhatIfResult extends EvaluationDiff {
  /** `namespace/name` of the policies the draft adds or replaces, and of those it deletes. */
  draft: { applied: string[]; deleted: string[] };
}

/** One NetworkPolicy and how many pods it selects (`GET /api/v1/policies`). */
export interface PolicySummary {
  namespace: string;
  name: string;
  /** Active pods it selects; a workload without pods counts as one (the pod its template stands for). */
  podCount: number;
}
