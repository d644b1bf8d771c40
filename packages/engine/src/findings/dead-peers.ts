import type { Finding } from '@netmap/model';
import type { CompiledPeer, CompiledPolicy } from '../compile-policy.ts';
import { describePeer } from '../describe-rule.ts';
import { finding, listText } from './finding-text.ts';
import type { FindingScope } from './finding-scope.ts';

type SelectorPeer = Extract<CompiledPeer, { kind: 'selector' }>;
type IpBlockPeer = Extract<CompiledPeer, { kind: 'ipBlock' }>;

/**
 * `from`/`to` entries that can match nothing: a namespaceSelector that selects no namespace, a
 * podSelector that selects no pod (of any phase, hostNetwork pods aside: selectors never match
 * them) in the namespaces the peer covers, an ipBlock whose `except`s cover its whole `cidr`.
 * A namespace whose labels are not known may match; an empty selector always does.
 */
export function deadPeerFindings(scope: FindingScope): Finding[] {
  const namespaces = new Set([
    ...scope.state.namespaces.names(),
    ...scope.pods.namespaces(),
    ...[...scope.state.policies.values()].map((policy) => policy.namespace),
  ]);
  const verdicts = new Map<string, Map<string, string | undefined>>();
  const findings: Finding[] = [];
  for (const policy of scope.state.policies.values()) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const rule of policy[direction] ?? []) {
        for (const peer of rule.peers ?? []) {
          let why: string | undefined;
          if (peer.kind === 'ipBlock') why = emptyIpBlock(peer);
          else {
            // Peers repeat few distinct selectors: judge each pair once.
            const namespaceKey = peer.namespaceSelector?.key ?? `@${policy.namespace}`;
            let byPods = verdicts.get(namespaceKey);
            if (!byPods) verdicts.set(namespaceKey, (byPods = new Map()));
            const podKey = peer.podSelector?.key ?? '*';
            if (!byPods.has(podKey)) byPods.set(podKey, deadSelector(peer, policy, namespaces, scope));
            why = byPods.get(podKey);
          }
          if (why === undefined) continue;
          const where = `${direction}[${rule.index}].${direction === 'ingress' ? 'from' : 'to'}[${peer.index}]`;
          findings.push(
            finding({
              id: `dead-peer:${policy.ref}:${where}`,
              severity: 'low',
              category: 'dead-policy',
              objects: [`NetworkPolicy ${policy.ref}`],
              message: `NetworkPolicy ${policy.ref} ${where} (${describePeer(peer)}) ${why}, so it admits nothing`,
              fix: 'Correct the peer to match what it is meant for, or remove it.',
            }),
          );
        }
      }
    }
  }
  return findings;
}

function deadSelector(
  peer: SelectorPeer,
  policy: CompiledPolicy,
  namespaces: ReadonlySet<string>,
  scope: FindingScope,
): string | undefined {
  let covered = [policy.namespace];
  if (peer.namespaceSelector) {
    const selector = peer.namespaceSelector;
    covered = [...namespaces].filter((ns) => scope.state.namespaces.matches(selector, ns) !== 'no-match');
    if (covered.length === 0) return 'matches no namespace';
  }
  const podSelector = peer.podSelector;
  if (!podSelector || podSelector.isEmpty) return undefined;
  const isAlive = covered.some((ns) => scope.pods.findSelected(ns, podSelector, (set) => !set.hostNetwork));
  if (isAlive) return undefined;
  return peer.namespaceSelector
    ? `matches no pod in the namespaces it selects (${listText(covered.sort())})`
    : `matches no pod in namespace ${policy.namespace}`;
}

/** Each `except` is a strict subset of `cidr`, but together they may still cover all of it. */
function emptyIpBlock(peer: IpBlockPeer): string | undefined {
  const excepts = [...peer.except].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let next = peer.cidr.first;
  for (const block of excepts) {
    if (block.first > next) return undefined;
    if (block.last >= next) next = block.last + 1n;
  }
  return next > peer.cidr.last ? 'excepts its whole cidr' : undefined;
}
