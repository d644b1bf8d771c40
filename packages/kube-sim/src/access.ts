import type { IncomingHttpHeaders } from 'node:http';
import { KubeError } from './status.ts';

/** A forbidden pair: a resource (e.g. `pods`, `networkpolicies`) in one namespace, or cluster-wide. */
export interface ForbiddenRule {
  resource: string;
  /** Omitted: forbidden in every namespace and cluster-wide; set: only in that namespace. */
  namespace?: string;
  /** Omitted: every verb. */
  verbs?: string[];
}

/** Who may call the simulator: an optional bearer token and a list of forbidden resources. */
export interface AccessPolicy {
  token?: string;
  forbidden: ForbiddenRule[];
}

/** The API verb of a request, as RBAC names it. */
export function verbOf(method: string, hasName: boolean, isWatch: boolean): string {
  if (isWatch) return 'watch';
  switch (method) {
    case 'GET':
      return hasName ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

/** 401 Unauthorized unless the request carries the expected bearer token. */
export function authenticate(policy: AccessPolicy, headers: IncomingHttpHeaders): void {
  if (policy.token === undefined) return;
  if (headers.authorization !== `Bearer ${policy.token}`) throw new KubeError('Unauthorized', 'Unauthorized');
}

/** The request RBAC judges: verb, resource (with group) and namespace ('' cluster-wide). */
export interface AccessRequest {
  verb: string;
  resource: string;
  group: string;
  namespace: string;
  name?: string;
}

/** 403 Forbidden, worded like the API server's RBAC denial, when a rule forbids the request. */
export function authorize(policy: AccessPolicy, request: AccessRequest): void {
  const denied = policy.forbidden.some(
    (rule) =>
      rule.resource === request.resource &&
      (rule.namespace === undefined || rule.namespace === request.namespace) &&
      (rule.verbs === undefined || rule.verbs.includes(request.verb)),
  );
  if (!denied) return;
  const what = request.group === '' ? request.resource : `${request.resource}.${request.group}`;
  const scope = request.namespace === '' ? 'at the cluster scope' : `in the namespace "${request.namespace}"`;
  const subject = policy.token === undefined ? 'system:anonymous' : 'system:serviceaccount:netmap:netmap';
  throw new KubeError('Forbidden', `${what} is forbidden: User "${subject}" cannot ${request.verb} resource "${request.resource}" in API group "${request.group}" ${scope}`, {
    name: request.name,
    group: request.group,
    kind: request.resource,
  });
}
