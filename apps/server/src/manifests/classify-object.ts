import type { KubeObject } from '@netmap/model';

/** The kinds netmap reads; objects of any other kind are counted and dropped. */
export const READ_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Pod',
  'Service',
  'EndpointSlice',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'Node',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

/** The `skipped` key for documents that are not Kubernetes objects (values files, plain lists). */
export const NOT_A_KUBERNETES_OBJECT = '(not a Kubernetes object)';

/** What to do with one candidate object. */
export type Classification =
  | { type: 'read'; object: KubeObject }
  | { type: 'skipped'; kind: string }
  | { type: 'malformed'; reason: string };

// Kinds are CamelCase identifiers; anything else (a key like "__proto__", a 1 MB string) is not one.
const KIND_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,62}$/;

/**
 * Decides whether netmap reads a parsed value: a mapping with a kind it reads and a name. Other
 * kinds (Secret included) are skipped by kind, keeping nothing of their content.
 */
export function classifyObject(value: unknown): Classification {
  if (!isMapping(value) || typeof value.kind !== 'string' || !KIND_PATTERN.test(value.kind)) {
    return { type: 'skipped', kind: NOT_A_KUBERNETES_OBJECT };
  }
  const { kind, metadata } = value;
  if (!READ_KINDS.has(kind)) return { type: 'skipped', kind };
  if (!isMapping(metadata)) return { type: 'malformed', reason: `${kind} without metadata` };
  if (typeof metadata.name !== 'string' || metadata.name === '') {
    return { type: 'malformed', reason: `${kind} without metadata.name` };
  }
  if (metadata.namespace !== undefined && typeof metadata.namespace !== 'string') {
    return { type: 'malformed', reason: `${kind} with a metadata.namespace that is not a string` };
  }
  return { type: 'read', object: value as KubeObject };
}

/** Whether a parsed value is a mapping (a plain object, not an array or null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
