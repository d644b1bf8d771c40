import type { Finding } from '@netmap/model';
import type { ClusterState } from '../cluster-state.ts';
import { compareText } from '../compare-text.ts';
import type { CompiledPolicy } from '../compile-policy.ts';
import { finding, listText } from './finding-text.ts';
import { isPeerWithin, PortCoverage } from './peer-containment.ts';
import { selectorImplies } from './selector-implication.ts';

type Direction = 'ingress' | 'egress';

/**
 * Policies whose rules of one direction allow nothing that other policies do not already allow to
 * the same pods: each covering policy holds the direction and provably selects every pod this one
 * selects, and each peer × port entry of each rule lies within their rules. Only provable cases
 * are reported. Of policies that cover each other, the first by name is reported and the rest are
 * kept as its cover, so that removing every reported part changes no verdict. Policies without
 * rules in a direction (pure isolation) and those in `skip` are left out.
 */
export function shadowedPolicyFindings(state: ClusterState, skip: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const byNamespace = new Map<string, CompiledPolicy[]>();
  for (const policy of state.policies.values()) {
    const list = byNamespace.get(policy.namespace);
    if (list) list.push(policy);
    else byNamespace.set(policy.namespace, [policy]);
  }
  for (const policies of byNamespace.values()) {
    policies.sort((a, b) => compareText(a.ref, b.ref));
    for (const direction of ['ingress', 'egress'] as const) {
      const holders = policies.filter((policy) => policy[direction] !== undefined);
      const shadowed = new Set<CompiledPolicy>();
      const widerThan = widerPolicies(holders);
      for (const policy of holders) {
        if ((policy[direction]?.length ?? 0) === 0 || skip.has(policy.ref)) continue;
        const covers = widerThan(policy).filter((other) => other !== policy && !shadowed.has(other));
        const used = coveringPolicies(policy, direction, covers, state);
        if (!used) continue;
        shadowed.add(policy);
        findings.push(shadowedFinding(policy, direction, used));
      }
    }
  }
  return findings;
}

/**
 * The policies among `holders` whose podSelector provably selects every pod another policy's
 * selects (itself included), in `holders` order; judged once per pair of distinct selectors, as
 * the allow-lists of a namespace share few.
 */
function widerPolicies(holders: readonly CompiledPolicy[]): (policy: CompiledPolicy) => CompiledPolicy[] {
  const bySelector = new Map<string, CompiledPolicy[]>();
  for (const policy of holders) {
    const list = bySelector.get(policy.podSelector.key);
    if (list) list.push(policy);
    else bySelector.set(policy.podSelector.key, [policy]);
  }
  const wider = new Map<string, CompiledPolicy[]>();
  return (policy) => {
    const narrow = policy.podSelector;
    let found = wider.get(narrow.key);
    if (!found) {
      const keys = new Set<string>();
      for (const [key, group] of bySelector)
        if (selectorImplies(narrow, group[0]!.podSelector)) keys.add(key);
      found = holders.filter((other) => keys.has(other.podSelector.key));
      wider.set(narrow.key, found);
    }
    return found;
  };
}

/** The policies among `covers` whose rules admit everything `policy`'s rules do; undefined when they do not. */
function coveringPolicies(
  policy: CompiledPolicy,
  direction: Direction,
  covers: readonly CompiledPolicy[],
  state: ClusterState,
): CompiledPolicy[] | undefined {
  if (covers.length === 0) return undefined;
  const used = new Set<CompiledPolicy>();
  for (const rule of policy[direction] ?? []) {
    for (const peer of rule.peers ?? [undefined]) {
      const coverage = new PortCoverage();
      for (const other of covers) {
        for (const otherRule of other[direction] ?? []) {
          const outers = otherRule.peers ?? [undefined];
          if (!outers.some((outer) => isPeerWithin(peer, outer, policy.namespace, state.namespaces)))
            continue;
          coverage.add(otherRule);
          used.add(other);
        }
      }
      if (!(rule.ports ?? [undefined]).every((entry) => coverage.covers(entry))) return undefined;
    }
  }
  return [...used];
}

function shadowedFinding(policy: CompiledPolicy, direction: Direction, covers: CompiledPolicy[]): Finding {
  const names = covers.map((other) => other.ref).sort(compareText);
  return finding({
    id: `shadowed-policy:${policy.ref}:${direction}`,
    severity: 'low',
    category: 'dead-policy',
    objects: [`NetworkPolicy ${policy.ref}`, ...names.map((name) => `NetworkPolicy ${name}`)],
    message: `NetworkPolicy ${policy.ref}: every connection its ${direction} rules allow is also allowed by ${listText(names)}, which ${names.length === 1 ? 'selects' : 'select'} every pod it selects, so its ${direction} part changes nothing`,
    fix: `Remove the ${direction} rules that repeat ${listText(names)} (or the whole policy), or narrow the other ${names.length === 1 ? 'policy' : 'policies'} if this one states the intent.`,
  });
}
