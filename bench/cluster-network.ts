import type { Node } from '@netmap/model';
import type { Random } from './random.ts';

/** A node with its InternalIP and the /24 of the pod CIDR it hands out pod IPs from. */
export interface ClusterNode {
  name: string;
  ip: string;
  index: number;
  zone: string;
  /** Pod IPs handed out so far (host part .2 upwards). */
  used: number;
}

/** Nodes get /24s from 10.64.0.0/11; 10.96.0.0/12 is the Service CIDR, as kubeadm lays them out. */
const MAX_NODES = 32 * 256;
const PODS_PER_NODE_CIDR = 253;
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

/** Node addresses, pod IPs and Service IPs of a synthetic cluster; every address is unique. */
export class ClusterNetwork {
  readonly nodes: ClusterNode[] = [];
  private services = 10;
  private loadBalancers = 1;

  constructor(
    nodeCount: number,
    private readonly random: Random,
  ) {
    if (nodeCount > MAX_NODES) throw new Error(`at most ${MAX_NODES} nodes`);
    for (let index = 0; index < nodeCount; index++) {
      const ip = `172.${16 + (index >> 16)}.${(index >> 8) & 255}.${(index & 255) + 1}`;
      this.nodes.push({
        name: `node-${String(index).padStart(5, '0')}`,
        ip,
        index,
        zone: ZONES[index % 3]!,
        used: 0,
      });
    }
  }

  /** A random node with pod IPs left, as the scheduler spreads pods. */
  pickNode(): ClusterNode {
    let node = this.random.pick(this.nodes);
    while (node.used >= PODS_PER_NODE_CIDR) node = this.nodes[(node.index + 1) % this.nodes.length]!;
    return node;
  }

  /** The next pod IP on `node`. */
  podIpOn(node: ClusterNode): string {
    if (node.used >= PODS_PER_NODE_CIDR) throw new Error(`${node.name} has no pod IP left`);
    node.used++;
    return `10.${64 + (node.index >> 8)}.${node.index & 255}.${node.used + 1}`;
  }

  /** The pod CIDR of `node`, e.g. for an ipBlock that names one legacy subnet inside the cluster. */
  podCidrOf(node: ClusterNode): string {
    return `10.${64 + (node.index >> 8)}.${node.index & 255}.0/24`;
  }

  serviceIp(): string {
    const n = this.services++;
    return `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
  }

  loadBalancerIp(): string {
    const n = this.loadBalancers++;
    return `35.${200 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
  }

  nodeObjects(): Node[] {
    return this.nodes.map((node) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: node.name,
        uid: this.random.uid(),
        labels: {
          'kubernetes.io/hostname': node.name,
          'kubernetes.io/os': 'linux',
          'topology.kubernetes.io/zone': node.zone,
          'node.kubernetes.io/instance-type': 'm6i.2xlarge',
        },
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: node.ip },
          { type: 'Hostname', address: node.name },
        ],
      },
    }));
  }
}
