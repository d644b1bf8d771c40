import type { Protocol, SourceStatus } from '@netmap/model';

export type { LineRange, ObjectDetails, PolicyDocument, SourceStatus } from '@netmap/model';

/**
 * Payloads of the JSON API that `@netmap/model` and `@netmap/engine` do not type; each matches the
 * server's route. Object details and policy documents are typed in `@netmap/model`.
 */

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
