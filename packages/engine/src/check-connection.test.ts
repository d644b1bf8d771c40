import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { QueryError } from './endpoints.ts';
import { evaluateCluster } from './evaluation.ts';

let nextIp = 1;
function pod(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  ports: { name: string; containerPort: number }[] = [],
): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'main', ports }] } as never,
    status: {
      phase: 'Running',
      podIP: `10.0.${namespace.length}.${nextIp++}`,
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { kind: 'Service', metadata: { name, namespace: 'shop' }, spec };
}

function policy(namespace: string, name: string, spec: unknown): KubeObject {
  return { kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

const web1 = pod('shop', 'web-1', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
const web2 = pod('shop', 'web-2', { app: 'web', canary: 'yes' }, [{ name: 'http', containerPort: 9090 }]);
const client = pod('shop', 'client', { app: 'client' });
const webOnlyFromClient = policy('shop', 'web', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [
    { from: [{ podSelector: { matchLabels: { app: 'client' } } }, { ipBlock: { cidr: '203.0.113.0/24' } }] },
  ],
});
const clusterIp = service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
const nodePort = (policy: string) =>
  service('web-public', {
    type: 'NodePort',
    externalTrafficPolicy: policy,
    selector: { app: 'web' },
    ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }],
  });

describe('checks through a Service', () => {
  it('resolves a named targetPort on each backend pod', () => {
    const result = evaluateCluster([web1, web2, client, clusterIp]).can(
      { kind: 'pod', ref: 'shop/client' },
      { kind: 'service', ref: 'shop/web' },
      80,
      'TCP',
    );
    expect(result.verdict).toBe('allowed');
    expect(result.connections.map((c) => [c.to.kind === 'pod' && c.to.pod, c.port])).toEqual([
      ['shop/web-1', 8080],
      ['shop/web-2', 9090],
    ]);
    expect(result.route[1]).toBe('Service shop/web TCP 80 -> http');
    expect(result.via).toEqual(['service:shop/web']);
  });

  it('takes backends from EndpointSlices when there are any, skipping endpoints that are not ready', () => {
    const slice: KubeObject = {
      kind: 'EndpointSlice',
      metadata: { name: 'web-abc', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [
        {
          addresses: ['10.0.4.1'],
          conditions: { ready: true },
          targetRef: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
        },
        {
          addresses: ['10.0.4.2'],
          conditions: { ready: false },
          targetRef: { kind: 'Pod', name: 'web-2', namespace: 'shop' },
        },
      ],
    } as KubeObject;
    const result = evaluateCluster([web1, web2, client, clusterIp, slice]).can(
      { kind: 'pod', ref: 'shop/client' },
      { kind: 'service', ref: 'shop/web' },
      80,
      'TCP',
    );
    expect(result.connections.map((c) => c.to.kind === 'pod' && c.to.pod)).toEqual(['shop/web-1']);
  });

  it('follows EndpointSlices as they change', () => {
    const slice = (service: string): KubeObject =>
      ({
        kind: 'EndpointSlice',
        metadata: { name: 'web-abc', namespace: 'shop', labels: { 'kubernetes.io/service-name': service } },
        ports: [{ name: '', port: 8080, protocol: 'TCP' }],
        endpoints: [
          {
            addresses: ['10.0.4.1'],
            conditions: { ready: true },
            targetRef: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
          },
        ],
      }) as KubeObject;
    const evaluation = evaluateCluster([web1, web2, client, clusterIp, slice('web')]);
    const backends = () =>
      evaluation
        .can({ kind: 'pod', ref: 'shop/client' }, { kind: 'service', ref: 'shop/web' }, 80, 'TCP')
        .connections.map((c) => c.to.kind === 'pod' && c.to.pod);
    expect(backends()).toEqual(['shop/web-1']);
    evaluation.apply({ type: 'upsert', object: slice('other') });
    expect(backends()).toEqual(['shop/web-1', 'shop/web-2']);
    evaluation.apply({ type: 'upsert', object: slice('web') });
    evaluation.apply({ type: 'delete', object: slice('web') });
    expect(backends()).toEqual(['shop/web-1', 'shop/web-2']);
  });

  it('denies a ClusterIP Service to an address outside the cluster, before any policy', () => {
    const result = evaluateCluster([web1, clusterIp]).can(
      { kind: 'ip', ip: '198.51.100.1' },
      { kind: 'service', ref: 'shop/web' },
      80,
      'TCP',
    );
    expect(result).toMatchObject({ verdict: 'denied', connections: [] });
    expect(result.reason).toContain('ClusterIP');
  });

  it('admits an outside client of a NodePort (externalTrafficPolicy Local) by its own address', () => {
    const evaluation = evaluateCluster([web1, client, webOnlyFromClient, nodePort('Local')]);
    const ask = (ip: string) =>
      evaluation.can({ kind: 'ip', ip }, { kind: 'service', ref: 'shop/web-public' }, 30080, 'TCP').verdict;
    expect(ask('203.0.113.9')).toBe('allowed');
    expect(ask('198.51.100.1')).toBe('denied');
  });

  it('sees the node address, not the client, behind externalTrafficPolicy Cluster', () => {
    const node: KubeObject = {
      kind: 'Node',
      metadata: { name: 'n1' },
      status: { addresses: [{ type: 'InternalIP', address: '192.168.0.10' }] },
    };
    const result = evaluateCluster([web1, client, webOnlyFromClient, nodePort('Cluster'), node]).can(
      { kind: 'ip', ip: '203.0.113.9' },
      { kind: 'service', ref: 'shop/web-public' },
      80,
      'TCP',
    );
    expect(result.verdict).toBe('denied');
    expect(result.route).toContain('source NAT to a node IP (externalTrafficPolicy: Cluster)');
    expect(result.connections[0]!.from).toEqual({ kind: 'external', ip: '192.168.0.10' });
  });

  it('is unknown behind externalTrafficPolicy Cluster when the nodes are not known and an ipBlock decides', () => {
    const result = evaluateCluster([web1, client, webOnlyFromClient, nodePort('Cluster')]).can(
      { kind: 'ip', ip: '203.0.113.9' },
      { kind: 'service', ref: 'shop/web-public' },
      80,
      'TCP',
    );
    expect(result.verdict).toBe('unknown');
  });

  it('denies a Service without ready backends, and refuses ports it does not have and ExternalName services', () => {
    const evaluation = evaluateCluster([
      client,
      clusterIp,
      service('db', { type: 'ExternalName', externalName: 'db.example.com' }),
    ]);
    const result = evaluation.can(
      { kind: 'pod', ref: 'shop/client' },
      { kind: 'service', ref: 'shop/web' },
      80,
      'TCP',
    );
    expect(result.verdict).toBe('denied');
    expect(result.reason).toContain('no ready backend');
    expect(() =>
      evaluation.can({ kind: 'pod', ref: 'shop/client' }, { kind: 'service', ref: 'shop/web' }, 81, 'TCP'),
    ).toThrow(/has no port TCP 81/);
    expect(() =>
      evaluation.can({ kind: 'pod', ref: 'shop/client' }, { kind: 'service', ref: 'shop/db' }, 80, 'TCP'),
    ).toThrow(QueryError);
  });
});

describe('checks through an Ingress', () => {
  const controller = pod('ingress-nginx', 'controller', {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/component': 'controller',
  });
  const ingressClass: KubeObject = {
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  } as KubeObject;
  const ingress: KubeObject = {
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  } as KubeObject;
  const toIngress = { kind: 'ingress', host: 'shop.example.com', path: '/' } as const;
  const fromOutside = { kind: 'ip', ip: '198.51.100.7' } as const;

  it('routes outside -> controller pods -> Service -> pods, checking the controller against the backend policy', () => {
    const denied = evaluateCluster([
      web1,
      client,
      webOnlyFromClient,
      clusterIp,
      ingress,
      ingressClass,
      controller,
    ]).can(fromOutside, toIngress, 80, 'TCP');
    expect(denied.verdict).toBe('denied');
    expect(denied.route.slice(1, 3)).toEqual([
      'Ingress shop/web http://shop.example.com/',
      'ingress controller: ingress-nginx/controller',
    ]);
    expect(denied.via).toEqual(['ingress:shop/web', 'service:shop/web']);
    const allowFromController = policy('shop', 'web-from-ingress', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        },
      ],
    });
    const allowed = evaluateCluster([
      web1,
      webOnlyFromClient,
      allowFromController,
      clusterIp,
      ingress,
      ingressClass,
      controller,
    ]).can(fromOutside, toIngress, 80, 'TCP');
    expect(allowed.verdict).toBe('allowed');
    expect(allowed.connections.map((c) => c.port)).toEqual([80, 8080]);
  });

  it('says unknown when the controller pods are not in the input and the backend admits only some pods', () => {
    const result = evaluateCluster([web1, client, webOnlyFromClient, clusterIp, ingress]).can(
      fromOutside,
      toIngress,
      80,
      'TCP',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.connections[0]!.from).toMatchObject({ kind: 'unresolved' });
  });

  it('denies even for an unknown controller when the backend admits no pod at all', () => {
    const denyAll = policy('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(
      evaluateCluster([web1, denyAll, clusterIp, ingress]).can(fromOutside, toIngress, 80, 'TCP').verdict,
    ).toBe('denied');
  });
});
