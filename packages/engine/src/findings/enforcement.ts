import type { Finding } from '@netmap/model';
import type { Cni } from '../cni.ts';

/**
 * Whether the cluster's network plugin enforces NetworkPolicy: when it does not (e.g. Flannel
 * alone), every policy is inert. `policies` counts the cluster's NetworkPolicies. No finding when
 * the plugin is not known (e.g. manifests without its DaemonSet).
 */
export function enforcementFindings(cni: Cni, policies: number): Finding[] {
  if (cni.name === 'unknown' || cni.enforcesNetworkPolicy === true) return [];
  const daemonSet = /^DaemonSet [^\s:]+/.exec(cni.evidence)?.[0];
  const objects = daemonSet ? [daemonSet] : [];
  if (cni.enforcesNetworkPolicy === 'unknown') {
    return [
      {
        id: 'cni-enforcement-unknown',
        severity: 'info',
        category: 'enforcement',
        objects,
        message: `${cni.name} may not enforce NetworkPolicy (${cni.evidence}): every verdict here assumes it does`,
        fix: 'Check that a policy engine runs beside the network plugin (e.g. its network policy agent, Calico or Cilium).',
      },
    ];
  }
  const effect =
    policies > 0
      ? `${policies === 1 ? 'its one NetworkPolicy is' : `all ${policies} NetworkPolicies are`} inert and every pod accepts and opens any connection`
      : 'NetworkPolicies added to this cluster will have no effect';
  return [
    {
      id: 'cni-not-enforcing',
      severity: policies > 0 ? 'critical' : 'low',
      category: 'enforcement',
      objects,
      message: `${cni.name} does not enforce NetworkPolicy (found: ${cni.evidence}): ${effect}; the verdicts here are what the policies say, not what the cluster does`,
      fix: 'Run a network plugin that enforces NetworkPolicy (e.g. Calico, Cilium, or Canal beside Flannel).',
    },
  ];
}
