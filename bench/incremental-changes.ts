import type { Evaluation } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import {
  addedIpBlockPolicy,
  addedPolicy,
  relabelledNamespace,
  relabelledPod,
  reselectedPolicy,
  type ChangeTargets,
} from './change-targets.ts';
import { median, timeOnce } from './measure.ts';

/** Median milliseconds of one `evaluation.apply(...)` per kind of change. */
export interface ChangeTimings {
  podChangeMs: number;
  namespaceChangeMs: number;
  policyChangeMs: number;
  policyAddMs: number;
  policyDeleteMs: number;
  /** A policy whose ipBlock splits the pod network anew: the rare change that regroups every pod. */
  ipBlockPolicyAddMs: number;
}

/**
 * Times each kind of change `runs` times. Changes alternate between two versions of an object (or
 * add then delete), so each apply really changes the state; the original state is restored after.
 */
export function measureChanges(evaluation: Evaluation, targets: ChangeTargets, runs: number): ChangeTimings {
  const namespace = targets.namespace.metadata?.name ?? '';
  const added = addedPolicy(namespace);
  const [policyAddMs, policyDeleteMs] = timeAddDelete(evaluation, added, runs);
  return {
    podChangeMs: timeToggle(evaluation, targets.pod, relabelledPod(targets.pod), runs),
    namespaceChangeMs: timeToggle(
      evaluation,
      targets.namespace,
      relabelledNamespace(targets.namespace),
      runs,
    ),
    policyChangeMs: timeToggle(
      evaluation,
      targets.policy,
      reselectedPolicy(targets.policy, targets.otherApp),
      runs,
    ),
    policyAddMs,
    policyDeleteMs,
    ipBlockPolicyAddMs: timeNewIpBlocks(evaluation, namespace, Math.min(runs, 5)),
  };
}

function timeToggle(evaluation: Evaluation, original: KubeObject, changed: KubeObject, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const object = i % 2 === 0 ? changed : original;
    samples.push(timeOnce(() => evaluation.apply({ type: 'upsert', object })));
  }
  if (runs % 2 === 1) evaluation.apply({ type: 'upsert', object: original });
  return median(samples);
}

function timeAddDelete(evaluation: Evaluation, policy: KubeObject, runs: number): [number, number] {
  const adds: number[] = [];
  const deletes: number[] = [];
  for (let i = 0; i < runs; i++) {
    adds.push(timeOnce(() => evaluation.apply({ type: 'upsert', object: policy })));
    deletes.push(timeOnce(() => evaluation.apply({ type: 'delete', object: policy })));
  }
  return [median(adds), median(deletes)];
}

/** Each run adds a policy with an ipBlock edge the engine has not seen (then deletes it, untimed). */
function timeNewIpBlocks(evaluation: Evaluation, namespace: string, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const policy = addedIpBlockPolicy(namespace, 200 + i);
    samples.push(timeOnce(() => evaluation.apply({ type: 'upsert', object: policy })));
    evaluation.apply({ type: 'delete', object: policy });
  }
  return median(samples);
}
