import type { Finding } from '@netmap/model';
import type { ClusterState } from '../cluster-state.ts';
import type { CompiledPolicy } from '../compile-policy.ts';
import { listOf } from '../input-shape.ts';
import { describeSelector } from '../label-selector.ts';
import { count, finding } from './finding-text.ts';
import type { FindingScope } from './finding-scope.ts';

/**
 * Policies whose podSelector selects no pod of their namespace (of any phase, or made by a
 * workload's template), or only hostNetwork pods, which NetworkPolicy does not apply to. An empty
 * podSelector is left out: it is meant for whatever runs in the namespace, now or later.
 */
export function policySelectsNoPodFindings(scope: FindingScope): Finding[] {
  const findings: Finding[] = [];
  // Policies of a namespace often share a podSelector (several allow-lists for one workload).
  const verdicts = new Map<string, string | undefined>();
  for (const policy of scope.state.policies.values()) {
    if (policy.podSelector.isEmpty) continue;
    const key = `${policy.namespace} ${policy.podSelector.key}`;
    if (!verdicts.has(key)) verdicts.set(key, whatItSelects(scope, policy));
    const what = verdicts.get(key);
    if (what === undefined) continue;
    findings.push(
      finding({
        id: `policy-selects-no-pod:${policy.ref}`,
        severity: 'medium',
        category: 'dead-policy',
        objects: [`NetworkPolicy ${policy.ref}`],
        message: `NetworkPolicy ${policy.ref}: podSelector {${describeSelector(policy.podSelector)}} ${what}, so none of its rules takes effect`,
        fix: 'Make the podSelector match the labels of the pods the policy is meant for (look for a typo), or delete the policy.',
      }),
    );
  }
  return findings;
}

/** Why a policy's podSelector selects nothing NetworkPolicy applies to; undefined when it does. */
function whatItSelects(scope: FindingScope, policy: CompiledPolicy): string | undefined {
  const { namespace, podSelector } = policy;
  if (scope.pods.findSelected(namespace, podSelector, (set) => !set.hostNetwork)) return undefined;
  return scope.pods.findSelected(namespace, podSelector, () => true)
    ? 'selects only hostNetwork pods, which NetworkPolicy does not apply to'
    : `selects no pod in namespace ${policy.namespace}`;
}

/** Rules of a direction that policyTypes leaves out: the API server keeps them, and they do nothing. */
export function ignoredRuleFindings(state: ClusterState): Finding[] {
  const findings: Finding[] = [];
  for (const policy of state.policies.values()) {
    const spec = policy.source.spec ?? {};
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = listOf<unknown>(spec[direction]).length;
      if (rules === 0 || policy[direction] !== undefined) continue;
      const types = listOf<string>(spec.policyTypes).join(', ');
      const type = direction === 'ingress' ? 'Ingress' : 'Egress';
      findings.push(
        finding({
          id: `ignored-rules:${policy.ref}:${direction}`,
          severity: 'medium',
          category: 'dead-policy',
          objects: [`NetworkPolicy ${policy.ref}`],
          message: `NetworkPolicy ${policy.ref}: policyTypes [${types}] leaves out ${type}, so its ${count(rules, `${direction} rule`)} ${rules === 1 ? 'is' : 'are'} ignored`,
          fix: `Add ${type} to policyTypes, or remove the ${direction} rules.`,
        }),
      );
    }
  }
  return findings;
}
