import type { PolicyInventoryEntry } from '@netmap/engine';
import type { Cni, Finding, Severity } from '@netmap/model';

/** Severities, highest first: the order every part of the report lists them in. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** What the report is about and when: what the caller knows beyond the evaluation. */
export interface ReportContext {
  /** The report's heading (default "Network policy review"). */
  title?: string;
  /** Where the objects come from: `manifests: ./deploy`, `cluster: context "prod"`, `demo`. */
  source: string;
  generatedAt: Date;
  /** When the objects were last read or changed, when that differs from `generatedAt`. */
  dataTime?: Date;
  /** The network plugin and whether it enforces NetworkPolicy, when the source could tell. */
  cni?: Cni;
}

/** The key figures of the cluster. */
export interface ReportSummary {
  namespaces: number;
  workloads: number;
  pods: number;
  services: number;
  ingresses: number;
  /** Valid NetworkPolicies; `invalidPolicies` counts those the API server would reject. */
  networkPolicies: number;
  invalidPolicies: number;
  /** Allowed flows between workloads and to or from the outside; `unknownFlows` depend on unknown facts. */
  flows: number;
  unknownFlows: number;
  findings: Record<Severity, number>;
  /** Namespaces with workloads and no policy selecting every pod, per direction. */
  withoutDefaultDeny: { ingress: string[]; egress: string[] };
  /** Workloads no policy isolates (host-network ones aside), per direction. */
  unprotectedWorkloads: { ingress: string[]; egress: string[] };
}

/** The row or column of the reachability matrix that stands for everything outside the cluster. */
export const OUTSIDE = '(outside)';

/** How many workloads of one namespace can open connections to workloads of another. */
export type Reach = 'all' | 'some' | 'none';

/** One ordered pair of namespaces (or the outside) in the reachability matrix. */
export interface MatrixCell {
  from: string;
  to: string;
  /** `all`: every workload of `from` reaches every workload of `to` (distinct ones) on some port. */
  reach: Reach;
  /** Pairs of workloads that connect, out of `pairs` (for the outside: workloads on the inside). */
  connected: number;
  pairs: number;
  /** Allowed ports, merged over the pairs: `"all"` or `["TCP 80", …]`; empty when none. */
  ports: 'all' | string[];
  /** Ports whose verdict depends on a fact that is not known, beyond the allowed ones. */
  unknownPorts: 'all' | string[];
}

/** The namespaces (sorted, the outside first when anything reaches it) and every ordered pair. */
export interface NamespaceMatrix {
  namespaces: string[];
  workloads: Record<string, number>;
  cells: MatrixCell[];
}

/** Connections the policies admit from outside peers into one workload. */
export interface OutsideFlow {
  to: string;
  /** Outside peers: address ranges (`first-last`) or `ingress controller`. */
  from: string[];
  ports: 'all' | string[];
  verdict: 'allowed' | 'unknown';
  /** Whether some policy isolates the workload for ingress. */
  isIsolated: boolean;
}

/** Every path in from outside: entry points (Services, Ingresses) and what the policies admit. */
export interface ExposureList {
  entryPoints: Finding[];
  outsideFlows: OutsideFlow[];
}

/** A NetworkPolicy in the inventory, with the findings about it; `error` when it is invalid. */
export interface PolicyRow extends PolicyInventoryEntry {
  error?: string;
  findings: Pick<Finding, 'id' | 'severity' | 'message'>[];
}

/** Everything a report shows, as plain data: both renderers read only this. */
export interface ReportData {
  title: string;
  source: string;
  /** ISO 8601 times. */
  generatedAt: string;
  dataTime?: string;
  cni?: Cni;
  /** How the engine read facts the NetworkPolicy spec leaves to the network plugin. */
  assumptions: { ipBlockMatchesPods: boolean };
  summary: ReportSummary;
  matrix: NamespaceMatrix;
  exposure: ExposureList;
  /** Non-empty groups, highest severity first. */
  findings: { severity: Severity; findings: Finding[] }[];
  policies: PolicyRow[];
}
