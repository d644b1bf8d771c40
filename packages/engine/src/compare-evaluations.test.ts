import type { KubeObject } from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEvaluations, newExposureFindings } from './compare-evaluations.ts';
import { draftNamespaces, evaluateDraft } from './evaluate-draft.ts';
import { evaluateCluster } from './evaluation.ts';
import { buildPolicy, clusterArbitrary, policySpecArbitrary } from './test-support/arbitrary-cluster.ts';
import { servicesArbitrary } from './test-support/arbitrary-services.ts';
import { ingress, NGINX, service } from './test-support/finding-objects.ts';
import { app, policy } from './test-support/objects.ts';
import { CLIENT_TO_WEB, DENY_INGRESS, outsideToWeb, SHOP } from './test-support/what-if-cluster.ts';

const WORKLOADS = ['shop/api[Pod]', 'shop/client[Pod]', 'shop/web[Pod]'];
const OUTSIDE = '0.0.0.0-255.255.255.255[External]';

/** What a draft changes in the cluster of `objects`, comparing the flows of its namespaces, as what-if does. */
function diffOf(objects: KubeObject[], partial: Partial<Parameters<typeof evaluateDraft>[1]>) {
  const base = evaluateCluster(objects);
  const draft = { apply: [], delete: [], ...partial };
  return compareEvaluations(base, evaluateDraft(base, draft), { namespaces: draftNamespaces(draft) });
}

const emptyDiff = {
  flows: { added: [], removed: [] },
  unknownFlows: { added: [], removed: [] },
  findings: { added: [], removed: [] },
  addsExposure: false,
};

describe('comparing two evaluations', () => {
  it('finds every flow into the namespace removed by a default deny, sorted by from then to', () => {
    const diff = diffOf(SHOP, { apply: [DENY_INGRESS] });
    const into = (to: string) =>
      [OUTSIDE, ...WORKLOADS.filter((w) => w !== to)].map((from) => ({ from, to }));
    const expected = WORKLOADS.flatMap(into).sort((a, b) =>
      a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1,
    );
    expect(diff.flows.removed).toEqual(expected.map((ends) => ({ ...ends, ports: 'all' })));
    expect(diff.flows.added).toEqual([]);
    expect(diff.addsExposure).toBe(false);
  });

  it('finds the findings the default deny settles gone, and none new', () => {
    const diff = diffOf(SHOP, { apply: [DENY_INGRESS] });
    expect(diff.findings.removed.map((f) => f.id)).toEqual([
      ...WORKLOADS.map((w) => `unprotected:ingress:${w}`),
      'no-default-deny:ingress:shop',
    ]);
    expect(diff.findings.added).toEqual([]);
  });

  it('finds exactly the ports an allow rule opens added', () => {
    const diff = diffOf([...SHOP, DENY_INGRESS], { apply: [CLIENT_TO_WEB] });
    expect(diff.flows).toEqual({
      added: [{ from: 'shop/client[Pod]', to: 'shop/web[Pod]', ports: ['TCP 8080'] }],
      removed: [],
    });
    expect(diff.addsExposure).toBe(false);
  });

  it('lists only the ports that changed when a pair keeps some', () => {
    const wider = policy('shop/client-to-web', {
      podSelector: app('web'),
      ingress: [{ from: [{ podSelector: app('client') }], ports: [{ port: 8000, endPort: 8090 }] }],
    });
    const diff = diffOf([...SHOP, DENY_INGRESS, CLIENT_TO_WEB], { apply: [wider] });
    expect(diff.flows.added).toEqual([
      { from: 'shop/client[Pod]', to: 'shop/web[Pod]', ports: ['TCP 8000-8079', 'TCP 8081-8090'] },
    ]);
    expect(diff.flows.removed).toEqual([]);
  });

  it('finds what deleting the default deny restores, as exposure from outside', () => {
    const objects = [...SHOP, DENY_INGRESS];
    const restored = diffOf(objects, { delete: ['shop/deny-ingress'] });
    const denied = diffOf(SHOP, { apply: [DENY_INGRESS] });
    expect(restored.flows.added).toEqual(denied.flows.removed);
    expect(restored.findings.added).toEqual(denied.findings.removed);
    expect(restored.addsExposure).toBe(true);
  });

  it('does not count an exposure that was there already and only got milder', () => {
    const balancer = service('shop/web-lb', {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    const diff = diffOf([...SHOP, balancer], { apply: [DENY_INGRESS] });
    const [before] = diff.findings.removed.filter((f) => f.category === 'exposure');
    const [after] = diff.findings.added.filter((f) => f.category === 'exposure');
    expect(after?.id).toBe(before?.id);
    expect([before?.severity, after?.severity]).toEqual(['high', 'low']);
    expect(diff.addsExposure).toBe(false);
    expect(newExposureFindings(diff.findings)).toEqual([]);
    // The other way, the same exposure gets worse: that counts.
    const worse = diffOf([...SHOP, balancer, DENY_INGRESS], { delete: ['shop/deny-ingress'] });
    expect(worse.addsExposure).toBe(true);
    expect(newExposureFindings(worse.findings).map((f) => [f.id, f.severity])).toEqual([
      [before?.id, 'high'],
    ]);
  });

  it('counts a rule that opens ingress from 0.0.0.0/0 as exposure', () => {
    const diff = diffOf([...SHOP, DENY_INGRESS], { apply: [outsideToWeb('0.0.0.0/0')] });
    expect(diff.flows.added).toContainEqual({ from: OUTSIDE, to: 'shop/web[Pod]', ports: ['TCP 8080'] });
    expect(diff.addsExposure).toBe(true);
  });

  it('names the outside in pieces both sides share, so a narrower ipBlock only removes', () => {
    const objects = [...SHOP, DENY_INGRESS, outsideToWeb('192.168.0.0/16')];
    const diff = diffOf(objects, { apply: [outsideToWeb('192.168.0.0/24')] });
    expect(diff.flows).toEqual({
      added: [],
      removed: [{ from: '192.168.1.0-192.168.255.255[External]', to: 'shop/web[Pod]', ports: ['TCP 8080'] }],
    });
    expect(diff.addsExposure).toBe(false);
  });

  it('counts a route the ingress controller opens as exposure', () => {
    const routed = [
      ...SHOP,
      ...NGINX,
      service('shop/web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
      ingress('shop/web', 'web.example.com', 'web', 80),
      DENY_INGRESS,
    ];
    const fromController = policy('shop/from-controller', {
      podSelector: app('web'),
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 8080 }] }],
    });
    const diff = diffOf(routed, { apply: [fromController] });
    expect(diff.flows.added).toContainEqual({
      from: '{ingress-controller}',
      to: 'shop/web[Pod]',
      ports: ['TCP 8080'],
    });
    expect(diff.addsExposure).toBe(true);
  });

  it('finds a policy that selects no pod as a new finding, gone again when it is deleted', () => {
    const idle = policy('shop/idle', { podSelector: app('nothing'), ingress: [{}] });
    expect(diffOf(SHOP, { apply: [idle] }).findings.added.map((f) => f.id)).toEqual([
      'policy-selects-no-pod:shop/idle',
    ]);
    const removed = diffOf([...SHOP, idle], { delete: ['shop/idle'] });
    expect(removed.findings.removed.map((f) => f.id)).toEqual(['policy-selects-no-pod:shop/idle']);
    expect(removed.flows).toEqual({ added: [], removed: [] });
  });

  it('finds nothing in a draft that changes nothing', () => {
    const objects = [...SHOP, DENY_INGRESS, CLIENT_TO_WEB];
    expect(diffOf(objects, {})).toEqual(emptyDiff);
    expect(diffOf(objects, { apply: [structuredClone(CLIENT_TO_WEB)] })).toEqual(emptyDiff);
  });

  it('finds nothing between any cluster and itself', () => {
    fc.assert(
      fc.property(clusterArbitrary, servicesArbitrary, (cluster, services) => {
        const objects = [...cluster, ...services];
        expect(compareEvaluations(evaluateCluster(objects), evaluateCluster(objects))).toEqual(emptyDiff);
      }),
      { numRuns: 100 },
    );
  });

  it('finds the same comparing only the flows with an end in the namespaces a draft changes', () => {
    const draftArbitrary = fc.record({
      namespace: fc.constantFrom('alpha', 'beta', 'gamma'),
      specs: fc.array(policySpecArbitrary, { maxLength: 2 }),
      deleted: fc.nat(),
    });
    fc.assert(
      fc.property(clusterArbitrary, servicesArbitrary, draftArbitrary, (cluster, services, choice) => {
        const base = evaluateCluster([...cluster, ...services, ...NGINX]);
        const existing = [...base.state.policies.keys()];
        const draft = {
          apply: choice.specs.map((spec, i) => buildPolicy(choice.namespace, `draft-${i}`, spec)),
          delete: existing.length > 0 ? [existing[choice.deleted % existing.length]!] : [],
        };
        const head = evaluateDraft(base, draft);
        const scoped = compareEvaluations(base, head, { namespaces: draftNamespaces(draft) });
        expect(scoped).toEqual(compareEvaluations(base, head));
      }),
      { numRuns: 200 },
    );
  });

  it('finds added one way what it finds removed the other way', () => {
    const draftArbitrary = fc.array(policySpecArbitrary, { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(clusterArbitrary, draftArbitrary, (cluster, specs) => {
        const base = evaluateCluster(cluster);
        const apply = specs.map((spec, i) => buildPolicy('alpha', `draft-${i}`, spec));
        const head = evaluateDraft(base, { apply, delete: [] });
        const forth = compareEvaluations(base, head);
        const back = compareEvaluations(head, base);
        expect(back.flows).toEqual({ added: forth.flows.removed, removed: forth.flows.added });
        expect(back.unknownFlows).toEqual({
          added: forth.unknownFlows.removed,
          removed: forth.unknownFlows.added,
        });
        expect(back.findings).toEqual({ added: forth.findings.removed, removed: forth.findings.added });
      }),
      { numRuns: 100 },
    );
  });
});
