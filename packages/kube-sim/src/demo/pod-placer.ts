import type { KubeObject, Pod } from '@netmap/model';
import { nextFreeIp } from './ip-pool.ts';

/** What the demo needs of a Node to place pods on it. */
export interface NodeSlot {
  name: string;
  internalIP?: string;
  podCIDR: string;
}

/** Where a pod runs and the address it gets. */
export interface Placement {
  nodeName?: string;
  hostIP?: string;
  podIP: string;
}

/** Pod addresses when the cluster has no Node objects: one anonymous range, no node names. */
const FALLBACK_CIDR = '10.244.0.0/16';

/** The Nodes of a cluster, in name order, with their InternalIP and podCIDR. */
export function readNodeSlots(objects: readonly KubeObject[]): NodeSlot[] {
  return objects
    .filter((o) => o.kind === 'Node' && o.metadata?.name)
    .map((node) => {
      const spec = (node.spec ?? {}) as { podCIDR?: string };
      const status = (node.status ?? {}) as { addresses?: { type?: string; address?: string }[] };
      const internalIP = status.addresses?.find((a) => a.type === 'InternalIP')?.address;
      const slot: NodeSlot = { name: node.metadata?.name ?? '', podCIDR: spec.podCIDR ?? FALLBACK_CIDR };
      if (internalIP) slot.internalIP = internalIP;
      return slot;
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Spreads pods over nodes like a scheduler that balances pod counts, and hands out unique pod IPs. */
export class PodPlacer {
  private readonly usedIps = new Set<string>();
  private readonly podCounts = new Map<string, number>();

  constructor(
    private readonly nodes: readonly NodeSlot[],
    existingPods: readonly KubeObject[] = [],
  ) {
    for (const pod of existingPods) this.track(pod as Pod, 1);
  }

  /** Places a pod on `nodeName`, or on the least busy node; hostNetwork pods take the node's IP. */
  place(options: { hostNetwork?: boolean; nodeName?: string } = {}): Placement {
    const node = options.nodeName ? this.nodes.find((n) => n.name === options.nodeName) : this.leastBusy();
    if (!node) {
      const podIP = nextFreeIp(FALLBACK_CIDR, this.usedIps);
      this.usedIps.add(podIP);
      return { podIP };
    }
    this.podCounts.set(node.name, (this.podCounts.get(node.name) ?? 0) + 1);
    const placement: Placement = { nodeName: node.name, podIP: '' };
    if (node.internalIP) placement.hostIP = node.internalIP;
    if (options.hostNetwork && node.internalIP) {
      placement.podIP = node.internalIP;
      return placement;
    }
    placement.podIP = nextFreeIp(node.podCIDR, this.usedIps);
    this.usedIps.add(placement.podIP);
    return placement;
  }

  /** Gives a deleted pod's address and node slot back. */
  release(pod: KubeObject): void {
    this.track(pod as Pod, -1);
  }

  private track(pod: Pod, delta: 1 | -1): void {
    const nodeName = pod.spec?.nodeName;
    if (nodeName) this.podCounts.set(nodeName, (this.podCounts.get(nodeName) ?? 0) + delta);
    const podIP = pod.status?.podIP;
    if (!podIP || pod.spec?.hostNetwork) return;
    if (delta > 0) this.usedIps.add(podIP);
    else this.usedIps.delete(podIP);
  }

  private leastBusy(): NodeSlot | undefined {
    let best: NodeSlot | undefined;
    for (const node of this.nodes) {
      if (!best || (this.podCounts.get(node.name) ?? 0) < (this.podCounts.get(best.name) ?? 0)) best = node;
    }
    return best;
  }
}
