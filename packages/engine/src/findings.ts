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
  for (const policy of state.policies.values()) findings.push(...unmatchedNamedPorts(policy, classes));
  return findings;
}

function unmatchedNamedPorts(policy: CompiledPolicy, classes: PodClass[]): Finding[] {
  const findings: Finding[] = [];
  const check = (direction: 'ingress' | 'egress', rule: CompiledRule, destinations: PodClass[]) => {
    for (const entry of rule.ports ?? []) {
      if (typeof entry.port !== 'string' || hasNamedPort(destinations, entry.port, entry.protocol)) continue;
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
  const selected = classes.filter((c) => c.ingressPolicies.includes(policy));
  for (const rule of policy.ingress ?? []) check('ingress', rule, selected);
  // Egress named ports resolve against whatever pod is reached: any pod of the cluster may define it.
  for (const rule of policy.egress ?? []) check('egress', rule, classes);
  return findings;
}

function hasNamedPort(classes: PodClass[], name: string, protocol: Protocol): boolean {
  return classes.some((c) => c.ports.some((p) => p.name === name && p.protocol === protocol));
}
