import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { detectCni, evaluateCluster } from '@netmap/engine';
import type { NetworkPolicy, PolicyDocument } from '@netmap/model';
import { buildApp } from '../app.ts';
import { onlineShopApp, ONLINE_SHOP } from '../example-app.ts';
import { policyDocument } from './policies.ts';

const POLICY_FILES = ['baseline', 'cart', 'catalog', 'checkout', 'frontend'];

/** The example's NetworkPolicies as its files hold them. */
const examplePolicies: NetworkPolicy[] = POLICY_FILES.flatMap((file) =>
  parseAllDocuments(readFileSync(`${ONLINE_SHOP}/network-policies/${file}.yaml`, 'utf8')).map(
    (document) => document.toJS() as NetworkPolicy,
  ),
);

let app: FastifyInstance;

beforeAll(async () => {
  app = await onlineShopApp();
});

afterAll(() => app.close());

const get = async (url: string, target = app) => {
  const response = await target.inject({ url });
  return { status: response.statusCode, body: response.json() };
};

/** The text of lines `line`..`endLine` of a sequence item, read back as YAML. */
function ruleAt(yaml: string, range: { line: number; endLine: number }): unknown {
  const lines = yaml.split('\n').slice(range.line - 1, range.endLine);
  // The item's first line starts with its "- ": blank it out, keeping the indentation.
  lines[0] = lines[0]!.replace('- ', '  ');
  return parse(lines.join('\n'));
}

describe('GET /api/v1/policies/:namespace/:name on the online shop', () => {
  it.each(examplePolicies.map((policy) => [policy.metadata!.name!, policy] as const))(
    '%s: the object as written, and rule ranges that hold exactly each rule',
    async (name, written) => {
      const { status, body } = await get(`/api/v1/policies/shop/${name}`);
      expect(status).toBe(200);
      const document = body as PolicyDocument;
      expect(document.policy).toEqual(written);
      expect(parse(document.yaml)).toEqual(written);
      for (const direction of ['ingress', 'egress'] as const) {
        const rules = written.spec?.[direction] ?? [];
        expect(document.rules[direction]).toHaveLength(rules.length);
        rules.forEach((rule, i) =>
          expect(ruleAt(document.yaml, document.rules[direction][i]!)).toEqual(rule),
        );
      }
    },
  );

  it('points at the lines of the rule an explanation names (redis-cart ingress[1])', async () => {
    const { body } = await get('/api/v1/policies/shop/redis-cart');
    const lines = (body as PolicyDocument).yaml.split('\n');
    const [first, second] = (body as PolicyDocument).rules.ingress;
    const text = (range: { line: number; endLine: number }) =>
      lines.slice(range.line - 1, range.endLine).join('\n');
    expect(text(first!)).toMatch(/^\s+- from:\n[\s\S]*app: cart$/);
    expect(text(second!)).toMatch(/^\s+- ports:\n\s+- port: redis$/);
    expect(second!.line).toBe(first!.endLine + 1);
    expect(body.policyTypes).toEqual(['Ingress']);
  });

  it('gives policyTypes and no rules for default-deny', async () => {
    const { body } = await get('/api/v1/policies/shop/default-deny');
    expect(body).toMatchObject({ policyTypes: ['Ingress', 'Egress'], rules: { ingress: [], egress: [] } });
  });

  it('answers 404 for a policy that is not there', async () => {
    expect(await get('/api/v1/policies/shop/nothing')).toEqual({
      status: 404,
      body: { error: 'no NetworkPolicy shop/nothing' },
    });
    expect((await get('/api/v1/policies/kube-system/default-deny')).status).toBe(404);
  });

  it.each([
    ['/api/v1/policies/Shop/default-deny', /namespace must be a Kubernetes object name/],
    ['/api/v1/policies/shop/default_deny', /name must be a Kubernetes object name/],
  ])('answers 400 for %s', async (url, message) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });
});

describe('a policy read from a cluster', () => {
  const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
  const applied: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: 'api',
      namespace: 'team',
      annotations: { [LAST_APPLIED]: '{"spec":{"old":"value"}}', owner: 'team-a' },
      managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update' }],
    } as NetworkPolicy['metadata'],
    spec: { podSelector: { matchLabels: { app: 'api' } }, egress: [{ ports: [{ port: 443 }] }] },
  };

  it('is sent without managedFields or the last-applied annotation, in the object and the YAML', async () => {
    const source = {
      evaluation: evaluateCluster([applied]),
      status: { kind: 'cluster' as const, description: '', synced: true, problems: {}, cni: detectCni([]) },
    };
    const target = buildApp({ source });
    const { status, body } = await get('/api/v1/policies/team/api', target);
    expect(status).toBe(200);
    expect(body.policy.metadata).toEqual({
      name: 'api',
      namespace: 'team',
      annotations: { owner: 'team-a' },
    });
    expect(body.yaml).not.toMatch(/managedFields|last-applied|old/);
    // No policyTypes with egress rules: Ingress and Egress.
    expect(body.policyTypes).toEqual(['Ingress', 'Egress']);
    await target.close();
  });

  it('answers 503 before the source has been read', async () => {
    const unread = buildApp({
      source: {
        evaluation: undefined,
        status: { kind: 'cluster', description: '', synced: false, problems: {}, cni: detectCni([]) },
      },
    });
    expect((await get('/api/v1/policies/team/api', unread)).status).toBe(503);
    await unread.close();
  });
});

describe('policyDocument', () => {
  it('gives a range to rules written empty or as null', () => {
    const policy: NetworkPolicy = {
      kind: 'NetworkPolicy',
      spec: { ingress: [{}, { from: [] }], egress: [] },
    };
    const document = policyDocument(policy, ['Ingress']);
    const lines = document.yaml.split('\n');
    expect(
      document.rules.ingress.map((r) => lines.slice(r.line - 1, r.endLine).map((l) => l.trim())),
    ).toEqual([['- {}'], ['- from: []']]);
    expect(document.rules.egress).toEqual([]);
  });
});
