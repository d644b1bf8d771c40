export { ApiError, fetchJson, type QueryParams } from './client.ts';
export {
  connectionStore,
  createConnectionStore,
  STALE_AFTER_MS,
  useConnection,
  type Clock,
  type Connection,
  type ConnectionState,
  type ConnectionStore,
} from './connection.ts';
export type { ModelChange } from './model-changes.ts';
export {
  startModelStream,
  type EventSourceLike,
  type ModelStream,
  type ModelStreamOptions,
} from './model-stream.ts';
export {
  useCheck,
  useFindings,
  useFlowsBetween,
  useModel,
  useModelRevision,
  useObjectDetails,
  usePolicies,
  usePolicy,
  useReachableFrom,
  useStatus,
  useWhoCanReach,
} from './queries.ts';
export { MODEL_KEY } from './query-keys.ts';
export { useWhatIfPreview } from './what-if.ts';
export type * from './types.ts';
