import type { KubeObject, NetworkPolicy } from '@netmap/model';
import { ClusterState, refOf } from './cluster-state.ts';
import { QueryError } from './endpoints.ts';
import { Evaluation } from './evaluation.ts';

/** NetworkPolicy changes to try: policies to add or replace (by namespace/name), and `namespace/name` of policies to delete. */
export interface PolicyDraft {
  apply: readonly NetworkPolicy[];
  delete: readonly string[];
}

/**
 * The cluster of `base` with the draft applied, evaluated with the same options. `base` is not
 * changed: the objects are shared, the facts read from them are the new evaluation's own.
 */
export function evaluateDraft(base: Evaluation, draft: PolicyDraft): Evaluation {
  const objects = base.state.objects();
  const existing = new Set(objects.filter(isPolicy).map(refOf));
  const applied = appliedRefs(draft.apply);
  for (const ref of draft.delete) {
    if (!existing.has(ref)) throw new QueryError(`there is no NetworkPolicy ${ref} to delete`);
    if (applied.has(ref)) throw new QueryError(`NetworkPolicy ${ref} is both applied and deleted`);
  }
  const replaced = new Set([...applied, ...draft.delete]);
  const kept = objects.filter((object) => !isPolicy(object) || !replaced.has(refOf(object)));
  const head = new Evaluation(new ClusterState([...kept, ...draft.apply]), base.options);
  // What the source could not read stays unknown in the draft too.
  head.setVisibility(base.state.namespaces.readable);
  return head;
}

/** `namespace/name` of each policy to apply (namespace `default` when it has none, as kubectl does). */
function appliedRefs(policies: readonly NetworkPolicy[]): Set<string> {
  const refs = new Set<string>();
  policies.forEach((policy: KubeObject, index) => {
    if (!isPolicy(policy))
      throw new QueryError(
        `draft item ${index} is a ${policy.kind ?? 'object without kind'}, not a NetworkPolicy`,
      );
    if (!policy.metadata?.name) throw new QueryError(`draft item ${index} has no metadata.name`);
    const ref = refOf(policy);
    if (refs.has(ref)) throw new QueryError(`NetworkPolicy ${ref} is in the draft twice`);
    refs.add(ref);
  });
  return refs;
}

/** The namespaces whose policies a draft changes: only flows with an end in them can change. */
export function draftNamespaces(draft: PolicyDraft): Set<string> {
  const applied = draft.apply.map((policy) => refOf(policy).split('/')[0]!);
  return new Set([...applied, ...draft.delete.map((ref) => ref.split('/')[0]!)]);
}

function isPolicy(object: KubeObject): boolean {
  return object.kind === 'NetworkPolicy';
}
