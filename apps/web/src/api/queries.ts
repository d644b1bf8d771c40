import { hashKey, queryOptions, skipToken, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { CheckResult, Reach } from '@netmap/engine';
import type { Finding, PolicySummary, TopologyFlow, VersionedTopology } from '@netmap/model';
import { ApiError, fetchJson, type QueryParams } from './client.ts';
import { answerKey, MODEL_KEY, STATUS_KEY, type AnswerKey } from './query-keys.ts';
import type { CheckInput, ObjectDetails, PolicyDocument, PortFilter, StatusResponse } from './types.ts';

// The stream alone writes the model (startModelStream): no query function, so it is never fetched.
const modelQuery = queryOptions<VersionedTopology, ApiError>({
  queryKey: MODEL_KEY,
  queryFn: skipToken,
  staleTime: Infinity,
  gcTime: Infinity,
});

/** The evaluated model from the stream; re-renders on each snapshot and patch. */
export function useModel(): UseQueryResult<VersionedTopology, ApiError> {
  return useQuery(modelQuery);
}

/** The model's `epoch:version`, or null before the first snapshot; re-renders only when it changes. */
export function useModelRevision(): string | null {
  return useQuery({ ...modelQuery, select: revisionOf }).data ?? null;
}

/** The model's findings, as the stream keeps them (the same list `/api/v1/findings` answers). */
export function useFindings(): UseQueryResult<Finding[], ApiError> {
  return useQuery({ ...modelQuery, select: findingsOf });
}

/** The source's status, asked every 5 s (it changes without the model changing, e.g. RBAC problems). */
export function useStatus(): UseQueryResult<StatusResponse, ApiError> {
  return useQuery<StatusResponse, ApiError>({
    queryKey: STATUS_KEY,
    queryFn: ({ signal }) => fetchJson<StatusResponse>('/api/v1/status', undefined, { signal }),
    refetchInterval: 5000,
    retry: isWorthRetrying,
  });
}

/** Can `from` reach `to` on `port`/`protocol`? Off while `input` is null. */
export function useCheck(input: CheckInput | null): UseQueryResult<CheckResult, ApiError> {
  const { from, to, port, protocol } = input ?? {};
  return useAnswer<CheckResult>(
    'can',
    input && { path: '/api/v1/can', params: { from, to, port, protocol } },
  );
}

/** The pods that can reach `target` (on one port when filtered). Off while `target` is null. */
export function useWhoCanReach(
  target: string | null,
  filter?: PortFilter,
): UseQueryResult<Reach[], ApiError> {
  const params = { target: target ?? undefined, port: filter?.port, protocol: filter?.protocol };
  return useAnswer<Reach[]>(
    'who-can-reach',
    target === null ? null : { path: '/api/v1/who-can-reach', params },
  );
}

/** The pods `source` can reach (on one port when filtered). Off while `source` is null. */
export function useReachableFrom(
  source: string | null,
  filter?: PortFilter,
): UseQueryResult<Reach[], ApiError> {
  const params = { source: source ?? undefined, port: filter?.port, protocol: filter?.protocol };
  return useAnswer<Reach[]>(
    'reachable-from',
    source === null ? null : { path: '/api/v1/reachable-from', params },
  );
}

/** Details of one topology node by its id. Off while `id` is null. */
export function useObjectDetails(id: string | null): UseQueryResult<ObjectDetails, ApiError> {
  const path = id === null ? null : `/api/v1/objects/${encodeURIComponent(id)}`;
  return useAnswer<ObjectDetails>('object', path === null ? null : { path });
}

/** A NetworkPolicy's YAML and rule lines, by `namespace/name`. Off while `policy` is null. */
export function usePolicy(policy: string | null): UseQueryResult<PolicyDocument, ApiError> {
  const path =
    policy === null ? null : `/api/v1/policies/${policy.split('/', 2).map(encodeURIComponent).join('/')}`;
  return useAnswer<PolicyDocument>('policy', path === null ? null : { path });
}

/** Every NetworkPolicy with how many pods it selects, at the model's current revision. */
export function usePolicies(): UseQueryResult<{ policies: PolicySummary[] }, ApiError> {
  return useAnswer('policies', { path: '/api/v1/policies' });
}

/** The workload flows behind one flow between namespaces (or the outside), for large clusters. */
export function useFlowsBetween(
  ends: { from: string; to: string } | null,
): UseQueryResult<{ flows: Record<string, TopologyFlow> }, ApiError> {
  return useAnswer('flows-between', ends && { path: '/api/v1/model/flows', params: ends });
}

interface AnswerRequest {
  path: string;
  params?: QueryParams;
}

/**
 * An answer about the model at its current revision. A new revision asks again, and the previous
 * answer to the same question stays on screen meanwhile; an answer to another question never does.
 */
function useAnswer<T>(question: string, request: AnswerRequest | null): UseQueryResult<T, ApiError> {
  const key = answerKey(question, request, useModelRevision());
  return useQuery<T, ApiError, T, AnswerKey>({
    queryKey: key,
    queryFn: request ? ({ signal }) => fetchJson<T>(request.path, request.params, { signal }) : skipToken,
    placeholderData: (previous, previousQuery) =>
      previousQuery && isSameQuestion(previousQuery.queryKey, key) ? previous : undefined,
    // The revision in the key says when an answer is out of date.
    staleTime: Infinity,
    retry: isWorthRetrying,
  });
}

function isSameQuestion(a: AnswerKey, b: AnswerKey): boolean {
  return hashKey(a.slice(0, -1)) === hashKey(b.slice(0, -1));
}

/** The server being down or busy may pass; a question it rejected (4xx) will be rejected again. */
function isWorthRetrying(failureCount: number, error: ApiError): boolean {
  const isServerTrouble = error instanceof ApiError && (error.status === 0 || error.status >= 500);
  return isServerTrouble && failureCount < 3;
}

function revisionOf(model: VersionedTopology): string {
  return `${model.epoch}:${model.version}`;
}

function findingsOf(model: VersionedTopology): Finding[] {
  return Object.values(model.findings);
}
