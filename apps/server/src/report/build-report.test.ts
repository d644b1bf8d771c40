import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { evaluateCluster } from '@netmap/engine';
import type { Cni, KubeObject } from '@netmap/model';
import { ONLINE_SHOP } from '../example-app.ts';
import { loadManifests } from '../manifests/index.ts';
import { buildReport } from './build-report.ts';
import { OUTSIDE, type MatrixCell, type ReportData } from './report-data.ts';
import { netpol, threeNamespaces } from './report-fixtures.ts';

const GENERATED = new Date('2025-03-04T05:06:07Z');
const report = buildReport(evaluateCluster(threeNamespaces), { source: 'test', generatedAt: GENERATED });

function cell(data: ReportData, from: string, to: string): MatrixCell {
  const found = data.matrix.cells.find((c) => c.from === from && c.to === to);
  if (!found) throw new Error(`no cell ${from} -> ${to}`);
  return found;
}

describe('buildReport on three purpose-built namespaces', () => {
  it('counts the objects, flows and findings, and names what no policy isolates', () => {
    const { summary } = report;
    expect(summary).toMatchObject({
      namespaces: 3,
      workloads: 4,
      pods: 4,
      services: 1,
      ingresses: 0,
      networkPolicies: 3,
      invalidPolicies: 1,
    });
    const total = Object.values(summary.findings).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.findings.flatMap((g) => g.findings).length);
    expect(summary.withoutDefaultDeny).toEqual({ ingress: ['front', 'lonely'], egress: ['data', 'front'] });
    expect(summary.unprotectedWorkloads.ingress).toEqual([
      'front/api[Pod]',
      'front/web[Pod]',
      'lonely/solo[Pod]',
    ]);
    expect(summary.unprotectedWorkloads.egress).toEqual(['data/db[Pod]', 'front/api[Pod]', 'front/web[Pod]']);
  });

  it('puts the outside first and every namespace on the axes, with its workloads', () => {
    expect(report.matrix.namespaces).toEqual([OUTSIDE, 'data', 'front', 'lonely']);
    expect(report.matrix.workloads).toEqual({ data: 1, front: 2, lonely: 1 });
    // Every ordered pair but outside to outside.
    expect(report.matrix.cells).toHaveLength(4 * 4 - 1);
  });

  it.each<[string, string, Partial<MatrixCell>]>([
    ['front', 'front', { reach: 'all', connected: 2, pairs: 2, ports: 'all' }],
    ['front', 'data', { reach: 'some', connected: 1, pairs: 2, ports: ['TCP 5432'] }],
    ['front', 'lonely', { reach: 'all', connected: 2, pairs: 2, ports: 'all' }],
    ['data', 'front', { reach: 'all', connected: 2, pairs: 2 }],
    ['data', 'data', { reach: 'none', connected: 0, pairs: 0, ports: [] }],
    ['lonely', 'front', { reach: 'none', connected: 0, pairs: 2, ports: [] }],
    [OUTSIDE, 'front', { reach: 'all', connected: 2, pairs: 2, ports: 'all' }],
    [OUTSIDE, 'data', { reach: 'none', connected: 0, pairs: 1 }],
    ['lonely', OUTSIDE, { reach: 'none', connected: 0, pairs: 1 }],
    ['data', OUTSIDE, { reach: 'all', connected: 1, pairs: 1 }],
  ])('matrix %s -> %s', (from, to, expected) => {
    expect(cell(report, from, to)).toMatchObject(expected);
  });

  it('lists the NodePort as an entry point, and what the policies admit from outside', () => {
    expect(report.exposure.entryPoints.map((f) => [f.id, f.severity])).toEqual([
      ['exposure:Service:front/web', 'high'],
    ]);
    expect(report.exposure.outsideFlows).toEqual([
      {
        to: 'front/api[Pod]',
        from: ['any IPv4 address'],
        ports: 'all',
        verdict: 'allowed',
        isIsolated: false,
      },
      {
        to: 'front/web[Pod]',
        from: ['any IPv4 address'],
        ports: 'all',
        verdict: 'allowed',
        isIsolated: false,
      },
      {
        to: 'lonely/solo[Pod]',
        from: ['any IPv4 address'],
        ports: 'all',
        verdict: 'allowed',
        isIsolated: false,
      },
    ]);
  });

  it('joins the pieces an ipBlock splits the outside into, per workload and ports', () => {
    const partners = netpol('data/db-from-partners', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 5432 }] }],
    });
    const split = buildReport(evaluateCluster([...threeNamespaces, partners]), {
      source: 'test',
      generatedAt: GENERATED,
    });
    expect(split.exposure.outsideFlows).toContainEqual(
      expect.objectContaining({ to: 'front/web[Pod]', from: ['any IPv4 address'], ports: 'all' }),
    );
    expect(split.exposure.outsideFlows).toContainEqual(
      expect.objectContaining({
        to: 'data/db[Pod]',
        from: ['203.0.113.0-203.0.113.255'],
        ports: ['TCP 5432'],
        isIsolated: true,
      }),
    );
  });

  it('groups the findings by severity, highest first, each with its fix', () => {
    const order = ['critical', 'high', 'medium', 'low', 'info'];
    const severities = report.findings.map((g) => g.severity);
    expect(severities).toEqual([...severities].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const group of report.findings) {
      expect(group.findings.length).toBeGreaterThan(0);
      expect(group.findings.every((f) => f.severity === group.severity)).toBe(true);
    }
    const unprotected = report.findings
      .flatMap((g) => g.findings)
      .find((f) => f.id.startsWith('unprotected:'));
    expect(unprotected?.fix).toMatch(/NetworkPolicy/);
  });

  it('lists every policy with what it selects, its rules and its findings; an invalid one with its error', () => {
    expect(report.policies.map((p) => p.ref)).toEqual([
      'data/db-from-web',
      'data/default-deny',
      'lonely/broken',
      'lonely/no-egress',
    ]);
    expect(report.policies[0]).toMatchObject({
      podSelector: 'app=db',
      policyTypes: ['Ingress'],
      selectedPods: 1,
      selectedWorkloads: ['data/db[Pod]'],
      ingressRules: 1,
      findings: [],
    });
    expect(report.policies[3]).toMatchObject({ policyTypes: ['Egress'], egressRules: 0, selectedPods: 1 });
    const broken = report.policies[2]!;
    expect(broken.error).toMatch(/not a key!/);
    expect(broken.findings.map((f) => f.id)).toContain('invalid-object:NetworkPolicy:lonely/broken');
  });

  it('carries the context: title, source, times, the engine assumption', () => {
    expect(report).toMatchObject({
      title: 'Network policy review',
      source: 'test',
      generatedAt: '2025-03-04T05:06:07.000Z',
      assumptions: { ipBlockMatchesPods: true },
    });
    expect(report).not.toHaveProperty('dataTime');
    const titled = buildReport(evaluateCluster(threeNamespaces, { ipBlockMatchesPods: false }), {
      title: ' Q3 review ',
      source: 'test',
      generatedAt: GENERATED,
      dataTime: new Date('2025-03-04T05:00:00Z'),
    });
    expect(titled).toMatchObject({
      title: 'Q3 review',
      dataTime: '2025-03-04T05:00:00.000Z',
      assumptions: { ipBlockMatchesPods: false },
    });
  });

  it('makes a network plugin that does not enforce policies the first finding', () => {
    const flannel: Cni = {
      name: 'Flannel',
      enforcesNetworkPolicy: false,
      evidence: 'DaemonSet kube-flannel/kube-flannel-ds',
    };
    const withCni = buildReport(evaluateCluster(threeNamespaces), {
      source: 'test',
      generatedAt: GENERATED,
      cni: flannel,
    });
    expect(withCni.cni).toEqual(flannel);
    expect(withCni.findings[0]).toMatchObject({
      severity: 'critical',
      findings: [{ id: 'cni-not-enforcing' }],
    });
    expect(withCni.summary.findings.critical).toBe(1);
  });

  it('lists the plugin found from the DaemonSets held once, named by the context or not', () => {
    const daemonSet = {
      kind: 'DaemonSet',
      metadata: { namespace: 'kube-flannel', name: 'kube-flannel-ds' },
      spec: {
        template: { spec: { containers: [{ name: 'flannel', image: 'docker.io/flannel/flannel:v0.25.1' }] } },
      },
    } as KubeObject;
    const evaluation = evaluateCluster([...threeNamespaces, daemonSet]);
    const cni = evaluation.state.cni;
    for (const context of [
      { source: 'test', generatedAt: GENERATED },
      { source: 'test', generatedAt: GENERATED, cni },
    ]) {
      const report = buildReport(evaluation, context);
      expect(report.cni).toEqual(cni);
      const ids = report.findings.flatMap((group) => group.findings.map((finding) => finding.id));
      expect(ids.filter((id) => id === 'cni-not-enforcing')).toHaveLength(1);
    }
  });
});

describe('buildReport on the online shop example', async () => {
  const { objects } = await loadManifests([ONLINE_SHOP]);
  const shop = buildReport(evaluateCluster(objects.map((o) => o.object)), {
    source: 'shop',
    generatedAt: GENERATED,
  });
  const policyFiles = readdirSync(join(ONLINE_SHOP, 'network-policies'));
  const writtenPolicies = policyFiles.flatMap((file) =>
    parseAllDocuments(readFileSync(join(ONLINE_SHOP, 'network-policies', file), 'utf8')).map((d) => d.toJS()),
  );

  it('lists every NetworkPolicy of the example in the inventory', () => {
    expect(shop.summary.networkPolicies).toBe(writtenPolicies.length);
    expect(shop.policies.map((p) => p.ref).sort()).toEqual(
      writtenPolicies.map((p: { metadata: { name: string } }) => `shop/${p.metadata.name}`).sort(),
    );
  });

  it('finds the shipping policy that selects nothing in the inventory, with its finding', () => {
    const shipping = shop.policies.find((p) => p.name === 'shipping');
    expect(shipping).toMatchObject({ selectedPods: 0, selectedWorkloads: [] });
    expect(shipping?.findings.map((f) => f.id)).toContain('policy-selects-no-pod:shop/shipping');
  });

  it('shows that every shop workload reaches DNS in kube-system, and only some pairs inside shop connect', () => {
    expect(cell(shop, 'shop', 'kube-system')).toMatchObject({ reach: 'all', ports: ['TCP 53', 'UDP 53'] });
    expect(cell(shop, 'shop', 'shop').reach).toBe('some');
  });

  it('lists the Ingress and both load balancers as ways in, and the ingress controller among the outside peers', () => {
    expect(shop.exposure.entryPoints.map((f) => f.objects[0])).toEqual(
      expect.arrayContaining([
        'Ingress shop/shop',
        'Service shop/frontend-external',
        'Service ingress-nginx/ingress-nginx-controller',
      ]),
    );
    expect(shop.exposure.outsideFlows).toContainEqual(
      expect.objectContaining({
        to: 'shop/frontend[Deployment]',
        from: ['ingress controller (Ingress routes)'],
        isIsolated: true,
      }),
    );
  });
});
