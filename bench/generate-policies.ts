import type { NetworkPolicy } from '@netmap/model';
import type { AppInfo, GenerationContext, NamespaceInfo } from './generation-context.ts';
import { NAMESPACE_POLICIES, systemPolicies } from './namespace-policies.ts';
import { networkPolicy } from './policy-builder.ts';
import { workloadPolicySpec } from './workload-policies.ts';

/**
 * Exactly `count` NetworkPolicies: the system namespaces' own, then baseline policies namespace by
 * namespace (default-deny first), then policies for single workloads until the count is reached.
 * The count does not depend on the number of pods: some clusters have more policies than pods.
 */
export function generatePolicies(
  context: GenerationContext,
  namespaces: readonly NamespaceInfo[],
  appsByNamespace: ReadonlyMap<string, readonly AppInfo[]>,
  count: number,
): NetworkPolicy[] {
  const policies = systemPolicies(context).slice(0, count);
  for (const make of NAMESPACE_POLICIES) {
    for (const namespace of namespaces) {
      if (policies.length >= count) return policies;
      const policy = make(context, namespace, appsByNamespace.get(namespace.name) ?? []);
      if (policy) policies.push(policy);
    }
  }
  const apps = namespaces.flatMap((namespace) => appsByNamespace.get(namespace.name) ?? []);
  const namespaceOf = new Map(namespaces.map((namespace) => [namespace.name, namespace]));
  const names = new Set(policies.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`));
  while (policies.length < count && apps.length > 0) {
    const app = context.random.pick(apps);
    const scope = {
      namespace: namespaceOf.get(app.namespace)!,
      neighbours: appsByNamespace.get(app.namespace)!,
      namespaces,
    };
    const [base, spec] = workloadPolicySpec(context, app, scope);
    let name = base;
    for (let n = 2; names.has(`${app.namespace}/${name}`); n++) name = `${base}-${n}`;
    names.add(`${app.namespace}/${name}`);
    policies.push(networkPolicy(context, app.namespace, name, spec));
  }
  return policies;
}
