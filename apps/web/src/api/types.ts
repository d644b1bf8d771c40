import type { Cni } from '@netmap/engine';
import type { Protocol, Severity } from '@netmap/model';

/**
 * Payloads of the JSON API that `@netmap/model` and `@netmap/engine` do not type. Each matches the
 * server's route; the object and policy ones are kept loose (optional where unsure) until the routes
 * and their model types settle.
 */

/** The server's source, as `GET /api/v1/status` reports it (matches the server's `SourceStatus`). */
export interface SourceStatus {
  kind: 'manifests' | 'cluster' | 'demo';
  description: string;
  /** Whether every readable resource has been listed once. */
  synced: boolean;
  /** Resources that cannot be read, and why. */
  problems: Record<string, string>;
  cni: Cni;
}

/** `GET /api/v1/status`. */
export interface StatusResponse {
  source: SourceStatus;
  /** Whether the source has been read, so that queries can be answered. */
  ready: boolean;
}

/** A "can From reach To on Port/Protocol?" question; the port as typed is fine, the server checks it. */
export interface CheckInput {
  from: string;
  to: string;
  port: number | string;
  protocol: Protocol;
}

/** Narrows who-can-reach / reachable-from to one port (TCP unless said). */
export interface PortFilter {
  port: number | string;
  protocol?: Protocol;
}

/** A finding as the details of an object list it. */
export interface ObjectFindingSummary {
  id: string;
  severity: Severity;
  message: string;
}

/**
 * Details of one topology node, `GET /api/v1/objects/:id`: labels, IPs, ports, owner, Services in
 * front, policies that select it, findings. Matches the server's route; which fields a kind has
 * varies, so all but the common ones are optional.
 */
export interface ObjectDetails {
  id: string;
  kind: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  findings: ObjectFindingSummary[];
  ips?: string[];
  ports?: { name?: string; port: number; protocol: Protocol; targetPort?: number | string }[];
  owner?: { kind: string; name: string };
  /** Service node ids in front of it. */
  services?: string[];
  /** Policies (`namespace/name`) that select it, per direction. */
  policies?: { ingress: string[]; egress: string[] } | string[];
  [field: string]: unknown;
}

/** 1-based lines, first and last inclusive. */
export interface LineRange {
  line: number;
  endLine: number;
}

/** A NetworkPolicy as YAML with the lines of each rule, `GET /api/v1/policies/:namespace/:name`. */
export interface PolicyDocument {
  yaml: string;
  /** The lines of `spec.ingress[i]` and `spec.egress[i]` in `yaml`, by rule index. */
  rules: { ingress: LineRange[]; egress: LineRange[] };
  policyTypes?: ('Ingress' | 'Egress')[];
}
