import { cidrContains, formatIp, type IpAddress } from './cidr.ts';
import type { ClusterState } from './cluster-state.ts';
import { sidePorts } from './connection-ports.ts';
import type { FlowTable } from './flow-table.ts';
import { IpAtoms } from './ip-atoms.ts';
import type { PodClass } from './pod-classes.ts';
import type { MatchContext, Party } from './rule-match.ts';

/** An ipBlock peer of a policy: the outside is cut at its edges. */
export type IpBlockPeer = ReturnType<ClusterState['ipBlockPeers']>[number];

/**
 * Adds flows between workloads and addresses outside the cluster. Per direction, the outside is
 * split into the largest ranges whose addresses every ipBlock of that direction treats alike, each
 * named `first-last[External]` (e.g. `0.0.0.0-9.255.255.255[External]`). `cutAt` gives the ipBlocks
 * that cut the outside, the state's own by default (comparing two states cuts both at the edges of both).
 */
export function addExternalFlows(
  table: FlowTable,
  state: ClusterState,
  classes: readonly PodClass[],
  context: MatchContext,
  cutAt: (direction: 'ingress' | 'egress') => IpBlockPeer[] = (direction) => state.ipBlockPeers(direction),
): void {
  for (const direction of ['ingress', 'egress'] as const) {
    const peers = cutAt(direction);
    const families: (4 | 6)[] = peers.some((p) => p.cidr.family === 6) ? [4, 6] : [4];
    for (const family of families) {
      for (const range of outsideRanges(peers, family)) {
        const outside: Party = { kind: 'external', ip: range.probe };
        for (const podClass of classes) {
          const pod: Party = { kind: 'pod', podClass };
          const ports =
            direction === 'ingress'
              ? sidePorts('ingress', pod, outside, pod, context)
              : sidePorts('egress', pod, outside, outside, context);
          for (const workload of podClass.workloads.keys()) {
            if (direction === 'ingress') table.add(range.name, workload, ports);
            else table.add(workload, range.name, ports);
          }
        }
      }
    }
  }
}

/** Adjacent pieces of the address space that fall in the same ipBlock peers, merged. */
function outsideRanges(peers: IpBlockPeer[], family: 4 | 6): { name: string; probe: IpAddress }[] {
  const atoms = new IpAtoms(peers.flatMap((p) => [p.cidr, ...p.except]));
  const merged: { first: bigint; last: bigint; membership: string }[] = [];
  for (const { first, last } of atoms.segments(family)) {
    const ip: IpAddress = { family, value: first, text: '' };
    const membership = peers
      .map((p) => (cidrContains(p.cidr, ip) && !p.except.some((e) => cidrContains(e, ip)) ? 1 : 0))
      .join('');
    const previous = merged[merged.length - 1];
    if (previous && previous.membership === membership) previous.last = last;
    else merged.push({ first, last, membership });
  }
  return merged.map(({ first, last }) => ({
    name: `${formatIp(family, first)}-${formatIp(family, last)}[External]`,
    probe: { family, value: first, text: formatIp(family, first) },
  }));
}
