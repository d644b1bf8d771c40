import { ENFORCEMENT_FLAGS } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import { isMapping } from './classify-object.ts';

/** The annotation where `kubectl apply` keeps a full copy of the object, Secret-like values included. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Container fields that carry credentials or hints to them; netmap reads only names and ports. */
const SENSITIVE_CONTAINER_FIELDS: readonly string[] = ['env', 'envFrom'];

/** Container fields kept only for the flags that tell whether a network plugin enforces policies. */
const COMMAND_LINE_FIELDS: readonly string[] = ['args', 'command'];

/** Pod spec fields dropped whole: volumes name Secrets, host paths and credentials. */
const SENSITIVE_POD_SPEC_FIELDS: readonly string[] = ['volumes'];

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Drops, in place, fields that may hold secrets and that netmap never needs, so they are neither
 * kept in memory nor sent to a browser: the last-applied annotation, and from every pod spec
 * (a Pod's, a workload's template, a CronJob's job template) container env, volumes, and args and
 * command but for the network plugin flags that netmap reads.
 */
export function stripSensitive<T extends KubeObject>(object: T): T {
  const annotations = object.metadata?.annotations;
  if (isMapping(annotations)) delete annotations[LAST_APPLIED_ANNOTATION];
  for (const podSpec of podSpecsOf(object)) stripPodSpec(podSpec);
  return object;
}

function podSpecsOf(object: KubeObject): Record<string, unknown>[] {
  const spec = object.spec;
  const candidates = [
    object.kind === 'Pod' ? spec : undefined,
    valueAt(spec, ['template', 'spec']),
    valueAt(spec, ['jobTemplate', 'spec', 'template', 'spec']),
  ];
  return candidates.filter(isMapping);
}

function stripPodSpec(podSpec: Record<string, unknown>): void {
  for (const field of SENSITIVE_POD_SPEC_FIELDS) delete podSpec[field];
  for (const list of CONTAINER_LISTS) {
    const containers = podSpec[list];
    if (!Array.isArray(containers)) continue;
    for (const container of containers) {
      if (!isMapping(container)) continue;
      for (const field of SENSITIVE_CONTAINER_FIELDS) delete container[field];
      for (const field of COMMAND_LINE_FIELDS) keepEnforcementFlags(container, field);
    }
  }
}

function keepEnforcementFlags(container: Record<string, unknown>, field: string): void {
  const values = container[field];
  const kept = Array.isArray(values)
    ? values.filter(
        (value) => typeof value === 'string' && ENFORCEMENT_FLAGS.some((flag) => value.startsWith(flag)),
      )
    : [];
  if (kept.length > 0) container[field] = kept;
  else delete container[field];
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isMapping(current)) return undefined;
    current = current[key];
  }
  return current;
}
