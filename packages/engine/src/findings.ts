import type { Finding, Protocol } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import type { CompiledPolicy, CompiledRule } from './compile-policy.ts';
import type { PodClass } from './pod-classes.ts';

/**
 * Problems with the input itself: objects the API server would reject (not evaluated), parts of
 * objects the engine could not read, and named ports that no pod they could apply to defines.
 */
export function collectInputFindings(state: ClusterState): Finding[] {
  const findings: Finding[] = [];
  for (const invalid of state.invalid.values()) {
    findings.push({
      id: `invalid-object:${invalid.kind}:${invalid.ref}`,
      severity: 'high',
      objects: [`${invalid.kind} ${invalid.ref}`],
      message: `${invalid.kind} ${invalid.ref} would be rejected by the API server and was not evaluated: ${invalid.error}`,
      fix: 'Correct the object; until then it protects nothing.',
    });
  }
  for (const pod of [...state.pods.values(), ...state.representatives.values()]) {
    for (const problem of pod.problems) {
      const object = pod.representative ? `workload ${pod.ref}` : `Pod ${pod.ref}`;
      findings.push({
        id: `unreadable-field:${pod.ref}:${problem}`,
        severity: 'low',
        objects: [object],
        message: `${object}: ${problem}; ignored`,
      });
    }
  }
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
  const anywhere = new Set(classes.flatMap((c) => c.ports.map((p) => `${p.name}/${p.protocol}`)));
  for (const policy of state.policies.values()) {
    findings.push(...unmatchedNamedPorts(policy, selected.get(policy) ?? [], anywhere));
  }
  return findings;
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
      findings.push({
        id: `unmatched-named-port:${policy.ref}:${where}`,
        severity: 'low',
        objects: [`NetworkPolicy ${policy.ref}`],
        message: `${policy.ref} ${where}: no ${direction === 'ingress' ? 'selected' : 'destination'} pod has a ${entry.protocol} container port named "${entry.port}", so this entry admits nothing`,
        fix: 'Use a port name the destination pods define, or a port number.',
      });
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
