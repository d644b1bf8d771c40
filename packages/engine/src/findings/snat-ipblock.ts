import type { Finding } from '@netmap/model';
import { describePeer } from '../describe-rule.ts';
import { rulePortSet } from '../rule-match.ts';
import { finding, listText, sortedSet } from './finding-text.ts';
import type { FindingScope, ServiceEntry } from './finding-scope.ts';

/**
 * Services reached from outside with externalTrafficPolicy Cluster whose pods' ingress rules name
 * ipBlocks on the port the traffic arrives at: kube-proxy source-NATs that traffic to the IP of
 * the node that forwarded it, so such an ipBlock never sees the clients' addresses. An ipBlock
 * that holds every address (`0.0.0.0/0` or `::/0` without except) is not fooled and left out.
 */
export function snatIpBlockFindings(scope: FindingScope): Finding[] {
  const findings: Finding[] = [];
  for (const entry of scope.services()) {
    const { facts } = entry;
    const isExposed =
      facts.type === 'NodePort' || facts.type === 'LoadBalancer' || facts.externalIPs.length > 0;
    if (!isExposed || facts.externalTrafficPolicy !== 'Cluster') continue;
    const peers = ipBlocksOnBackendPorts(scope, entry);
    if (peers.size === 0) continue;
    const policies = sortedSet([...peers.values()].flat());
    findings.push(
      finding({
        id: `snat-ipblock:${facts.ref}`,
        severity: 'medium',
        category: 'wiring',
        objects: [`Service ${facts.ref}`, ...policies.map((ref) => `NetworkPolicy ${ref}`)],
        message: `Service ${facts.ref} (${facts.type}, externalTrafficPolicy: Cluster) source-NATs outside clients to a node's IP, so ${listText(sortedSet(peers.keys()))} in ${listText(policies)} never ${peers.size === 1 ? 'sees' : 'see'} their addresses: the rule admits the nodes, not the clients it names`,
        fix: 'Set externalTrafficPolicy: Local so the pods see client addresses, or filter clients at the load balancer (loadBalancerSourceRanges).',
      }),
    );
  }
  return findings;
}

/** ipBlock peers (described) of ingress rules that admit a backend's target port, with the policies they are in. */
function ipBlocksOnBackendPorts(scope: FindingScope, entry: ServiceEntry): Map<string, string[]> {
  const peers = new Map<string, string[]>();
  entry.facts.ports.forEach((servicePort, i) => {
    for (const { pod, port } of entry.backends[i] ?? []) {
      const podClass = scope.state.classes.classOf(pod);
      if (!podClass || podClass.hostNetwork) continue;
      for (const policy of podClass.ingressPolicies) {
        for (const rule of policy.ingress ?? []) {
          const blocks = (rule.peers ?? []).filter(
            (peer) => peer.kind === 'ipBlock' && !(peer.except.length === 0 && isEverything(peer.cidr.text)),
          );
          if (blocks.length === 0) continue;
          if (!rulePortSet(rule, { kind: 'pod', podClass }).has(servicePort.protocol, port)) continue;
          for (const block of blocks) {
            const text = describePeer(block);
            peers.set(text, [...(peers.get(text) ?? []), policy.ref]);
          }
        }
      }
    }
  });
  return peers;
}

function isEverything(cidr: string): boolean {
  return cidr === '0.0.0.0/0' || cidr === '::/0';
}
