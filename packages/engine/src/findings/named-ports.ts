import type { Finding, Protocol } from '@netmap/model';
import type { ClusterState } from '../cluster-state.ts';
import type { CompiledPolicy, CompiledRule } from '../compile-policy.ts';
import type { PodClass } from '../pod-classes.ts';
import { finding } from './finding-text.ts';

/** `ports` entries naming a port that no pod they could apply to defines: they admit nothing. */
export function unmatchedNamedPortFindings(state: ClusterState): Finding[] {
  const classes = [...state.classes.all()];
  // Which classes each policy selects for ingress, and every named port any pod defines: one pass each.
  const selected = new Map<CompiledPolicy, PodClass[]>();
  for (const podClass of classes) {
    for (const policy of podClass.ingressPolicies) {
      const list = selected.get(policy);
      if (list) list.push(podClass);
      else selected.set(policy, [podClass]);
    }
  }
  // Pods of a workload share one ports list: look at each distinct list once.
  const anywhere = new Set<string>();
  for (const ports of new Set(classes.map((c) => c.ports)))
    for (const port of ports) if (port.name) anywhere.add(`${port.name}/${port.protocol}`);
  return [...state.policies.values()].flatMap((policy) =>
    unmatchedNamedPorts(policy, selected.get(policy) ?? [], anywhere),
  );
}

function unmatchedNamedPorts(
  policy: CompiledPolicy,
  selected: PodClass[],
  anywhere: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  const check = (
    direction: 'ingress' | 'egress',
    rule: CompiledRule,
    isDefined: (name: string, protocol: Protocol) => boolean,
  ) => {
    for (const entry of rule.ports ?? []) {
      if (typeof entry.port !== 'string' || isDefined(entry.port, entry.protocol)) continue;
      const where = `${direction}[${rule.index}].ports[${entry.index}]`;
      findings.push(
        finding({
          id: `unmatched-named-port:${policy.ref}:${where}`,
          severity: 'low',
          category: 'dead-policy',
          objects: [`NetworkPolicy ${policy.ref}`],
          message: `${policy.ref} ${where}: no ${direction === 'ingress' ? 'selected' : 'destination'} pod has a ${entry.protocol} container port named "${entry.port}", so this entry admits nothing`,
          fix: 'Use a port name the destination pods define, or a port number.',
        }),
      );
    }
  };
  const onSelected = (name: string, protocol: Protocol) =>
    selected.some((c) => c.ports.some((p) => p.name === name && p.protocol === protocol));
  for (const rule of policy.ingress ?? []) check('ingress', rule, onSelected);
  // Egress named ports resolve against whatever pod is reached: any pod of the cluster may define it.
  for (const rule of policy.egress ?? [])
    check('egress', rule, (name, protocol) => anywhere.has(`${name}/${protocol}`));
  return findings;
}
