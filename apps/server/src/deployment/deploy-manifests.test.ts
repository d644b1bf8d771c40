import { evaluateCluster, parseEndpoint } from '@netmap/engine';
import type { KubeObject, Protocol } from '@netmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasKubectl, only, OVERLAYS, renderOverlay } from './deploy-kit.ts';

interface Container {
  args: string[];
  ports: { name: string; containerPort: number }[];
  securityContext: Record<string, unknown>;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: unknown[];
}
interface PodSpec {
  serviceAccountName: string;
  automountServiceAccountToken: boolean;
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes?: Record<string, unknown>[];
  hostNetwork?: boolean;
}

const podSpecOf = (objects: KubeObject[]) =>
  (only(objects, 'Deployment') as { spec: { template: { spec: PodSpec } } }).spec.template.spec;

describe.skipIf(!hasKubectl).each(OVERLAYS)('the %s overlay', (overlay) => {
  let objects: KubeObject[];
  beforeAll(async () => {
    objects = await renderOverlay(overlay);
  });

  it('puts netmap in its own namespace under the restricted Pod Security Standard', () => {
    expect(only(objects, 'Namespace').metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    for (const kind of ['ServiceAccount', 'Deployment', 'Service', 'NetworkPolicy'])
      expect(only(objects, kind, 'netmap').metadata?.namespace).toBe('netmap');
  });

  it('runs one replica, non-root, read-only, without privileges, with only its pod mounting the token', () => {
    const deployment = only(objects, 'Deployment') as { spec: { replicas: number } };
    expect(deployment.spec.replicas).toBe(1);
    expect(
      (only(objects, 'ServiceAccount') as { automountServiceAccountToken?: boolean })
        .automountServiceAccountToken,
    ).toBe(false);
    const pod = podSpecOf(objects);
    expect(pod).toMatchObject({ serviceAccountName: 'netmap', automountServiceAccountToken: true });
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.hostNetwork).toBeUndefined();
    expect(pod.volumes?.every((volume) => 'emptyDir' in volume)).toBe(true);
    const [container, ...others] = pod.containers;
    expect(others).toEqual([]);
    expect(container!.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    // Nothing from Secrets or ConfigMaps.
    expect(container!.envFrom).toBeUndefined();
    expect(container!.env?.every((variable) => variable.valueFrom === undefined)).toBe(true);
  });

  it('has requests and limits, probes on /healthz and /readyz, and listens on 0.0.0.0 in the pod', () => {
    const container = podSpecOf(objects).containers[0]!;
    for (const bound of [container.resources.requests, container.resources.limits])
      expect(Object.keys(bound).sort()).toEqual(['cpu', 'memory']);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.args.slice(0, 3)).toEqual(['serve', '--host=0.0.0.0', '--port=8080']);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });

  it('is reached through a ClusterIP Service on port 80', () => {
    expect((only(objects, 'Service') as { spec: unknown }).spec).toMatchObject({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'netmap' },
      ports: [{ port: 80, targetPort: 'http' }],
    });
  });

  // netmap checks its own NetworkPolicy: in on 8080 only, out to the API server and DNS only.
  const neighbours: KubeObject[] = [
    {
      kind: 'Pod',
      metadata: { name: 'coredns-1', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: { containers: [{ name: 'coredns', ports: [{ containerPort: 53, protocol: 'UDP' }] }] },
      status: { phase: 'Running', podIP: '10.0.0.10' },
    },
    {
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] },
      status: { phase: 'Running', podIP: '10.0.1.5' },
    },
  ];
  it.each([
    ['shop/web-1', 'netmap/netmap[Deployment]', 8080, 'TCP', 'allowed'],
    ['shop/web-1', 'netmap/netmap[Deployment]', 9090, 'TCP', 'denied'],
    ['netmap/netmap[Deployment]', '172.20.0.1', 443, 'TCP', 'allowed'],
    ['netmap/netmap[Deployment]', '172.20.0.1', 6443, 'TCP', 'allowed'],
    ['netmap/netmap[Deployment]', '172.20.0.1', 80, 'TCP', 'denied'],
    ['netmap/netmap[Deployment]', 'kube-system/coredns-1', 53, 'UDP', 'allowed'],
    ['netmap/netmap[Deployment]', 'shop/web-1', 80, 'TCP', 'denied'],
  ] as const)('%s -> %s:%d/%s is %s', (from, to, port, protocol, verdict) => {
    const evaluation = evaluateCluster([...objects, ...neighbours]);
    const result = evaluation.can(parseEndpoint(from), parseEndpoint(to), port, protocol as Protocol);
    expect(result.verdict).toBe(verdict);
  });
});
