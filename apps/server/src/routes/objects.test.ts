import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCni, evaluateCluster } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import { buildApp } from '../app.ts';
import type { EvaluationSource } from '../evaluation-source.ts';
import { onlineShopApp } from '../example-app.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await onlineShopApp();
});

afterAll(() => app.close());

const details = async (id: string, target = app) => {
  const response = await target.inject({ url: `/api/v1/objects/${encodeURIComponent(id)}` });
  return { status: response.statusCode, body: response.json(), text: response.body };
};

/** A source already read, from these objects. */
const sourceOf = (objects: KubeObject[]): EvaluationSource => ({
  evaluation: evaluateCluster(objects),
  status: { kind: 'manifests', description: '', synced: true, problems: {}, cni: detectCni([]) },
});

// Every pod of shop is selected by default-deny (both directions) and by allow-dns and
// allow-egress-within-shop (egress); the rest follows each workload's app label.
const SHOP_EGRESS = ['shop/allow-dns', 'shop/allow-egress-within-shop', 'shop/default-deny'];

describe('GET /api/v1/objects/:id on the online shop', () => {
  it.each([
    ['frontend', ['shop/default-deny', 'shop/frontend'], SHOP_EGRESS],
    // allow-external-apis selects app In (payment, email).
    [
      'payment',
      ['shop/default-deny', 'shop/payment'],
      ['shop/allow-dns', 'shop/allow-egress-within-shop', 'shop/allow-external-apis', 'shop/default-deny'],
    ],
    ['redis-cart', ['shop/default-deny', 'shop/redis-cart'], SHOP_EGRESS],
    // The shipping policy selects app=shiping: only default-deny selects shipping for ingress.
    ['shipping', ['shop/default-deny'], SHOP_EGRESS],
    // No policy selects loadgenerator by its own label.
    ['loadgenerator', ['shop/default-deny'], SHOP_EGRESS],
  ])('%s is selected by exactly the policies its labels match', async (name, ingress, egress) => {
    const { status, body } = await details(`workload:shop/${name}[Deployment]`);
    expect(status).toBe(200);
    expect(body.policies).toEqual({ ingress, egress });
    expect(body.isolated).toEqual({ ingress: true, egress: true });
  });

  it('describes the frontend workload, built from its template, with the Services in front of it', async () => {
    const { body, text } = await details('workload:shop/frontend[Deployment]');
    expect(body).toMatchObject({
      kind: 'workload',
      id: 'workload:shop/frontend[Deployment]',
      name: 'frontend',
      namespace: 'shop',
      labels: { app: 'frontend', tier: 'web' },
      workloadKind: 'Deployment',
      isTemplate: true,
      pods: [],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      hostNetwork: false,
      services: ['service:shop/frontend', 'service:shop/frontend-external'],
    });
    // Its template's env names the other services: none of it is sent.
    expect(text).not.toContain('productcatalog:3550');
    expect(text).not.toContain('PRODUCT_CATALOG_ADDR');
  });

  it('leaves kube-system, which no policy selects, unisolated', async () => {
    const { body, text } = await details('workload:kube-system/coredns[Deployment]');
    expect(body.policies).toEqual({ ingress: [], egress: [] });
    expect(body.isolated).toEqual({ ingress: false, egress: false });
    expect(text).not.toContain('Corefile');
  });

  it('describes a Service: its backends, their workloads, the Ingress routing to it', async () => {
    const { body } = await details('service:shop/frontend');
    expect(body).toMatchObject({
      kind: 'service',
      serviceType: 'ClusterIP',
      selector: { app: 'frontend' },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
      // targetPort http is the template's 8080; no pods exist, so no pod ids.
      backends: [
        { workload: 'workload:shop/frontend[Deployment]', servicePort: 80, protocol: 'TCP', port: 8080 },
      ],
      workloads: ['workload:shop/frontend[Deployment]'],
      ingresses: ['ingress:shop/shop'],
    });
    const external = await details('service:shop/frontend-external');
    expect(external.body).toMatchObject({ serviceType: 'LoadBalancer', ingresses: [] });
    const kubeDns = await details('service:kube-system/kube-dns');
    expect(kubeDns.body.workloads).toEqual(['workload:kube-system/coredns[Deployment]']);
  });

  it('describes the Ingress: class, route and TLS host, not its Secret', async () => {
    const { body, text } = await details('ingress:shop/shop');
    expect(body).toMatchObject({
      ingressClassName: 'nginx',
      routes: [
        {
          host: 'shop.example.com',
          path: '/',
          pathType: 'Prefix',
          service: 'service:shop/frontend',
          servicePort: { name: 'http' },
          isTls: true,
        },
      ],
      tls: [{ hosts: ['shop.example.com'] }],
    });
    expect(text).not.toContain('shop-example-com-tls');
  });

  it('describes a namespace with the policies in it and the findings about them', async () => {
    const { body } = await details('namespace:shop');
    expect(body).toMatchObject({
      labels: { team: 'storefront', 'kubernetes.io/metadata.name': 'shop' },
      workloads: 12,
    });
    expect(body.policies).toHaveLength(15);
    expect(body.policies).toContain('shop/redis-cart');
    expect(body.findings.map((f: { id: string }) => f.id)).toContain(
      'unmatched-named-port:shop/shipping:ingress[0].ports[0]',
    );
  });

  it('describes the outside that flows come from', async () => {
    const { body } = await details('external:{ingress-controller}');
    expect(body).toMatchObject({
      kind: 'external',
      description: expect.stringMatching(/ingress controller/),
    });
  });

  it('describes every node of the model it streams, as the same kind', async () => {
    const model = (await app.inject({ url: '/api/v1/model' })).json() as {
      nodes: Record<string, { kind: string }>;
    };
    const nodes = Object.entries(model.nodes);
    expect(nodes.length).toBeGreaterThan(30);
    for (const [id, node] of nodes) {
      const { status, body } = await details(id);
      expect({ id, status, kind: body.kind }).toEqual({ id, status: 200, kind: node.kind });
    }
  });

  it('accepts an id whose slashes are not encoded', async () => {
    const response = await app.inject({ url: '/api/v1/objects/service:shop/frontend' });
    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe('service:shop/frontend');
  });

  it.each([
    'pod:shop/frontend',
    'workload:shop/frontend[StatefulSet]',
    'namespace:nowhere',
    'service:shop/nothing',
  ])('answers 404 for %s', async (id) => {
    expect(await details(id)).toMatchObject({ status: 404, body: { error: `no object ${id}` } });
  });

  it.each(['frontend', 'deployment:shop/frontend', ''])(
    'answers 400 for the malformed id "%s"',
    async (id) => {
      const { status, body } = await details(id);
      expect(status).toBe(400);
      expect(body.error).toMatch(/topology node id/);
    },
  );
});

describe('GET /api/v1/objects/:id on pods', () => {
  const SECRET = 'hunter2';
  const objects: KubeObject[] = [
    {
      kind: 'Pod',
      metadata: {
        name: 'api-0',
        namespace: 'team',
        labels: { app: 'api' },
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': SECRET },
        ownerReferences: [{ kind: 'StatefulSet', name: 'api', controller: true }],
      },
      spec: {
        nodeName: 'node-1',
        containers: [
          { name: 'api', env: [{ name: 'PASSWORD', value: SECRET }], ports: [{ containerPort: 80 }] },
        ],
      } as never,
      status: { phase: 'Running', podIP: '10.1.0.5', conditions: [{ type: 'Ready', status: 'True' }] },
    },
    { kind: 'StatefulSet', metadata: { name: 'api', namespace: 'team' } },
    {
      kind: 'Service',
      metadata: { name: 'api', namespace: 'team' },
      spec: { selector: { app: 'api' }, ports: [{ port: 80 }] },
    },
  ];

  it('describes a pod where it runs, what owns it and the Service in front, without its env', async () => {
    const target = buildApp({ source: sourceOf(objects) });
    const { status, body, text } = await details('pod:team/api-0', target);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: 'pod',
      workload: 'workload:team/api[StatefulSet]',
      ownerChain: [{ kind: 'StatefulSet', name: 'api' }],
      ips: ['10.1.0.5'],
      nodeName: 'node-1',
      isReady: true,
      ports: [{ port: 80, protocol: 'TCP' }],
      services: ['service:team/api'],
      policies: { ingress: [], egress: [] },
    });
    expect(text).not.toContain(SECRET);
    const service = await details('service:team/api', target);
    expect(service.body.backends).toEqual([
      {
        pod: 'pod:team/api-0',
        workload: 'workload:team/api[StatefulSet]',
        servicePort: 80,
        protocol: 'TCP',
        port: 80,
      },
    ]);
    await target.close();
  });

  it('answers 503 before the source has been read', async () => {
    const unread = buildApp({ source: { ...sourceOf([]), evaluation: undefined } });
    expect((await details('namespace:shop', unread)).status).toBe(503);
    await unread.close();
  });
});
