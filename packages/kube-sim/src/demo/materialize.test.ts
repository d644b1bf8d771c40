import type { KubeObject, Pod } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { findEndpointMismatches } from './consistency.ts';
import { readDemoManifests } from './index.ts';
import { isInCidr } from './ip-pool.ts';
import { materializeWorkloads } from './materialize.ts';

const manifests = readDemoManifests();
const cluster = materializeWorkloads(manifests, { seed: 1 });
const ofKind = (kind: string) => cluster.filter((o) => o.kind === kind);
const pods = ofKind('Pod') as Pod[];
const find = (kind: string, namespace: string, name: string) =>
  cluster.find((o) => o.kind === kind && o.metadata?.namespace === namespace && o.metadata?.name === name);
const ownerOf = (object: KubeObject) => object.metadata?.ownerReferences?.find((r) => r.controller);
const podsOwnedBy = (owner: KubeObject) => pods.filter((p) => ownerOf(p)?.uid === owner.metadata?.uid);
const nodeIps = new Map(
  ofKind('Node').map((n) => [
    n.metadata?.name,
    (n.status as { addresses: { address: string }[] }).addresses[0]?.address,
  ]),
);
const nodeCidrs = new Map(
  ofKind('Node').map((n) => [n.metadata?.name, (n.spec as { podCIDR: string }).podCIDR]),
);

describe('materializeWorkloads', () => {
  it('creates a ReplicaSet per Deployment and `replicas` pods owned by it, chained Pod → ReplicaSet → Deployment', () => {
    for (const deployment of ofKind('Deployment')) {
      const replicaSets = ofKind('ReplicaSet').filter((rs) => ownerOf(rs)?.uid === deployment.metadata?.uid);
      expect(replicaSets).toHaveLength(1);
      const replicaSet = replicaSets[0]!;
      const hash = replicaSet.metadata?.labels?.['pod-template-hash'] ?? '';
      expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{10}$/);
      expect(replicaSet.metadata?.name).toBe(`${deployment.metadata?.name}-${hash}`);
      const owned = podsOwnedBy(replicaSet);
      expect(owned).toHaveLength((deployment.spec as { replicas?: number }).replicas ?? 1);
      for (const pod of owned) {
        expect(pod.metadata?.name).toMatch(new RegExp(`^${replicaSet.metadata?.name}-[a-z0-9]{5}$`));
        expect(pod.metadata?.labels).toMatchObject({
          ...(deployment.spec as { template: { metadata: { labels: object } } }).template.metadata.labels,
          'pod-template-hash': hash,
        });
      }
    }
  });

  it('names StatefulSet pods by ordinal and runs one DaemonSet pod per node', () => {
    const redis = find('Pod', 'shop', 'redis-cart-0');
    expect(redis?.metadata?.labels?.['statefulset.kubernetes.io/pod-name']).toBe('redis-cart-0');
    for (const daemonSet of ofKind('DaemonSet')) {
      const owned = podsOwnedBy(daemonSet);
      expect(owned.map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    }
    expect(pods).toHaveLength(29);
  });

  it('gives pods unique IPs inside their node podCIDR, and hostNetwork pods their node IP', () => {
    const podIps: string[] = [];
    for (const pod of pods) {
      const { nodeName, hostNetwork } = pod.spec ?? {};
      expect(pod.status).toMatchObject({ phase: 'Running', hostIP: nodeIps.get(nodeName) });
      expect(pod.status?.conditions).toContainEqual({ type: 'Ready', status: 'True' });
      if (hostNetwork) expect(pod.status?.podIP).toBe(nodeIps.get(nodeName));
      else {
        expect(isInCidr(pod.status?.podIP ?? '', nodeCidrs.get(nodeName) ?? '')).toBe(true);
        podIps.push(pod.status?.podIP ?? '');
      }
    }
    expect(new Set(podIps).size).toBe(podIps.length);
    const perNode = ['node-1', 'node-2', 'node-3'].map(
      (node) => pods.filter((p) => p.spec?.nodeName === node).length,
    );
    expect(Math.max(...perNode) - Math.min(...perNode)).toBeLessThanOrEqual(1);
  });

  it('writes one EndpointSlice per Service listing exactly its ready pods, with named target ports resolved', () => {
    expect(findEndpointMismatches(cluster)).toEqual([]);
    const email = ofKind('EndpointSlice').find(
      (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'email',
    );
    expect(email).toMatchObject({
      addressType: 'IPv4',
      ports: [{ name: 'grpc', port: 8080, protocol: 'TCP' }],
    });
    const dns = ofKind('EndpointSlice').find(
      (s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'kube-dns',
    ) as KubeObject & { ports: unknown[]; endpoints: { targetRef: { name: string }; nodeName: string }[] };
    expect(dns.ports).toEqual([
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ]);
    expect(dns.endpoints).toHaveLength(2);
    const target = find('Pod', 'kube-system', dns.endpoints[0]!.targetRef.name) as Pod;
    expect(dns.endpoints[0]).toMatchObject({
      nodeName: target.spec?.nodeName,
      targetRef: { kind: 'Pod', uid: target.metadata?.uid },
    });
  });

  it('gives every object a unique uid and leaves the input unchanged', () => {
    const uids = cluster.map((o) => o.metadata?.uid);
    expect(uids.every(Boolean)).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
    expect(manifests.some((o) => o.metadata?.uid)).toBe(false);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(materializeWorkloads(manifests, { seed: 1 })).toEqual(cluster);
    const other = materializeWorkloads(manifests, { seed: 2 });
    expect(other.filter((o) => o.kind === 'Pod').map((p) => p.metadata?.name)).not.toEqual(
      pods.map((p) => p.metadata?.name),
    );
    // The ReplicaSet name hashes the template, whatever the seed.
    expect(other.filter((o) => o.kind === 'ReplicaSet').map((r) => r.metadata?.name)).toEqual(
      ofKind('ReplicaSet').map((r) => r.metadata?.name),
    );
  });

  it('works without Nodes: pods get addresses but no node', () => {
    const objects = materializeWorkloads(
      manifests.filter((o) => o.kind !== 'Node'),
      { seed: 3 },
    );
    const withoutNodes = objects.filter((o): o is Pod => o.kind === 'Pod');
    expect(
      withoutNodes
        .filter((p) => !p.spec?.hostNetwork)
        .every((p) => isInCidr(p.status?.podIP ?? '', '10.244.0.0/16')),
    ).toBe(true);
    expect(findEndpointMismatches(objects)).toEqual([]);
  });
});
