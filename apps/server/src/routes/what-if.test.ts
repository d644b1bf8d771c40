import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCni } from '@netmap/engine';
import type { PolicySummary, WhatIfRequest, WhatIfResult } from '@netmap/model';
import { buildApp } from '../app.ts';
import { onlineShopApp } from '../example-app.ts';
import { readDraftPolicies } from './what-if.ts';

// The online shop's shipping policy selects `app: shiping`, a typo: nothing reaches shipping.
const FIXED_SHIPPING = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: shipping, namespace: shop }
spec:
  podSelector: { matchLabels: { app: shipping } }
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: { matchLabels: { app: frontend } }
        - podSelector: { matchLabels: { app: checkout } }
      ports: [ { port: grpc } ]
`;
const FROM_ANYWHERE = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: open-shipping, namespace: shop }
spec:
  podSelector: { matchLabels: { app: shipping } }
  ingress: [ { from: [ { ipBlock: { cidr: 0.0.0.0/0 } } ], ports: [ { port: 50051 } ] } ]
`;

let app: FastifyInstance;

beforeAll(async () => {
  app = await onlineShopApp();
});

afterAll(() => app.close());

async function whatIf(body: WhatIfRequest | string, contentType = 'application/json', target = app) {
  const response = await target.inject({
    method: 'POST',
    url: '/api/v1/what-if',
    headers: { 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, body: response.json() as WhatIfResult & { error?: string } };
}

const unreadApp = () =>
  buildApp({
    source: {
      evaluation: undefined,
      status: { kind: 'cluster', description: '', synced: false, problems: {}, cni: detectCni([]) },
    },
  });

describe('POST /api/v1/what-if on the online shop', () => {
  it('answers what fixing a policy would open, and which findings it settles', async () => {
    const { status, body } = await whatIf({ yaml: FIXED_SHIPPING });
    expect(status).toBe(200);
    expect(body.flows).toEqual({
      added: [
        { from: 'shop/checkout[Deployment]', to: 'shop/shipping[Deployment]', ports: ['TCP 50051'] },
        { from: 'shop/frontend[Deployment]', to: 'shop/shipping[Deployment]', ports: ['TCP 50051'] },
      ],
      removed: [],
    });
    expect(body.findings.added).toEqual([]);
    expect(body.findings.removed.map((finding) => finding.id)).toContain(
      'policy-selects-no-pod:shop/shipping',
    );
    expect(body.addsExposure).toBe(false);
    expect(body.draft).toEqual({ applied: ['shop/shipping'], deleted: [] });
    expect(Object.keys(body)).toEqual(['flows', 'unknownFlows', 'findings', 'addsExposure', 'draft']);
  });

  it('flags a draft that opens a workload to the whole internet', async () => {
    const { body } = await whatIf({ yaml: FROM_ANYWHERE });
    expect(body.flows.added).toContainEqual({
      from: '0.0.0.0-255.255.255.255[External]',
      to: 'shop/shipping[Deployment]',
      ports: ['TCP 50051'],
    });
    expect(body.addsExposure).toBe(true);
    expect(body.draft.applied).toEqual(['shop/open-shipping']);
  });

  it('deletes policies, and answers what their absence opens', async () => {
    const { status, body } = await whatIf({ delete: ['shop/default-deny', 'shop/default-deny'] });
    expect(status).toBe(200);
    expect(body.draft).toEqual({ applied: [], deleted: ['shop/default-deny'] });
    expect(body.flows.added).toContainEqual({
      from: '0.0.0.0-255.255.255.255[External]',
      to: 'shop/shipping[Deployment]',
      ports: 'all',
    });
    expect(body.addsExposure).toBe(true);
  });

  it('applies and deletes in one draft, several documents at once', async () => {
    const yaml = `${FIXED_SHIPPING}---${FROM_ANYWHERE}`;
    const { body } = await whatIf({ yaml, delete: ['shop/email'] });
    expect(body.draft).toEqual({ applied: ['shop/open-shipping', 'shop/shipping'], deleted: ['shop/email'] });
  });

  it('never changes the live model', async () => {
    const flows = async () => (await app.inject({ url: '/api/v1/flows' })).json() as unknown;
    const before = await flows();
    await whatIf({ yaml: FROM_ANYWHERE, delete: ['shop/default-deny'] });
    expect(await flows()).toEqual(before);
    const policies = (await app.inject({ url: '/api/v1/policies' })).json() as { policies: PolicySummary[] };
    expect(policies.policies.map((p) => p.name)).toContain('default-deny');
    expect(policies.policies.map((p) => p.name)).not.toContain('open-shipping');
  });

  it('takes a body larger than the server-wide limit, up to 1 MiB', async () => {
    const padding = `# ${'x'.repeat(200 * 1024)}\n`;
    expect((await whatIf({ yaml: padding + FIXED_SHIPPING })).status).toBe(200);
    const tooLarge = await whatIf({ yaml: `# ${'x'.repeat(1024 * 1024)}\n${FIXED_SHIPPING}` });
    expect(tooLarge.status).toBe(413);
  });

  it.each<[string, WhatIfRequest, RegExp]>([
    ['bad YAML, with the line', { yaml: 'kind: NetworkPolicy\nmetadata: [1,\nspec: 2' }, /^yaml:3: /],
    [
      'another kind, naming the document',
      { yaml: `${FIXED_SHIPPING}---\napiVersion: v1\nkind: Service\nmetadata: { name: x }\n` },
      /^document 1 \(line 14\) is a Service, not a networking\.k8s\.io\/v1 NetworkPolicy$/,
    ],
    [
      'another apiVersion',
      { yaml: FIXED_SHIPPING.replace('networking.k8s.io/v1', 'extensions/v1beta1') },
      /^document 0 \(line 2\) is a NetworkPolicy of apiVersion extensions\/v1beta1, not a networking\.k8s\.io\/v1/,
    ],
    [
      'a policy without a name',
      { yaml: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {}\n' },
      /^document 0 \(line 1\): NetworkPolicy without metadata\.name$/,
    ],
    [
      'a name the API server would refuse',
      { yaml: FIXED_SHIPPING.replace('name: shipping', 'name: Shipping/x') },
      /^document 0 \(line 2\): "shop\/Shipping\/x" is not a valid namespace\/name$/,
    ],
    [
      'a policy that is not there',
      { delete: ['shop/nothing'] },
      /^there is no NetworkPolicy shop\/nothing to delete$/,
    ],
    ['a name that is not namespace/name', { delete: ['shipping'] }, /^delete\.0 must be the namespace\/name/],
    ['an empty draft', {}, /^the draft is empty/],
    ['a draft of nothing but comments', { yaml: '# nothing\n---\n' }, /^the draft is empty/],
    [
      'yaml that is not a string',
      { yaml: { kind: 'NetworkPolicy' } } as unknown as WhatIfRequest,
      /^the body must be/,
    ],
  ])('answers 400 to %s', async (_, request, message) => {
    const { status, body } = await whatIf(request);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded'])('answers 415 to a %s body', async (type) => {
    const { status, body } = await whatIf(JSON.stringify({ yaml: FIXED_SHIPPING }), type);
    expect(status).toBe(415);
    expect(body.error).toMatch(/application\/json/);
  });

  it('answers 503 before the source has been read', async () => {
    const unread = unreadApp();
    expect((await whatIf({ yaml: FIXED_SHIPPING }, 'application/json', unread)).status).toBe(503);
    await unread.close();
  });
});

describe('GET /api/v1/policies', () => {
  it('lists every policy by namespace and name, with the pods it selects', async () => {
    const response = await app.inject({ url: '/api/v1/policies' });
    const { policies } = response.json() as { policies: PolicySummary[] };
    const names = policies.map((p) => `${p.namespace}/${p.name}`);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(15);
    // The shop's 12 Deployments have no pods in the manifests: their templates stand in for them.
    expect(policies).toContainEqual({ namespace: 'shop', name: 'default-deny', podCount: 12 });
    expect(policies).toContainEqual({ namespace: 'shop', name: 'redis-cart', podCount: 1 });
    expect(policies).toContainEqual({ namespace: 'shop', name: 'shipping', podCount: 0 });
  });

  it('answers 503 before the source has been read', async () => {
    const unread = unreadApp();
    expect((await unread.inject({ url: '/api/v1/policies' })).statusCode).toBe(503);
    await unread.close();
  });
});

describe('reading a draft', () => {
  it('takes a list as kubectl prints it, and puts a policy without a namespace in default', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n    metadata: { name: a }\n    spec: {}\n`;
    const [policy] = readDraftPolicies(list);
    expect(policy?.metadata).toEqual({ name: 'a', namespace: 'default' });
  });

  it('drops the last-applied annotation', () => {
    const yaml = FIXED_SHIPPING.replace(
      'metadata: { name: shipping, namespace: shop }',
      "metadata: { name: shipping, namespace: shop, annotations: { kubectl.kubernetes.io/last-applied-configuration: '{}' } }",
    );
    expect(readDraftPolicies(yaml)[0]?.metadata?.annotations).toEqual({});
  });
});
