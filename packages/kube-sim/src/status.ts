/** The reasons the simulator answers with, as metav1.StatusReason spells them. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Expired'
  | 'Gone'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'TooManyRequests'
  | 'ServiceUnavailable';

/** A metav1.Status object, the body of every API error. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: StatusReason | '';
  details?: { name?: string; group?: string; kind?: string; retryAfterSeconds?: number };
  code: number;
}

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Expired: 410,
  Gone: 410,
  Forbidden: 403,
  Unauthorized: 401,
  BadRequest: 400,
  Invalid: 422,
  MethodNotAllowed: 405,
  UnsupportedMediaType: 415,
  InternalError: 500,
  TooManyRequests: 429,
  ServiceUnavailable: 503,
};

/** An API error that the HTTP layer turns into a Status body with its code. */
export class KubeError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details?: Status['details'],
  ) {
    super(message);
    this.code = CODES[reason];
  }

  /** The Status body of this error. */
  toStatus(): Status {
    return buildFailureStatus(this.reason, this.message, this.details, this.code);
  }
}

/** Builds a Failure Status; the code defaults to the reason's HTTP code. */
export function buildFailureStatus(
  reason: StatusReason,
  message: string,
  details?: Status['details'],
  code: number = CODES[reason],
): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return status;
}

/** The 404 for an object, worded like the API server: `pods "web" not found`. */
export function notFound(resource: string, name: string, group = ''): KubeError {
  const what = group === '' ? resource : `${resource}.${group}`;
  return new KubeError('NotFound', `${what} "${name}" not found`, { name, group, kind: resource });
}

/** The 410 for a resourceVersion older than the kept history. */
export function expired(resourceVersion: string, oldest: number): KubeError {
  return new KubeError('Expired', `too old resource version: ${resourceVersion} (${oldest})`);
}
